import { eventStoreMigrations, runMigrations } from '@beacon/event-store';
import { postgresReadModelMigrations } from '@beacon/read-models';
import { Pool } from 'pg';
import { withBenchElasticsearch, type BenchElasticsearch } from '../lib/elasticsearch';
import { withBenchPostgres, type BenchPostgres } from '../lib/postgres';
import type { Benchmark, BenchmarkContext, BenchmarkResult } from '../lib/types';
import { livePushLatency } from './query/live-push-scenarios';
import { searchLatency } from './query/search-scenarios';
import { seedReadModels } from './query/seed-read-models';
import { querySizes } from './query/seed-sizes';

/** A port no other benchmark, test or developer node uses (transport on port + 100). */
const ELASTICSEARCH_PORT = 9293;
const POOL_SIZE = 20; // as the server's pool (apps/server database.module.ts)

/**
 * Fills both read models once, then runs each group of scenarios over them, each group in its own
 * rounds; their rows and settings are put side by side. A new group is one more entry in `groups`.
 */
async function run(context: BenchmarkContext, postgres: BenchPostgres, elasticsearch: BenchElasticsearch): Promise<BenchmarkResult> {
  const size = querySizes(context.scale);
  // The event store's migrations ran already; these are skipped, the read model's are added.
  await runMigrations(postgres.url, [...eventStoreMigrations, ...postgresReadModelMigrations]);
  const pool = new Pool({ connectionString: postgres.url, max: POOL_SIZE });
  // Only idle connections report here: PostgreSQL stopped under them on Ctrl-C must not crash the clean-up.
  pool.on('error', () => undefined);
  try {
    const fixture = await seedReadModels(pool, elasticsearch.client, size, context.log);
    const groups: Record<string, BenchmarkResult> = {
      search: await searchLatency(context, fixture),
      livePush: await livePushLatency(context, postgres.url),
    };
    return {
      settings: {
        sizes: size,
        fleet: fixture.facts,
        poolSize: POOL_SIZE,
        elasticsearch: { ...elasticsearch.settings, port: ELASTICSEARCH_PORT },
        postgres: postgres.settings,
        ...Object.fromEntries(Object.entries(groups).map(([name, group]) => [name, group.settings])),
      },
      measurements: Object.values(groups).flatMap((group) => group.measurements),
    };
  } finally {
    await pool.end();
  }
}

export const benchmark: Benchmark = {
  name: 'query',
  description:
    'search and track latency on the Elasticsearch and PostgreSQL read models over a filled fleet; live push latency with 1,000 and 10,000 streams',
  run: (context) =>
    withBenchElasticsearch({ port: ELASTICSEARCH_PORT }, (elasticsearch) =>
      withBenchPostgres((postgres) => run(context, postgres, elasticsearch)),
    ),
};
