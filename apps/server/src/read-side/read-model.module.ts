import {
  ASSET_READ_MODEL,
  ElasticsearchAssetReadModel,
  ElasticsearchAssetsProjection,
  ElasticsearchIndices,
  ElasticsearchRebuilds,
  PostgresAssetReadModel,
  aliasesOf,
  ensureElasticsearchSchema,
  postgresAssetsProjection,
  type WriteTarget,
} from '@beacon/read-models';
import { Client } from '@elastic/elasticsearch';
import { Global, Inject, Logger, Module, type DynamicModule, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import type { Pool } from 'pg';
import type { BeaconConfig } from '../config/beacon-config';
import { PG_POOL } from '../config/config.tokens';
import { waitUntilAvailable } from '../shared/wait-until-available';
import {
  ASSETS_PROJECTION,
  POSTGRES_ASSETS_PROJECTION,
  elasticsearchAssetsProjectionName,
  type AssetsProjection,
} from './assets-projection';
import { isElasticsearchUnavailable } from './elasticsearch-unavailable';

/** Elasticsearch takes longer than the server to start; a deployment starts both at once. */
const ELASTICSEARCH_WAIT_MS = 180_000;

/** The Elasticsearch client, or null when the read model lives in PostgreSQL. */
export const ELASTICSEARCH_CLIENT = Symbol('ElasticsearchClient');
/** The generation of indices the aliases pointed at when this process started (Elasticsearch only): the schema is ready. */
export const ELASTICSEARCH_WRITE_TARGET = Symbol('ElasticsearchWriteTarget');

/**
 * Chooses the read model once, from `BEACON_ELASTICSEARCH_URL`: Elasticsearch when it is set,
 * PostgreSQL (the one-machine default) when not — what queries read and what the projector writes.
 */
@Global()
@Module({})
export class ReadModelModule implements OnApplicationShutdown {
  constructor(@Inject(ELASTICSEARCH_CLIENT) private readonly client: Client | null) {}

  static forRoot(config: BeaconConfig): DynamicModule {
    const url = config.elasticsearchUrl;
    const indices = new ElasticsearchIndices(config.elasticsearchIndexPrefix);
    const providers: Provider[] = [
      { provide: ElasticsearchIndices, useValue: indices },
      {
        provide: ELASTICSEARCH_CLIENT,
        // A node that is down at start-up is waited for by the schema step below, not here.
        useFactory: () => (url ? new Client({ node: url, requestTimeout: 30_000, maxRetries: 3 }) : null),
      },
      {
        provide: ELASTICSEARCH_WRITE_TARGET,
        inject: [ELASTICSEARCH_CLIENT],
        useFactory: (client: Client | null): Promise<WriteTarget | null> =>
          client
            ? waitUntilAvailable(
                'Elasticsearch',
                () => ensureElasticsearchSchema(client, indices),
                isElasticsearchUnavailable,
                new Logger('ReadModel'),
                { timeoutMs: ELASTICSEARCH_WAIT_MS },
              )
            : Promise.resolve(null),
      },
      {
        provide: ASSET_READ_MODEL,
        inject: [PG_POOL, ELASTICSEARCH_CLIENT],
        useFactory: (pool: Pool, client: Client | null) =>
          client ? new ElasticsearchAssetReadModel(client, indices) : new PostgresAssetReadModel(pool),
      },
      {
        provide: ASSETS_PROJECTION,
        inject: [ELASTICSEARCH_CLIENT, ELASTICSEARCH_WRITE_TARGET],
        useFactory: (client: Client | null, target: WriteTarget | null): AssetsProjection => {
          if (!client || !target) return { name: POSTGRES_ASSETS_PROJECTION, projection: postgresAssetsProjection, rebuilds: null };
          // Through the aliases: whichever process rebuilt, every projector writes where queries read.
          const projection = new ElasticsearchAssetsProjection(client, indices, aliasesOf(indices));
          return {
            name: elasticsearchAssetsProjectionName(indices.prefix),
            projection,
            rebuilds: new ElasticsearchRebuilds(client, indices, projection),
          };
        },
      },
    ];
    return { module: ReadModelModule, providers, exports: providers.map((p) => (p as { provide: symbol | object }).provide as symbol) };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client?.close();
  }
}
