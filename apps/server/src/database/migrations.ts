import { eventStoreMigrations } from '@beacon/event-store';
import { projectionMigrations } from '@beacon/projections';
import { postgresReadModelMigrations } from '@beacon/read-models';
import { ApiKeyLookup1764000300000 } from '../auth/migrations/1764000300000-api-key-lookup';
import { ApiKeyUsage1764001100000 } from '../auth/migrations/1764001100000-api-key-usage';
import { AircraftLookup1764001200000 } from '../ingest/adsb/migrations/1764001200000-aircraft-lookup';

/** Every migration of Beacon's schema; TypeORM runs them in timestamp order, each once. */
export const beaconMigrations = [
  ...eventStoreMigrations,
  ...postgresReadModelMigrations,
  ApiKeyLookup1764000300000,
  ...projectionMigrations,
  ApiKeyUsage1764001100000,
  AircraftLookup1764001200000,
];
