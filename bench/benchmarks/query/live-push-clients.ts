import { request, type IncomingMessage } from 'node:http';

/** Connections opened at once: the server's listen backlog (511) must not overflow. */
const CONNECT_CONCURRENCY = 200;
/**
 * Each ballast stream reads once a second, what arrived meanwhile waiting in the kernel's socket
 * buffers; a tenth of them every 100 ms, so the harness never stalls on reading all at once (a
 * stall would delay the probes' receipts and show as the server's latency).
 */
const BALLAST_READ_MS = 100;
const BALLAST_SLICES = 10;

/** When one probe received one message: its key (`asset|timestamp`) and the time. */
export interface Receipt {
  key: string;
  at: number;
}

/**
 * `count` server-sent-event streams to one server, opened from this process over loopback. Every
 * `probeEvery`-th stream is a probe: it parses its messages and records when each position arrived.
 * The rest are ballast: paused, they read and discard what arrived once a second (see
 * BALLAST_READ_MS), so the harness wakes once per ballast stream per second instead of once per message — the server still writes
 * every message to every stream, which is what is measured, while the harness stays small beside it. Probes are spread over the whole set, so a server that writes to its
 * clients in turn is measured at the end of its turn as well as at the start.
 */
export class LiveStreams {
  readonly receipts: Receipt[] = [];
  private readonly responses: IncomingMessage[] = [];
  private readonly ballast: IncomingMessage[] = [];
  private readonly reader: NodeJS.Timeout;
  private slice = 0;
  probes = 0;

  private constructor(private readonly probeEvery: number) {
    this.reader = setInterval(() => this.readBallast(), BALLAST_READ_MS);
  }

  static async open(url: string, headers: Record<string, string>, count: number, probeEvery: number): Promise<LiveStreams> {
    const streams = new LiveStreams(probeEvery);
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let i = next++; i < count; i = next++) await streams.connect(url, headers, i % probeEvery === 0);
    };
    try {
      await Promise.all(Array.from({ length: Math.min(CONNECT_CONCURRENCY, count) }, worker));
    } catch (error) {
      streams.close();
      throw error;
    }
    return streams;
  }

  get count(): number {
    return this.responses.length;
  }

  close(): void {
    clearInterval(this.reader);
    for (const response of this.responses) response.destroy();
    this.responses.length = 0;
    this.ballast.length = 0;
  }

  /** Lets one slice of the ballast streams drain their socket buffers, then pauses them again. */
  private readBallast(): void {
    const slice = this.ballast.filter((_, i) => i % BALLAST_SLICES === this.slice);
    this.slice = (this.slice + 1) % BALLAST_SLICES;
    for (const response of slice) response.resume();
    setImmediate(() => {
      for (const response of slice) response.pause();
    });
  }

  private connect(url: string, headers: Record<string, string>, probe: boolean): Promise<void> {
    return new Promise((resolve, reject) => {
      const req = request(url, { headers: { accept: 'text/event-stream', ...headers }, agent: false }, (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          reject(new Error(`GET ${url} answered ${response.statusCode}`));
          return;
        }
        this.responses.push(response);
        response.once('data', () => resolve()); // the server's first comment: the stream is registered
        response.on('error', () => undefined); // closing at the end destroys it
        if (probe) {
          this.probes++;
          this.parse(response);
        } else {
          response.on('data', () => undefined);
          response.once('data', () => response.pause());
          this.ballast.push(response);
        }
      });
      req.once('error', reject);
      req.end();
    });
  }

  private parse(response: IncomingMessage): void {
    let buffered = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      const at = Date.now();
      buffered += chunk;
      let end: number;
      while ((end = buffered.indexOf('\n\n')) >= 0) {
        const frame = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        if (!frame.includes('event: position')) continue;
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (!data) continue;
        const { id, position } = JSON.parse(data) as { id: string; position: { timestamp: string } };
        this.receipts.push({ key: `${id}|${position.timestamp}`, at });
      }
    });
  }
}
