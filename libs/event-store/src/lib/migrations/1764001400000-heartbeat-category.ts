import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Heartbeats keep the ADS-B emitter category (`A3`, `A7`, …) of the aircraft that sent them, which
 * the asset view shows as of the newest heartbeat. The column is nullable: heartbeats stored before
 * it, and those of vehicles, have none, and adding it rewrites no partition. The append function
 * gains the column under a new name, because during a rolling update the previous release still
 * calls `beacon_append_heartbeats` (docs/DEPLOY.md "Migrations during a rolling update"); its body
 * is that of migration 1764000800000 with the category added.
 */
export class HeartbeatCategory1764001400000 implements MigrationInterface {
  name = 'HeartbeatCategory1764001400000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE heartbeats ADD COLUMN category text`);
    await runner.query(`
      CREATE FUNCTION beacon_append_heartbeats_v2(
        asset_ids text[], dedupe_keys text[], occurred_ats timestamptz[], lats float8[], lons float8[],
        altitudes float8[], speeds float8[], headings float8[], accuracies float8[], batteries float8[],
        message_ids text[], vertical_rates float8[], on_grounds boolean[], squawks text[], callsigns text[],
        categories text[], correlation_ids text[], sources text[], received_ats timestamptz[])
      RETURNS TABLE (stored_asset_id text, stored_day text, stored_dedupe_key text)
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(${0x424541434f4e});
        RETURN QUERY WITH stored AS (
          INSERT INTO heartbeats (asset_id, dedupe_key, occurred_at, occurred_day, lat, lon, altitude, speed, heading,
                                  accuracy, battery, message_id, vertical_rate, on_ground, squawk, callsign, category,
                                  correlation_id, source, received_at)
          SELECT t.asset_id, t.dedupe_key, t.occurred_at, (t.occurred_at AT TIME ZONE 'UTC')::date, t.lat, t.lon,
                 t.altitude, t.speed, t.heading, t.accuracy, t.battery, t.message_id, t.vertical_rate, t.on_ground,
                 t.squawk, t.callsign, t.category, t.correlation_id, t.source, t.received_at
            FROM unnest(asset_ids, dedupe_keys, occurred_ats, lats, lons, altitudes, speeds, headings, accuracies,
                        batteries, message_ids, vertical_rates, on_grounds, squawks, callsigns, categories,
                        correlation_ids, sources, received_ats)
                 WITH ORDINALITY AS t(asset_id, dedupe_key, occurred_at, lat, lon, altitude, speed, heading, accuracy,
                                      battery, message_id, vertical_rate, on_ground, squawk, callsign, category,
                                      correlation_id, source, received_at, ordinal)
           ORDER BY t.ordinal
          ON CONFLICT (asset_id, occurred_day, dedupe_key) DO NOTHING
          RETURNING heartbeats.asset_id, heartbeats.occurred_day::text, heartbeats.dedupe_key)
        SELECT * FROM stored;
        IF FOUND THEN
          PERFORM pg_notify('beacon_event_log', '');
        END IF;
      END $$`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP FUNCTION beacon_append_heartbeats_v2`);
    await runner.query(`ALTER TABLE heartbeats DROP COLUMN category`);
  }
}
