import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The PostgreSQL read model: customers and one row per asset with its latest position. A
 * projection fills it from the event log, so it can be dropped and rebuilt at any time.
 * `offline_at` = last seen + timeout (kept by the projection; timestamptz arithmetic is not
 * immutable, so it cannot be a generated column), indexed, so status filters are range scans.
 */
export class CreateAssetReadModel1764000100000 implements MigrationInterface {
  name = 'CreateAssetReadModel1764000100000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await runner.query(`
      CREATE TABLE rm_customers (
        id text PRIMARY KEY,
        name text NOT NULL,
        address text
      )`);
    await runner.query(`
      CREATE TABLE rm_assets (
        id text PRIMARY KEY,
        kind text NOT NULL,
        customer_id text NOT NULL,
        customer_name text NOT NULL,
        registration text,
        label text,
        callsign text,
        icao24 text,
        timeout_seconds integer NOT NULL,
        last_seen_at timestamptz,
        offline_at timestamptz,
        position_at timestamptz,
        lat double precision,
        lon double precision,
        altitude double precision,
        speed double precision,
        heading double precision,
        search_text text GENERATED ALWAYS AS (
          lower(id || ' ' || coalesce(registration, '') || ' ' || coalesce(label, '') || ' ' ||
                coalesce(callsign, '') || ' ' || coalesce(icao24, '') || ' ' || customer_name)
        ) STORED
      )`);
    await runner.query(`CREATE INDEX rm_assets_customer ON rm_assets (customer_id)`);
    await runner.query(`CREATE INDEX rm_assets_offline_at ON rm_assets (offline_at)`);
    await runner.query(`CREATE INDEX rm_assets_search_trgm ON rm_assets USING gin (search_text gin_trgm_ops)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE rm_assets`);
    await runner.query(`DROP TABLE rm_customers`);
  }
}
