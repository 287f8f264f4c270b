import { EventSource } from 'eventsource';

/** One message as a real EventSource client received it. */
export interface ReceivedEvent {
  type: string;
  data: Record<string, unknown>;
  lastEventId: string;
  receivedAt: number;
}

/**
 * A real EventSource client (the `eventsource` package, which follows the WHATWG spec the browsers
 * implement) that records what it receives; headers (a key, `Last-Event-ID`) go on its requests.
 */
export class LiveClient {
  readonly events: ReceivedEvent[] = [];
  private readonly source: EventSource;
  readonly opened: Promise<void>;

  constructor(url: string, headers: Record<string, string> = {}) {
    this.source = new EventSource(url, {
      fetch: (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), ...headers } }),
    });
    for (const type of ['status', 'position', 'resync']) {
      this.source.addEventListener(type, (event) => {
        this.events.push({
          type,
          data: JSON.parse(event.data) as Record<string, unknown>,
          lastEventId: event.lastEventId,
          receivedAt: Date.now(),
        });
      });
    }
    this.opened = new Promise((resolve, reject) => {
      this.source.onopen = () => resolve();
      this.source.onerror = (error) =>
        reject(new Error(`live stream failed: ${error.message ?? 'no message'} (${error.code ?? 'no status'})`));
    });
  }

  of(type: string, assetId?: string): ReceivedEvent[] {
    return this.events.filter((event) => event.type === type && (assetId === undefined || event.data['id'] === assetId));
  }

  /** Waits until an event passes `matches`, for at most `timeoutMs`. */
  async next(matches: (event: ReceivedEvent) => boolean, timeoutMs = 5_000): Promise<ReceivedEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(matches);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching live event within ${timeoutMs} ms; got ${JSON.stringify(this.events)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  get lastEventId(): string {
    return this.events[this.events.length - 1]?.lastEventId ?? '';
  }

  close(): void {
    this.source.close();
  }
}
