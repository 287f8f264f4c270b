/** Nest injection tokens for values created before the application module. */
export const BEACON_CONFIG = Symbol('BeaconConfig');
export const PG_POOL = Symbol('PgPool');
