import { HeartbeatPartitions, type NewHeartbeat } from '@beacon/event-store';
import { Client, Pool, type ClientBase } from 'pg';
import { withBenchPostgres, type BenchPostgres } from '../lib/postgres';
import { RAW_INSERT_ROWS, insertRawInBatches } from '../lib/raw-insert';
import { perSecond, repeatInRounds, type Scenario } from '../lib/repeat';
import type { Benchmark, BenchmarkContext, BenchmarkResult } from '../lib/types';
import { catchUpScenarios } from './event-store/catch-up-scenarios';
import { ASSET_COUNT, HeartbeatSource, startOfUtcDay } from './event-store/heartbeat-rows';
import { assertHeartbeatCount, resetHeartbeats } from './event-store/heartbeat-table';
import { writerScenario } from './event-store/writer-scenarios';

const RAW_INSERT = 'raw INSERT';
const READ_BATCH = 5_000;
const WRITER_POOL_SIZE = 20; // as the server's pool (apps/server database.module.ts)

/**
 * Rows per run at scale 1, sized for a full run of a few minutes on 2 cores. A lone caller waits
 * for one commit (one fsync) per heartbeat, so it gets fewer rows: a rate needs seconds, not
 * the same row count.
 */
function sizes(scale: number) {
  const rows = (n: number): number => Math.max(RAW_INSERT_ROWS, Math.round((n * scale) / RAW_INSERT_ROWS) * RAW_INSERT_ROWS);
  return {
    rawInsert: rows(200_000),
    writer: [
      { callers: 1, rows: rows(5_000) },
      { callers: 16, rows: rows(50_000) },
      { callers: 256, rows: rows(200_000) },
      // One flush at a time (before decision 014), and callers shaped like batch requests.
      { callers: 256, rows: rows(200_000), flushesInFlight: 1 },
      { callers: 8, rowsPerCall: 1_000, rows: rows(200_000) },
      { callers: 8, rowsPerCall: 1_000, rows: rows(200_000), flushesInFlight: 1 },
    ],
    catchUp: rows(500_000),
  };
}

function rawInsertScenario(client: ClientBase, source: HeartbeatSource, count: number): Scenario {
  let rows: NewHeartbeat[] = [];
  return {
    scenario: RAW_INSERT,
    unit: 'heartbeats/s',
    baseline: RAW_INSERT,
    prepare: async () => {
      await resetHeartbeats(client);
      rows = source.take(count);
    },
    measure: async () => {
      const rate = await perSecond(count, () => insertRawInBatches(client, rows));
      await assertHeartbeatCount(client, count);
      return rate;
    },
  };
}

async function run(context: BenchmarkContext, postgres: BenchPostgres): Promise<BenchmarkResult> {
  const size = sizes(context.scale);
  const dayStart = startOfUtcDay(new Date());
  const source = new HeartbeatSource(dayStart);
  const pool = new Pool({ connectionString: postgres.url, max: WRITER_POOL_SIZE });
  const client = new Client({ connectionString: postgres.url });
  // Only idle connections report here (a query in flight rejects instead): that happens when the
  // server is stopped under them on Ctrl-C, and must not crash the clean-up.
  pool.on('error', ignore);
  client.on('error', ignore);
  await client.connect();
  try {
    // The raw INSERT needs today's partition to exist; the writer creates it itself.
    await new HeartbeatPartitions(pool).ensure([new Date(dayStart).toISOString()]);

    context.log('appends: raw INSERT baseline and the group-commit writer, in rounds');
    const appends = await repeatInRounds(
      [
        rawInsertScenario(client, source, size.rawInsert),
        ...size.writer.map((writer) =>
          writerScenario({
            ...writer,
            pool,
            admin: client,
            source,
            baseline: RAW_INSERT,
            ...(writer.callers === 256 && !('flushesInFlight' in writer) ? { target: { min: 50_000, minRatio: 0.6 } } : {}),
          }),
        ),
      ],
      context,
    );

    context.log(`catch-up: storing ${size.catchUp.toLocaleString('en-US')} heartbeats to read back`);
    await resetHeartbeats(client);
    for (let stored = 0; stored < size.catchUp; stored += 10 * RAW_INSERT_ROWS) {
      await insertRawInBatches(client, source.take(Math.min(10 * RAW_INSERT_ROWS, size.catchUp - stored)));
    }
    // Hint bits and the visibility map set once here, not by whichever reader comes first.
    await client.query('VACUUM (ANALYZE) heartbeats');
    const catchUp = await repeatInRounds(
      catchUpScenarios({ pool, client, events: size.catchUp, batchSize: READ_BATCH, target: { min: 200_000 } }),
      context,
    );

    return {
      settings: {
        rows: size,
        assets: ASSET_COUNT,
        rawInsertBatchRows: RAW_INSERT_ROWS,
        readAllBatch: READ_BATCH,
        writerOptions: 'library defaults',
        writerPoolSize: WRITER_POOL_SIZE,
        postgres: postgres.settings,
      },
      measurements: [...appends, ...catchUp],
    };
  } finally {
    await client.end();
    await pool.end();
  }
}

const ignore = (): void => undefined;

export const benchmark: Benchmark = {
  name: 'event-store',
  description: 'durable heartbeat appends (group-commit writer vs raw INSERT) and readAll catch-up',
  run: (context) => withBenchPostgres((postgres) => run(context, postgres)),
};
