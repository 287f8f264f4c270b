export { startEmbeddedPostgres } from './lib/start';
export { createDatabase } from './lib/create-database';
export type { EmbeddedPostgresHandle, EmbeddedPostgresOptions } from './lib/types';
