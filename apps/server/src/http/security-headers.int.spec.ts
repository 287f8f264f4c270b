import { adminHeaders, startTestApp, type TestApp } from '../testing/test-app';
import { SECURITY_HEADERS } from './install-security-headers';

/** Browser-facing hardening: security headers everywhere, CORS only for listed origins, /metrics behind a key. */
const METRICS_KEY = 'metrics-scraper-key-0123456789';
let open: TestApp;
let withCors: TestApp;

beforeAll(async () => {
  open = await startTestApp({ BEACON_AUTH: 'on', BEACON_METRICS_KEY: METRICS_KEY });
  withCors = await startTestApp({ BEACON_CORS_ORIGINS: 'https://ops.example.com' });
});
afterAll(async () => {
  await withCors.close();
  await open.close();
});

describe('HTTP hardening', () => {
  it('sends a content security policy and the usual security headers with every answer', async () => {
    const heartbeat = { lat: 59.33, lon: 18.06, timestamp: new Date().toISOString() };
    const requests = [
      ...['/api/v1/customers', '/api/openapi.json', '/health/live', '/nowhere'].map((url) => ({ method: 'GET' as const, url })),
      // The single-heartbeat route is Fastify's own (decision 018), outside Nest's router.
      { method: 'POST' as const, url: '/api/v1/assets/no-such-asset/heartbeats', payload: heartbeat },
    ];
    for (const request of requests) {
      const response = await open.request({ ...request, headers: adminHeaders });
      const policy = response.headers['content-security-policy'];
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("object-src 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['x-powered-by']).toBeUndefined();
      expect(response.headers).toMatchObject(SECURITY_HEADERS);
    }
  });

  it('sends them, the request id and CORS with the live stream too, whose route writes its own head', async () => {
    const openStream = async (test: TestApp, headers: Record<string, string>) => {
      await test.app.listen(0, '127.0.0.1');
      const aborted = new AbortController();
      const response = await fetch(`${await test.app.getUrl()}/api/v1/live`, { headers, signal: aborted.signal });
      aborted.abort();
      return response;
    };
    const stream = await openStream(open, adminHeaders);
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(stream.headers.get(name)).toBe(value);
    expect(stream.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const crossOrigin = await openStream(withCors, { origin: 'https://ops.example.com' });
    expect(crossOrigin.status).toBe(200);
    expect(crossOrigin.headers.get('access-control-allow-origin')).toBe('https://ops.example.com');
  });

  it('answers no cross-origin request unless BEACON_CORS_ORIGINS lists its origin', async () => {
    const preflight = (test: TestApp, origin: string) =>
      test.request({
        method: 'OPTIONS',
        url: '/api/v1/assets',
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
    expect((await preflight(open, 'https://ops.example.com')).headers['access-control-allow-origin']).toBeUndefined();
    const allowed = await preflight(withCors, 'https://ops.example.com');
    expect(allowed.statusCode).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://ops.example.com');
    expect(allowed.headers['access-control-allow-headers']).toContain('authorization');
    expect((await preflight(withCors, 'https://elsewhere.example.com')).headers['access-control-allow-origin']).toBeUndefined();
    const read = await withCors.request({ method: 'GET', url: '/api/v1/assets', headers: { origin: 'https://ops.example.com' } });
    expect(read.headers['access-control-allow-origin']).toBe('https://ops.example.com');
  });

  it('keeps /metrics for an admin key or BEACON_METRICS_KEY when auth is on', async () => {
    const scrape = (headers: Record<string, string>) => open.request({ method: 'GET', url: '/metrics', headers });
    expect((await scrape({})).statusCode).toBe(401);
    expect((await scrape({ authorization: 'Bearer not-the-metrics-key-at-all' })).statusCode).toBe(401);
    const viewer = (
      await open.request({ method: 'POST', url: '/api/v1/api-keys', headers: adminHeaders, payload: { role: 'viewer', name: 'screen' } })
    ).json<{ key: string }>().key;
    expect((await scrape({ authorization: `Bearer ${viewer}` })).statusCode).toBe(403);
    expect((await scrape(adminHeaders)).statusCode).toBe(200);
    const scraped = await scrape({ authorization: `Bearer ${METRICS_KEY}` });
    expect(scraped.statusCode).toBe(200);
    expect(scraped.body).toContain('beacon_http_requests_total');
  });
});
