import { request, type IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';

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
 * `probeEvery`-th stream is a probe: an HTTP client that parses its messages and records when each
 * position arrived. The rest are ballast: raw sockets that send the same request and, paused, read
 * and discard what arrived once a second (see BALLAST_READ_MS), so the harness wakes once per
 * ballast stream per second instead of once per message. The server still writes every message to
 * every stream, which is what is measured, while the harness stays small beside it: as HTTP
 * clients the ballast cost the harness a core at 10,000 streams, parsing every chunk of every
 * stream, and that delay showed as the servers' latency. Probes are spread over the whole set, so
 * a server that writes to its clients in turn is measured at the end of its turn as well as at the
 * start.
 */
export class LiveStreams {
  readonly receipts: Receipt[] = [];
  private readonly responses: IncomingMessage[] = [];
  private readonly ballast: Socket[] = [];
  private readonly reader: NodeJS.Timeout;
  private slice = 0;

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

  /** The streams that record receipts (only probes are HTTP clients). */
  get probes(): number {
    return this.responses.length;
  }

  get count(): number {
    return this.responses.length + this.ballast.length;
  }

  close(): void {
    clearInterval(this.reader);
    for (const response of this.responses) response.destroy();
    for (const socket of this.ballast) socket.destroy();
    this.responses.length = 0;
    this.ballast.length = 0;
  }

  /** Lets one slice of the ballast streams drain their socket buffers, then pauses them again. */
  private readBallast(): void {
    const slice = this.ballast.filter((_, i) => i % BALLAST_SLICES === this.slice);
    this.slice = (this.slice + 1) % BALLAST_SLICES;
    for (const socket of slice) socket.resume();
    setImmediate(() => {
      for (const socket of slice) socket.pause();
    });
  }

  private connect(url: string, headers: Record<string, string>, probe: boolean): Promise<void> {
    return probe ? this.connectProbe(url, headers) : this.connectBallast(new URL(url), headers);
  }

  /**
   * A ballast stream: the stream's GET written on a plain socket. Its first bytes must be a 200
   * status line (the server writes its head with the stream's first comment); after that, bytes are
   * only drained.
   */
  private connectBallast(url: URL, headers: Record<string, string>): Promise<void> {
    const head = [`GET ${url.pathname}${url.search} HTTP/1.1`, `host: ${url.host}`, 'accept: text/event-stream'];
    for (const [name, value] of Object.entries(headers)) head.push(`${name}: ${value}`);
    return new Promise((resolve, reject) => {
      const socket = connect({ host: url.hostname, port: Number(url.port) }, () => socket.write(`${head.join('\r\n')}\r\n\r\n`));
      let received = '';
      const readStatus = (chunk: Buffer): void => {
        received += chunk.toString('latin1');
        const lineEnd = received.indexOf('\r\n');
        if (lineEnd < 0) return;
        socket.off('data', readStatus);
        const status = received.slice(0, lineEnd);
        if (!/^HTTP\/1\.1 200 /.test(status)) {
          socket.destroy();
          reject(new Error(`GET ${url.pathname} answered ${status}`));
          return;
        }
        socket.on('error', () => undefined); // closing at the end destroys it
        socket.on('data', () => undefined);
        socket.pause();
        this.ballast.push(socket);
        resolve();
      };
      socket.once('error', reject);
      socket.on('data', readStatus);
    });
  }

  private connectProbe(url: string, headers: Record<string, string>): Promise<void> {
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
        this.parse(response);
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
