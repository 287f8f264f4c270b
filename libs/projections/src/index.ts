export * from './lib/advisory-lock-key';
export * from './lib/leader-election';
export * from './lib/log-head';
export * from './lib/projector';
export * from './lib/migrations';
export * from './lib/projection-rebuild';
export * from './lib/rebuild-requests';
