import { Client, type ClientConfig } from 'pg';
import { EVENT_LOG_CHANNEL } from './global-order-lock';

/**
 * Holds one LISTEN connection and calls `onWake` for every notification (with its payload). If the
 * connection drops, it reconnects after a pause and wakes its owner once, since notifications sent
 * meanwhile are lost: owners must treat a wake-up as "look again", not as the only news. The
 * channel is the event log's unless another is named.
 */
export class LogListener {
  private client: Client | null = null;
  private stopped = false;

  constructor(
    private readonly config: ClientConfig,
    private readonly onWake: (payload?: string) => void,
    private readonly onError: (error: Error) => void,
    private readonly channel: string = EVENT_LOG_CHANNEL,
  ) {}

  async start(): Promise<void> {
    const client = new Client(this.config);
    client.on('notification', (notification) => this.onWake(notification.payload));
    client.on('error', (error) => {
      this.onError(error);
      void this.reconnect(client);
    });
    await client.connect();
    await client.query(`LISTEN ${this.channel}`);
    if (this.stopped) {
      // stop() came while this connection was being opened (a reconnect): it must not outlive it.
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }

  private async reconnect(failed: Client): Promise<void> {
    if (this.client !== failed || this.stopped) return;
    this.client = null;
    await failed.end().catch(() => undefined);
    while (!this.stopped) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      if (this.stopped) return;
      try {
        await this.start();
        this.onWake();
        return;
      } catch (error) {
        this.onError(error as Error);
      }
    }
  }
}
