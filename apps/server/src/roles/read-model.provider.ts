import { ASSET_READ_MODEL, PostgresAssetReadModel } from '@beacon/read-models';
import type { Provider } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '../config/config.tokens';

/** The PostgreSQL read model; the Elasticsearch adapter will be chosen here by configuration. */
export const assetReadModelProvider: Provider = {
  provide: ASSET_READ_MODEL,
  inject: [PG_POOL],
  useFactory: (pool: Pool) => new PostgresAssetReadModel(pool),
};
