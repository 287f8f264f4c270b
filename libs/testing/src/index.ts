export * from './lib/eventually';
export * from './lib/test-database';
export * from './lib/test-elasticsearch';
export * from './lib/dedicated-elasticsearch';
