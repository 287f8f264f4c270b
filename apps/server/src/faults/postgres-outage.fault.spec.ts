import { createDatabase, startEmbeddedPostgres, type EmbeddedPostgresHandle } from '@beacon/embedded-postgres';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ServerProcess } from '../testing/server-process';
import { registerFleet, sendPings, storedMessages } from '../testing/fault-load';

/**
 * PostgreSQL stopped for 10 s under ingest, with one server process: meanwhile every answer is a
 * 503 with Retry-After (never a 202 that is not stored, never a 5xx of another kind), the server
 * stays up, and ingest resumes by itself once PostgreSQL is back. The cluster is this test's own:
 * the run's shared one must not stop.
 */
const OUTAGE_MS = 10_000;
const ASSETS = Array.from({ length: 8 }, (_, i) => `PGDOWN-${i}`);
const tempDir = mkdtempSync(join(tmpdir(), 'beacon-fault-pg-'));
let postgres: EmbeddedPostgresHandle;
let server: ServerProcess | null = null;

const start = (port?: number) =>
  startEmbeddedPostgres({ dataDir: join(tempDir, 'postgres'), ...(port ? { port } : {}), log: () => undefined });

beforeAll(async () => {
  postgres = await start();
}, 120_000);
afterAll(async () => {
  await server?.kill('SIGKILL');
  await postgres.stop();
  rmSync(tempDir, { recursive: true, force: true });
});

it('answers 503 while PostgreSQL is down, loses no acknowledged heartbeat, and recovers by itself', async () => {
  const databaseUrl = await createDatabase(postgres.url, 'beacon');
  server = await ServerProcess.start(databaseUrl);
  await registerFleet(server.url, 'outage-test', ASSETS);

  const answers: Array<{ at: number; status: number }> = [];
  let stoppedAt = 0;
  let restartingAt = 0;
  let upAgainAt = 0;
  const outage = (async () => {
    await sleep(1000);
    stoppedAt = performance.now();
    await postgres.stop();
    await sleep(OUTAGE_MS);
    restartingAt = performance.now(); // PostgreSQL may take connections from here on
    postgres = await start(postgres.port);
    upAgainAt = performance.now();
    await sleep(5000); // ingest should be back well within this
  })();
  const load = await sendPings({
    url: server.url,
    assetIds: ASSETS,
    clients: 8,
    until: outage,
    onAnswer: (status) => answers.push({ at: performance.now(), status }),
  });

  expect(load.unexpected).toEqual([]);
  expect(load.unanswered.size).toBe(0); // the server itself never went away
  const during = answers.filter((a) => a.at > stoppedAt + 500 && a.at < restartingAt);
  expect(during.length).toBeGreaterThan(0);
  expect(during.filter((a) => a.status !== 503)).toEqual([]);
  const firstAcceptedAfter = answers.find((a) => a.at > restartingAt && a.status === 202);
  expect(firstAcceptedAfter).toBeDefined();
  // From the moment the restarted PostgreSQL was seen ready (it may have taken connections a little earlier).
  const recoverySeconds = Math.max(0, (firstAcceptedAfter?.at ?? 0) - upAgainAt) / 1000;
  expect(recoverySeconds).toBeLessThan(5);

  const stored = await storedMessages(databaseUrl);
  expect([...load.acknowledged].filter((key) => !stored.has(key))).toEqual([]);
  console.log(
    `PostgreSQL down ${OUTAGE_MS / 1000} s: ${load.acknowledged.size} acknowledged (all stored), ` +
      `${load.statuses.get(503) ?? 0} answered 503, ingest back ${recoverySeconds.toFixed(2)} s after PostgreSQL`,
  );
});
