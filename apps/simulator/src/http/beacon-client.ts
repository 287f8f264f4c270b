import type { OutgoingRequest } from '../formats/outgoing-request';

/** What one request came to: its status (0 when no answer came), its body and how long it took. */
export interface Answer {
  status: number;
  body: unknown;
  latencyMs: number;
  /** Why no answer came (connection refused, reset, …). */
  failure?: string;
}

/** Sends requests to one Beacon with one key, as any client of the API would. */
export class BeaconClient {
  constructor(
    private readonly baseUrl: string,
    private readonly key: string,
  ) {}

  async send(request: Pick<OutgoingRequest, 'method' | 'path' | 'body'>): Promise<Answer> {
    const started = performance.now();
    try {
      const response = await fetch(this.baseUrl + request.path, {
        method: request.method,
        headers: {
          authorization: `Bearer ${this.key}`,
          ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: request.body,
      });
      const text = await response.text();
      return { status: response.status, body: parseJson(text), latencyMs: performance.now() - started };
    } catch (error) {
      const cause = (error as Error & { cause?: { code?: string } }).cause?.code;
      return { status: 0, body: null, latencyMs: performance.now() - started, failure: cause ?? (error as Error).message };
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
