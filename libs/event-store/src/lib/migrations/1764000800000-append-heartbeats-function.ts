import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A heartbeat flush in one statement, hence one round trip: take the append lock (the key of
 * global-order-lock.ts), store the rows that are new, notify subscribers when there were any.
 * Called outside an explicit transaction the statement is its own transaction, so the lock is held
 * until its commit exactly as `appendInOrder` holds it (decision 001), but the serial section no
 * longer waits three times per flush for a busy Node event loop (decision 012). The body is frozen
 * here like any migration: changing the insert means a migration that replaces the function.
 */
export class AppendHeartbeatsFunction1764000800000 implements MigrationInterface {
  name = 'AppendHeartbeatsFunction1764000800000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE FUNCTION beacon_append_heartbeats(
        asset_ids text[], dedupe_keys text[], occurred_ats timestamptz[], lats float8[], lons float8[],
        altitudes float8[], speeds float8[], headings float8[], accuracies float8[], batteries float8[],
        message_ids text[], vertical_rates float8[], on_grounds boolean[], squawks text[], callsigns text[],
        correlation_ids text[], sources text[], received_ats timestamptz[])
      RETURNS TABLE (stored_asset_id text, stored_day text, stored_dedupe_key text)
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(${0x424541434f4e});
        RETURN QUERY WITH stored AS (
          INSERT INTO heartbeats (asset_id, dedupe_key, occurred_at, occurred_day, lat, lon, altitude, speed, heading,
                                  accuracy, battery, message_id, vertical_rate, on_ground, squawk, callsign,
                                  correlation_id, source, received_at)
          SELECT t.asset_id, t.dedupe_key, t.occurred_at, (t.occurred_at AT TIME ZONE 'UTC')::date, t.lat, t.lon,
                 t.altitude, t.speed, t.heading, t.accuracy, t.battery, t.message_id, t.vertical_rate, t.on_ground,
                 t.squawk, t.callsign, t.correlation_id, t.source, t.received_at
            FROM unnest(asset_ids, dedupe_keys, occurred_ats, lats, lons, altitudes, speeds, headings, accuracies,
                        batteries, message_ids, vertical_rates, on_grounds, squawks, callsigns, correlation_ids,
                        sources, received_ats)
                 WITH ORDINALITY AS t(asset_id, dedupe_key, occurred_at, lat, lon, altitude, speed, heading, accuracy,
                                      battery, message_id, vertical_rate, on_ground, squawk, callsign, correlation_id,
                                      source, received_at, ordinal)
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
    await runner.query(`DROP FUNCTION beacon_append_heartbeats`);
  }
}
