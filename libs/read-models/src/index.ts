export * from './lib/latest-per-asset';
export * from './lib/read-model.port';
export * from './lib/postgres/assets.projection';
export * from './lib/postgres/migrations';
export * from './lib/postgres/postgres-asset-read-model';
