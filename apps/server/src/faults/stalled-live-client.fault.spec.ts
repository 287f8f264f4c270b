import { createTestDatabase, type TestDatabase } from '@beacon/testing';
import { connect, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { ServerProcess } from '../testing/server-process';
import { TEST_ADMIN_KEY, adminHeaders } from '../testing/test-app';

/**
 * Live-stream clients that stop reading (a laptop lid closed, a stuck proxy) must not slow ingest
 * nor the clients that do read: the server keeps writing to everyone else, and buffers only so
 * much for a stalled one.
 */
const ASSETS = Array.from({ length: 400 }, (_, i) => `LIVE-${String(i).padStart(3, '0')}`);
const STALLED_CLIENTS = 40;
const PHASE_MS = 4000;
let database: TestDatabase;
let server: ServerProcess;

beforeAll(async () => {
  database = await createTestDatabase();
  // Registration need not wait for the read model here; the fleet is in place before the load.
  server = await ServerProcess.start(database.url, { BEACON_READ_YOUR_WRITES_MS: '0' });
  const post = async (path: string, body: object): Promise<void> => {
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { ...adminHeaders, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`POST ${path}: ${response.status}`);
  };
  await post('/api/v1/customers', { id: 'live-test', name: 'Live AB' });
  for (let i = 0; i < ASSETS.length; i += 16) {
    await Promise.all(ASSETS.slice(i, i + 16).map((id) => post('/api/v1/assets', { id, kind: 'vehicle', customerId: 'live-test' })));
  }
}, 120_000);
afterAll(async () => {
  await server?.kill('SIGKILL');
  await database?.drop();
});

/** Batches of one heartbeat per asset from 4 clients for `ms`; heartbeats stored per second. */
async function ingestFor(ms: number, round: { n: number }): Promise<number> {
  const until = performance.now() + ms;
  let accepted = 0;
  const client = async (): Promise<void> => {
    while (performance.now() < until) {
      const n = round.n++;
      const batch = ASSETS.map((assetId, i) => ({ assetId, lat: 59 + ((n + i) % 1000) / 1e4, lon: 18 + i / 1e4, messageId: `r${n}` }));
      const response = await fetch(`${server.url}/api/v1/heartbeats`, {
        method: 'POST',
        headers: { ...adminHeaders, 'content-type': 'application/json' },
        body: JSON.stringify(batch),
      });
      expect(response.status).toBe(202);
      accepted += ((await response.json()) as { accepted: number }).accepted;
    }
  };
  const started = performance.now();
  await Promise.all([client(), client(), client(), client()]);
  return accepted / ((performance.now() - started) / 1000);
}

/** Reads the live stream and notes when each event arrives. */
function readingClient(): { arrivals: number[]; stop(): void } {
  const arrivals: number[] = [];
  const abort = new AbortController();
  void (async () => {
    const response = await fetch(`${server.url}/api/v1/live?key=${TEST_ADMIN_KEY}`, { signal: abort.signal });
    const reader = response.body?.getReader();
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) return;
      const text = new TextDecoder().decode(chunk.value);
      for (const _ of text.matchAll(/^event: /gm)) arrivals.push(performance.now());
    }
  })().catch(() => undefined);
  return { arrivals, stop: () => abort.abort() };
}

/** Asks for the live stream, then never reads: what the server writes piles up in its buffers. */
function stalledClient(url: string): Socket {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname, () => {
    socket.write(`GET /api/v1/live?key=${TEST_ADMIN_KEY} HTTP/1.1\r\nHost: ${hostname}\r\n\r\n`);
    socket.pause();
  });
  socket.on('error', () => undefined);
  return socket;
}

it('keeps ingest and reading clients going while 40 live clients stop reading', async () => {
  const round = { n: 0 };
  await ingestFor(1000, round); // warm-up
  const reader = readingClient();
  const alone = await ingestFor(PHASE_MS, round);

  const stalled = Array.from({ length: STALLED_CLIENTS }, () => stalledClient(server.url));
  await sleep(500);
  const phaseStart = performance.now();
  const withStalled = await ingestFor(PHASE_MS, round);
  const phaseEnd = performance.now();
  reader.stop();
  for (const socket of stalled) socket.destroy();

  // The reading client heard something every second or so throughout (positions pass once a second per asset).
  const inPhase = [phaseStart, ...reader.arrivals.filter((t) => t >= phaseStart && t <= phaseEnd), phaseEnd];
  const longestSilence = Math.max(...inPhase.slice(1).map((t, i) => t - (inPhase[i] ?? t)));
  console.log(
    `stalled live clients: ingest ${Math.round(alone)} heartbeats/s alone, ${Math.round(withStalled)} with ${STALLED_CLIENTS} stalled ` +
      `(${(withStalled / alone).toFixed(2)} ×); the reading client's longest silence ${Math.round(longestSilence)} ms`,
  );
  expect(withStalled / alone).toBeGreaterThan(0.6);
  expect(longestSilence).toBeLessThan(2000);
});
