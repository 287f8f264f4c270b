import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Finds the assets registered with an ICAO address, and counts what a customer's feeds registered,
 * without scanning the log (decision 030). Both indexes cover `AssetRegistered` events only.
 */
export class AircraftLookup1764001200000 implements MigrationInterface {
  name = 'AircraftLookup1764001200000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX events_asset_icao24 ON events ((data->>'icao24')) WHERE type = 'AssetRegistered'`);
    await runner.query(`
      CREATE INDEX events_feed_registrations ON events ((data->>'customerId'))
      WHERE type = 'AssetRegistered' AND metadata->>'source' IN ('readsb', 'opensky')`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX events_feed_registrations`);
    await runner.query(`DROP INDEX events_asset_icao24`);
  }
}
