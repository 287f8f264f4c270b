import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each asset row keeps its whole view (`StoredAssetView`, the domain's asset view without
 * `offlineAt`) in `view`, and the API's asset is read from it. The columns beside it are what
 * queries filter, sort and search by, written from the same view. A field added to the view then
 * needs no column, no migration and no change to the projection's SQL (docs/STYLE.md "Adding a
 * field to the asset view"). Altitude, speed and heading are only shown, so their columns go.
 */
export class AssetViewDocument1764001300000 implements MigrationInterface {
  name = 'AssetViewDocument1764001300000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE rm_assets ADD COLUMN view jsonb`);
    await runner.query(`
      UPDATE rm_assets SET view = jsonb_build_object(
        'id', id, 'kind', kind, 'customerId', customer_id, 'registration', registration, 'label', label,
        'callsign', callsign, 'icao24', icao24, 'timeoutSeconds', timeout_seconds,
        'lastSeenAt', ${isoTimestamp('last_seen_at')},
        'position', CASE WHEN position_at IS NULL OR lat IS NULL OR lon IS NULL THEN 'null'::jsonb ELSE jsonb_build_object(
          'lat', lat, 'lon', lon, 'altitude', altitude, 'speed', speed, 'heading', heading,
          'timestamp', ${isoTimestamp('position_at')}) END,
        'version', version)`);
    await runner.query(`ALTER TABLE rm_assets ALTER COLUMN view SET NOT NULL`);
    await runner.query(`ALTER TABLE rm_assets DROP COLUMN altitude, DROP COLUMN speed, DROP COLUMN heading`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE rm_assets ADD COLUMN altitude double precision, ADD COLUMN speed double precision,
                            ADD COLUMN heading double precision`);
    await runner.query(`
      UPDATE rm_assets SET altitude = (view #>> '{position,altitude}')::float8,
                           speed = (view #>> '{position,speed}')::float8,
                           heading = (view #>> '{position,heading}')::float8`);
    await runner.query(`ALTER TABLE rm_assets DROP COLUMN view`);
  }
}

/** A timestamptz as JavaScript's `toISOString` writes it (the form the view's times have). */
function isoTimestamp(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
