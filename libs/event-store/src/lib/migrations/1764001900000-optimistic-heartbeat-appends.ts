import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The 19 arrays every heartbeat append function takes, in `heartbeatInsertParameters`' order. */
const ARRAYS = `asset_ids text[], dedupe_keys text[], occurred_ats timestamptz[], lats float8[], lons float8[],
  altitudes float8[], speeds float8[], headings float8[], accuracies float8[], batteries float8[],
  message_ids text[], vertical_rates float8[], on_grounds boolean[], squawks text[], callsigns text[],
  categories text[], correlation_ids text[], sources text[], received_ats timestamptz[]`;

const ARGUMENTS = `asset_ids, dedupe_keys, occurred_ats, lats, lons, altitudes, speeds, headings, accuracies, batteries,
  message_ids, vertical_rates, on_grounds, squawks, callsigns, categories, correlation_ids, sources, received_ats`;

/**
 * Heartbeat flushes insert plainly first, and check row by row only after meeting a duplicate
 * (decision 044).
 *
 * `ON CONFLICT DO NOTHING` inserts each row speculatively: it probes the unique index, inserts, and
 * confirms the row with a WAL record of its own. That cost PostgreSQL 15 µs a row against 11 for a
 * plain INSERT of the same rows (docs/performance-history.md), on every flush, for duplicates that
 * almost never come. `beacon_append_heartbeats_v4` inserts plainly in a subtransaction; the unique
 * index still refuses a stored key, and then the attempt is rolled back (with its in-flight marker:
 * the positions it drew are never committed, so readers may pass them) and v3 stores the batch as
 * before, telling which rows were not new. With `expect_duplicates` it goes to v3 at once: the
 * writer asks for that for a while after a flush met a duplicate, so a sender that repeats itself
 * does not make every flush insert twice.
 */
export class OptimisticHeartbeatAppends1764001900000 implements MigrationInterface {
  name = 'OptimisticHeartbeatAppends1764001900000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE FUNCTION beacon_append_heartbeats_v4(${ARRAYS}, expect_duplicates boolean)
      RETURNS TABLE (not_stored int)
      LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT expect_duplicates THEN
          BEGIN
            PERFORM beacon_begin_append(false);
            INSERT INTO heartbeats (asset_id, dedupe_key, occurred_at, occurred_day, lat, lon, altitude, speed, heading,
                                    accuracy, battery, message_id, vertical_rate, on_ground, squawk, callsign, category,
                                    correlation_id, source, received_at)
            SELECT t.asset_id, t.dedupe_key, t.occurred_at, (t.occurred_at AT TIME ZONE 'UTC')::date, t.lat, t.lon,
                   t.altitude, t.speed, t.heading, t.accuracy, t.battery, t.message_id, t.vertical_rate, t.on_ground,
                   t.squawk, t.callsign, t.category, t.correlation_id, t.source, t.received_at
              FROM unnest(${ARGUMENTS})
                   WITH ORDINALITY AS t(asset_id, dedupe_key, occurred_at, lat, lon, altitude, speed, heading, accuracy,
                                        battery, message_id, vertical_rate, on_ground, squawk, callsign, category,
                                        correlation_id, source, received_at, ordinal)
             ORDER BY t.ordinal;
            PERFORM pg_notify('beacon_event_log', '');
            RETURN;
          EXCEPTION WHEN unique_violation THEN
            -- Some row was stored before, or comes twice in this batch: v3 tells which.
          END;
        END IF;
        RETURN QUERY SELECT v3.not_stored FROM beacon_append_heartbeats_v3(${ARGUMENTS}) AS v3;
      END $$`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP FUNCTION beacon_append_heartbeats_v4`);
  }
}
