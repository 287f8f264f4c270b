import { runMigrations } from '@beacon/event-store';
import { createTestDatabase, type TestDatabase } from '@beacon/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Logger } from 'pino';
import { createBeaconApp } from '../app.factory';
import { loadConfig } from '../config/beacon-config';
import { beaconMigrations } from '../database/migrations';

export const TEST_ADMIN_KEY = 'test-admin-key-0123456789';
export const adminHeaders = { authorization: `Bearer ${TEST_ADMIN_KEY}` };

export interface TestApp {
  app: NestFastifyApplication;
  databaseUrl: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  /** Stops the app; keeps the database unless `drop` is set, so a restart can be tested. */
  close(options?: { drop?: boolean }): Promise<void>;
}

/**
 * The whole server in-process on a fresh database of the run's real PostgreSQL; requests go through
 * Fastify's `inject`, so routing, parsing, guards and filters are the real ones.
 */
export async function startTestApp(env: Record<string, string> = {}, database?: TestDatabase, logger?: Logger): Promise<TestApp> {
  const db = database ?? (await migratedTestDatabase());
  // Errors only, as JSON: a test that reads the log passes a logger of its own.
  const config = loadConfig(
    { BEACON_ADMIN_KEY: TEST_ADMIN_KEY, BEACON_AUTH: 'off', BEACON_LOG_LEVEL: 'error', BEACON_LOG_FORMAT: 'json', ...env },
    { dashboardDir: null },
  );
  const app = await createBeaconApp(config, db.url, logger);
  await app.init();
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.ready();
  return {
    app,
    databaseUrl: db.url,
    request: (options) => fastify.inject(options),
    close: async ({ drop = true } = {}) => {
      await app.close();
      if (drop) await db.drop();
    },
  };
}

/** A fresh database with Beacon's whole schema, as `npm start` would migrate it. */
export async function migratedTestDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  await runMigrations(database.url, beaconMigrations);
  return database;
}

/** Registers a customer and a vehicle, the smallest fleet a heartbeat test needs. */
export async function registerVehicle(test: TestApp, assetId: string, customerId = 'acme'): Promise<void> {
  await test.request({
    method: 'POST',
    url: '/api/v1/customers',
    headers: adminHeaders,
    payload: { id: customerId, name: `${customerId} AB` },
  });
  const response = await test.request({
    method: 'POST',
    url: '/api/v1/assets',
    headers: adminHeaders,
    payload: { id: assetId, kind: 'vehicle', customerId, registration: `R-${assetId.slice(-3)}` },
  });
  if (response.statusCode !== 201) throw new Error(`registering ${assetId}: ${response.statusCode} ${response.body}`);
}
