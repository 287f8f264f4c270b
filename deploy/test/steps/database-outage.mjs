// Step 6: PostgreSQL stopped for 10 s under ingest. Clients get 503 with Retry-After meanwhile, never
// a 202 for a heartbeat that is then missing, and ingest recovers by itself.
import { setTimeout as sleep } from 'node:timers/promises';
import { docker, runningContainers } from '../docker.mjs';
import { startLoad, waitFor } from '../load.mjs';
import { FLEET } from './ingest-and-search.mjs';

const OUTAGE_MS = 10_000;

/** When the new PostgreSQL container accepts connections (swarm reports it healthy only later). */
async function postgresAcceptingAt(stack) {
  return waitFor(
    'PostgreSQL accepting connections again',
    async () => {
      const [postgres] = await runningContainers(stack, 'postgres');
      if (!postgres) return undefined;
      const ready = await docker('exec', postgres, 'pg_isready', '-q', '-h', '127.0.0.1').then(
        () => true,
        () => false,
      );
      return ready ? Date.now() : undefined;
    },
    { timeoutMs: 120_000, intervalMs: 100 },
  );
}

/** The message ids of the test's heartbeats that PostgreSQL holds, asked inside its container. */
async function storedMessageIds(stack, prefix) {
  const [postgres] = await runningContainers(stack, 'postgres');
  const out = await docker(
    'exec',
    postgres,
    'psql',
    '-U',
    'beacon',
    '-d',
    'beacon',
    '-Atc',
    `SELECT message_id FROM heartbeats WHERE message_id LIKE '${prefix}%'`,
  );
  return new Set(out.split('\n').filter(Boolean));
}

export async function databaseOutage({ api, stack }) {
  const prefix = `outage-${Date.now()}-`;
  const load = startLoad({
    concurrency: 6,
    pauseMs: 10,
    send: async (worker, n) => {
      const messageId = `${prefix}${worker}-${n}`;
      const answer = await api.post(`/api/v1/assets/${FLEET[worker].id}/heartbeats`, { lat: 59.6, lon: 18.3, messageId });
      return { ...answer, messageId };
    },
  });
  let stopAskedAt, stoppedAt, backAt, recoveredAt;
  try {
    await sleep(3000);
    stopAskedAt = Date.now();
    await docker('service', 'scale', '--detach', `${stack}_postgres=0`);
    stoppedAt = await waitFor(
      'PostgreSQL stopped',
      async () => ((await runningContainers(stack, 'postgres')).length === 0 ? Date.now() : undefined),
      { timeoutMs: 90_000, intervalMs: 100 },
    );
    await sleep(OUTAGE_MS);
    await docker('service', 'scale', '--detach', `${stack}_postgres=1`);
    backAt = await postgresAcceptingAt(stack);
    recoveredAt = await waitFor('a heartbeat accepted again', () => load.answers.find((a) => a.status === 202 && a.at > backAt)?.at, {
      timeoutMs: 60_000,
    });
    await sleep(5000);
  } finally {
    await load.stop();
  }

  const answers = load.answers;
  const acknowledged = answers.filter((a) => a.status === 202);
  const refused = answers.filter((a) => a.status === 503 && a.retryAfter !== null);
  const other = answers.filter((a) => a.status !== 202 && !(a.status === 503 && a.retryAfter !== null));
  const stored = await storedMessageIds(stack, prefix);
  const missing = acknowledged.filter((a) => !stored.has(a.messageId));
  // (An answer already on its way when the container stopped may arrive a moment later.)
  const acknowledgedWhileDown = acknowledged.filter((a) => a.at > stoppedAt + 500 && a.at < backAt);
  const refusedAt = refused.map((a) => a.at);

  if (missing.length > 0) throw new Error(`${missing.length} acknowledged heartbeats are not stored, e.g. ${missing[0].messageId}`);
  if (other.length > 0)
    throw new Error(`${other.length} answers were neither 202 nor 503 with Retry-After, e.g. ${JSON.stringify(other.slice(0, 3))}`);
  if (refused.length === 0) throw new Error('no request was refused: PostgreSQL did not seem to stop');
  const early = refused.filter((a) => a.at < stopAskedAt);
  if (early.length > 0) throw new Error(`${early.length} heartbeats were refused before PostgreSQL was asked to stop`);
  if (acknowledgedWhileDown.length > 0)
    throw new Error(`${acknowledgedWhileDown.length} heartbeats were acknowledged while PostgreSQL was down`);
  return {
    'heartbeats sent': answers.length,
    'acknowledged (202)': acknowledged.length,
    'refused (503 + Retry-After)': refused.length,
    'other answers': other.length,
    'acknowledged but missing': missing.length,
    'acknowledged while PostgreSQL was down': acknowledgedWhileDown.length,
    'PostgreSQL stopping took s': ((stoppedAt - stopAskedAt) / 1000).toFixed(1),
    'PostgreSQL gone for s': ((backAt - stoppedAt) / 1000).toFixed(1),
    'refusals from first to last, s': ((Math.max(...refusedAt) - Math.min(...refusedAt)) / 1000).toFixed(1),
    'accepted again, s after PostgreSQL answered': ((recoveredAt - backAt) / 1000).toFixed(1),
  };
}
