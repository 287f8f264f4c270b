import { EventStore, eventStoreMigrations, runMigrations } from '@beacon/event-store';
import { createTestDatabase, createTestElasticsearch } from '@beacon/testing';
import { Pool } from 'pg';
import type { ReadModelHarness } from './contract/read-model-harness';
import { ElasticsearchAssetReadModel } from '../lib/elasticsearch/elasticsearch-asset-read-model';
import { aliasesOf, ElasticsearchIndices, ensureElasticsearchSchema } from '../lib/elasticsearch/elasticsearch-indices';
import { ElasticsearchAssetsProjection } from '../lib/elasticsearch/elasticsearch-projection';

/** The Elasticsearch adapter on the run's node, with its event log on a fresh test database. */
export async function createElasticsearchHarness(): Promise<
  ReadModelHarness & { projection: ElasticsearchAssetsProjection; elasticsearch: Awaited<ReturnType<typeof createTestElasticsearch>> }
> {
  const database = await createTestDatabase();
  await runMigrations(database.url, eventStoreMigrations);
  const pool = new Pool({ connectionString: database.url, max: 4 });
  const store = new EventStore(pool);
  const elasticsearch = await createTestElasticsearch();
  const indices = new ElasticsearchIndices(elasticsearch.prefix);
  await ensureElasticsearchSchema(elasticsearch.client, indices);
  // Writes through the aliases, as the server's live projection does.
  const projection = new ElasticsearchAssetsProjection(elasticsearch.client, indices, aliasesOf(indices));
  let projected = 0n;
  const catchUp = async (): Promise<void> => {
    for (;;) {
      const events = await store.readAll(projected, 1000);
      const last = events[events.length - 1];
      if (!last) break;
      await projection.apply(events);
      projected = last.globalPosition;
    }
    await elasticsearch.client.indices.refresh({ index: `${elasticsearch.prefix}-*` });
  };
  return {
    store,
    readModel: new ElasticsearchAssetReadModel(elasticsearch.client, indices),
    projection,
    elasticsearch,
    catchUp,
    replayAll: async () => {
      projected = 0n;
      await catchUp();
    },
    dispose: async () => {
      await elasticsearch.dispose();
      await pool.end();
      await database.drop();
    },
  };
}
