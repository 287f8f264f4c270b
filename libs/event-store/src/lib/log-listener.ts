import { Client, type ClientConfig } from 'pg';
import { EVENT_LOG_CHANNEL } from './global-order-lock';

/**
 * Holds one LISTEN connection and calls `onWake` for every notification. If the connection drops,
 * it reconnects after a pause; subscribers poll slowly anyway, so a lost wake-up only costs time.
 */
export class LogListener {
  private client: Client | null = null;
  private stopped = false;

  constructor(
    private readonly config: ClientConfig,
    private readonly onWake: () => void,
    private readonly onError: (error: Error) => void,
  ) {}

  async start(): Promise<void> {
    const client = new Client(this.config);
    client.on('notification', () => this.onWake());
    client.on('error', (error) => {
      this.onError(error);
      void this.reconnect(client);
    });
    await client.connect();
    await client.query(`LISTEN ${EVENT_LOG_CHANNEL}`);
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
