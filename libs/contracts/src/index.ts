export * from './lib/api-error';
export * from './lib/asset.dto';
export * from './lib/commands.dto';
export * from './lib/schemas/heartbeat.schema';
export * from './lib/schemas/register-customer.schema';
export * from './lib/schemas/register-asset.schema';
