// Beacon's HTTP API through the stack's proxy, as a client sees it. A request never throws: a
// connection that fails or a request that times out is an answer with status 0.

export class BeaconApi {
  constructor(baseUrl, key) {
    this.baseUrl = baseUrl;
    this.key = key;
  }

  get(path) {
    return this.request('GET', path);
  }

  post(path, body) {
    return this.request('POST', path, body);
  }

  async request(method, path, body) {
    const started = performance.now();
    try {
      const response = await fetch(this.baseUrl + path, {
        method,
        headers: {
          authorization: `Bearer ${this.key}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
      const text = await response.text();
      return {
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        body: parseJson(text),
        ms: performance.now() - started,
      };
    } catch (error) {
      return {
        status: 0,
        retryAfter: null,
        body: { error: error.cause?.code ?? error.name, message: error.message },
        ms: performance.now() - started,
      };
    }
  }

  /** A request that must answer one of `statuses`; returns its body. */
  async expect(statuses, method, path, body) {
    const answer = await this.request(method, path, body);
    if (!statuses.includes(answer.status)) {
      throw new Error(`${method} ${path} answered ${answer.status} ${JSON.stringify(answer.body)}, expected ${statuses.join(' or ')}`);
    }
    return answer.body;
  }
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
