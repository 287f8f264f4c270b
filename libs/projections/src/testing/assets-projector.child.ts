import { EventStore } from '@beacon/event-store';
import {
  aliasesOf,
  ElasticsearchAssetsProjection,
  ElasticsearchIndices,
  ElasticsearchRebuilds,
  ensureElasticsearchSchema,
  postgresAssetsProjection,
  type ReadModelProjection,
  type ReadModelRebuilds,
} from '@beacon/read-models';
import { Client } from '@elastic/elasticsearch';
import { Pool } from 'pg';
import { Projector } from '../lib/projector';

/**
 * A process that runs the assets projection under a Projector, for tests that kill it (see
 * projector-process.ts). Arguments: database URL, projector name, batch size and, for the
 * Elasticsearch read model, its URL and index prefix (it then also runs rebuilds). It tells its
 * parent what happens as JSON lines on stdout and logs to stderr.
 */
const [databaseUrl, name = 'assets', batchSize = '50', elasticsearchUrl, prefix] = process.argv.slice(2);
const tell = (message: object): void => void process.stdout.write(`${JSON.stringify({ ...message, at: Date.now() })}\n`);
const log = (message: string): void => void process.stderr.write(`${message}\n`);

async function readModel(): Promise<{ projection: ReadModelProjection; rebuilds?: ReadModelRebuilds; close(): Promise<void> }> {
  if (!elasticsearchUrl || !prefix) return { projection: postgresAssetsProjection, close: () => Promise.resolve() };
  const client = new Client({ node: elasticsearchUrl });
  const indices = new ElasticsearchIndices(prefix);
  await ensureElasticsearchSchema(client, indices);
  const projection = new ElasticsearchAssetsProjection(client, indices, aliasesOf(indices));
  return { projection, rebuilds: new ElasticsearchRebuilds(client, indices, projection), close: () => client.close() };
}

async function main(): Promise<void> {
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  pool.on('error', (error) => log(`idle connection lost: ${error.message}`));
  const { projection, rebuilds, close } = await readModel();
  const projector = new Projector({
    pool,
    store: new EventStore(pool),
    name,
    batchSize: Number(batchSize),
    projection,
    ...(rebuilds ? { rebuilds, rebuildPollMs: 100 } : {}),
    logger: { log, warn: log, error: log },
    observer: {
      leadershipChanged: (leader) => tell({ leader }),
      batchProjected: (events) => tell({ projected: events }),
    },
  });
  process.once('SIGTERM', () => {
    void projector
      .stop()
      .then(() => Promise.all([pool.end(), close()]))
      .then(() => process.exit(0));
  });
  await projector.start();
  tell({ started: true });
}

main().catch((error: unknown) => {
  log(`failed: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
