import type { ElasticsearchIndices } from '@beacon/read-models';
import type { Client } from '@elastic/elasticsearch';
import type { Pool } from 'pg';

const PAGE = 100;

/**
 * The least a page of 100 assets costs on each store, through the same client or pool the read
 * model uses: a `match_all` on the assets alias, and a bare `SELECT … LIMIT 100` of the columns
 * the PostgreSQL read model returns (asset-row.ts ASSET_COLUMNS; keep them in step). Neither
 * filters, sorts or counts: what a search costs on top of them is what its query adds.
 */
export const BASELINES = {
  elasticsearch: {
    name: 'Elasticsearch match_all, size 100',
    query: (client: Client, indices: ElasticsearchIndices) => async (): Promise<number> =>
      (await client.search({ index: indices.assetsAlias, size: PAGE, query: { match_all: {} } })).hits.hits.length,
  },
  postgres: {
    name: 'PostgreSQL SELECT … FROM rm_assets LIMIT 100',
    query: (pool: Pool) => async (): Promise<number> =>
      (await pool.query(`SELECT view, customer_name FROM rm_assets LIMIT ${PAGE}`)).rowCount ?? 0,
  },
} as const;
