export * from './lib/invalid-cursor-error';
export * from './lib/latest-per-asset';
export * from './lib/read-model.port';
export * from './lib/postgres/assets.projection';
export * from './lib/postgres/migrations';
export * from './lib/postgres/postgres-asset-read-model';
// The Elasticsearch adapter's runtime parts; its harness and the contract suite are test-only.
export * from './lib/elasticsearch/elasticsearch-asset-read-model';
export * from './lib/elasticsearch/elasticsearch-indices';
export * from './lib/elasticsearch/elasticsearch-projection';
export * from './lib/elasticsearch/elasticsearch-rebuild';
export * from './lib/elasticsearch/position-retention';
// The live stream's engine: the fleet in memory, kept current from the log; hosts carry the bytes.
export * from './lib/live/live-engine';
export type { LiveFilter } from './lib/live/live-filter';
export type { LiveConnection } from './lib/live/live-hub';
