import { EventStore, eventStoreMigrations, type RecordedEvent, runMigrations } from '@beacon/event-store';
import type { ReadModelProjection } from '@beacon/read-models';
import { createTestDatabase, eventually, type TestDatabase } from '@beacon/testing';
import { Pool } from 'pg';
import { readProjectionLag } from './log-head';
import { Projector, type ProjectorLogger, type ProjectorOptions } from './projector';
import { projectionMigrations } from './migrations';

let database: TestDatabase;
let pool: Pool;
let store: EventStore;
const running: Projector[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  // The projector's own tables too (dead letters), as the server migrates them: without them it
  // warns every second that it cannot look for dead letters to retry.
  await runMigrations(database.url, [...eventStoreMigrations, ...projectionMigrations]);
  pool = new Pool({ connectionString: database.url });
  store = new EventStore(pool);
  await pool.query('CREATE TABLE applied (projection text, position bigint, PRIMARY KEY (projection, position))');
}, 30_000);

afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => p.stop()));
});

afterAll(async () => {
  await pool.end();
  await database.drop();
});

const append = (stream: string, count: number) =>
  store.append(
    stream,
    Array.from({ length: count }, (_, i) => ({ type: 'Numbered', data: { n: i } })),
    { expectedVersion: 'any' },
  );

/** Remembers every message, so a test can count what was logged. */
function recordingLogger(): ProjectorLogger & { lines: string[] } {
  const lines: string[] = [];
  const record = (level: string) => (message: string) => void lines.push(`${level}: ${message}`);
  return { lines, log: record('log'), warn: record('warn'), error: record('error') };
}

function projector(options: Pick<ProjectorOptions, 'name' | 'projection'> & Partial<ProjectorOptions>): Projector {
  const created = new Projector({ pool, store, logger: recordingLogger(), ...options });
  running.push(created);
  return created;
}

/** Writes each event's position in the batch's transaction, which also stores the checkpoint. */
const recordPositions =
  (name: string) =>
  async (events: RecordedEvent[], tx: Parameters<ReadModelProjection['apply']>[1]): Promise<void> => {
    await tx.query('INSERT INTO applied (projection, position) SELECT $1, unnest($2::bigint[])', [
      name,
      events.map((e) => e.globalPosition.toString()),
    ]);
  };

describe('Projector', () => {
  it('retries a failing batch with growing pauses, logs the streak once, and loses or repeats nothing', async () => {
    await append('backoff', 30);
    const failAttempts: number[] = [];
    const appliedInMemory: bigint[] = [];
    const logger = recordingLogger();
    let failedBatches = 0;
    const failing = projector({
      name: 'backoff',
      batchSize: 10,
      logger,
      observer: { batchFailed: () => void failedBatches++ },
      projection: {
        apply: async (events, tx) => {
          if (failAttempts.length < 5) {
            failAttempts.push(performance.now());
            // Appends during the backoff notify the subscription; that must not cut the pause short.
            if (failAttempts.length === 3) await append('backoff', 5);
            throw new Error('the read-model store is down');
          }
          await recordPositions('backoff')(events, tx);
          appliedInMemory.push(...events.map((e) => e.globalPosition));
        },
      },
    });
    await failing.start();
    await eventually(async () => expect(await appliedCount('backoff')).toBe(35), 10_000);

    const pauses = failAttempts.slice(1).map((at, i) => at - (failAttempts[i] ?? 0));
    // Each pause at least its step of the doubling schedule (a notification must not cut one short);
    // compared with the schedule rather than with the pause before, which a busy machine may stretch.
    const schedule = [100, 200, 400, 800];
    expect(pauses).toHaveLength(schedule.length);
    pauses.forEach((pause, i) => expect(pause).toBeGreaterThanOrEqual((schedule[i] ?? 0) * 0.9));
    expect(pauses[3]).toBeLessThan(1_500); // 800 ms, not stretched towards the 5 s cap
    expect(new Set(appliedInMemory).size).toBe(appliedInMemory.length);
    expect(appliedInMemory).toHaveLength(35);
    expect(failedBatches).toBe(5);
    expect(logger.lines.filter((l) => l.startsWith('error:'))).toEqual([
      'error: projection backoff failed, retrying with backoff from 100 ms: the read-model store is down',
    ]);
    expect(logger.lines).toContain('log: projection backoff recovered after 5 failed attempts');
  }, 20_000);

  it('reports lag as now − recorded time of the oldest unprojected event while behind, and 0 once caught up', async () => {
    await append('lag', 10);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await append('lag', 15);
    const log = (await store.readAll(0n, 10_000)).filter((e) => e.streamId === 'lag');
    const [first, tenth, eleventh, last] = [log[0], log[9], log[10], log[24]];
    if (!first || !tenth || !eleventh || !last) throw new Error('the log is shorter than appended');
    await pool.query(`INSERT INTO subscription_checkpoints (name, position) VALUES ('lag', $1)`, [(first.globalPosition - 1n).toString()]);
    const lagOf = (event: RecordedEvent, now: Date): number => now.getTime() - event.recordedAt.getTime();

    const now = new Date();
    expect(await readProjectionLag(pool, 'lag', now)).toBe(lagOf(first, now));

    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let batches = 0;
    const lagging = projector({
      name: 'lag',
      batchSize: 10,
      projection: {
        apply: async (events, tx) => {
          if (++batches === 2) await gate; // the second batch hangs: events 11–25 wait
          await recordPositions('lag')(events, tx);
        },
      },
    });
    await lagging.start();
    await eventually(() => expect(lagging.status().checkpoint).toBe(tenth.globalPosition));
    await eventually(async () => {
      const at = new Date();
      expect(await lagging.lagMs(at)).toBe(lagOf(eleventh, at));
    });
    expect(lagOf(eleventh, new Date())).toBeGreaterThan(0);
    expect(lagging.status()).toEqual({
      leader: true,
      checkpoint: tenth.globalPosition,
      lastProjectedRecordedAt: tenth.recordedAt,
      behind: true,
    });
    const at = new Date();
    expect(await readProjectionLag(pool, 'lag', at)).toBe(lagOf(eleventh, at));

    release();
    await eventually(() => expect(lagging.status().checkpoint).toBe(last.globalPosition));
    expect(await lagging.lagMs(new Date())).toBe(0);
    expect(lagging.status()).toMatchObject({ leader: true, behind: false, lastProjectedRecordedAt: last.recordedAt });
    expect(await readProjectionLag(pool, 'lag', new Date())).toBe(0);
    expect(await appliedCount('lag')).toBe(25);
  }, 20_000);
});

async function appliedCount(projection: string): Promise<number> {
  return (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM applied WHERE projection = $1', [projection])).rows[0]?.n ?? 0;
}
