import type { EventStore } from '@beacon/event-store';
import { projectAssets } from '@beacon/read-models';
import type { Client } from '@elastic/elasticsearch';
import type { Pool } from 'pg';
import { catchUpFrom0, catchUpInTransactions } from '../projections/catch-up';
import { freshElasticsearchReadModel, type ElasticsearchReadModel } from '../projections/elasticsearch-read-model';

/** The server projector's cap (apps/server assets-projector.service.ts). */
const BATCH = 50_000;

/**
 * Fills both read models from the log the way the server's projectors do, with the real
 * projections: PostgreSQL batch by batch in the transaction that reads it, Elasticsearch from a
 * fresh schema, then refreshed so searches see every write. Returns the events each one applied.
 */
export async function projectIntoBoth(
  pool: Pool,
  store: EventStore,
  client: Client,
): Promise<{ readModel: ElasticsearchReadModel; postgresEvents: number; elasticsearchEvents: number }> {
  const postgresEvents = await catchUpInTransactions(pool, store, BATCH, (events, tx) => projectAssets(events, tx));
  const readModel = await freshElasticsearchReadModel(client, 'query');
  const elasticsearchEvents = await catchUpFrom0(store, BATCH, (events, after) => readModel.projection.apply(events, undefined, after));
  await client.indices.refresh({ index: `${readModel.indices.prefix}-*` });
  return { readModel, postgresEvents, elasticsearchEvents };
}
