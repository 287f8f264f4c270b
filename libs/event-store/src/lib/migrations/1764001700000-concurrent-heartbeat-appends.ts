import type { MigrationInterface, QueryRunner } from 'typeorm';

/** "BEACON" in ASCII: the append lock of decision 001, which earlier releases' writers take alone. */
const APPEND_LOCK = 0x424541434f4e;
/**
 * The first key of an in-flight marker ("BE" and 16 bits of the position): an advisory lock on two
 * int4 keys, which nothing else in Beacon takes (its other advisory locks have one bigint key).
 */
const MARKER_CLASS = 0x42450000;

/**
 * Heartbeat flushes insert side by side instead of one at a time (decision 041).
 *
 * Before drawing positions, every append now marks itself in flight with a lower bound of the
 * positions it will draw: it reads the sequence's last value L, then holds a shared advisory lock
 * keyed by L + 1 until it ends. `beacon_log_horizon` reads the sequence's last value H and then the
 * markers in `pg_locks`, and answers the highest position a reader may read up to: H, or just below
 * the lowest marker. A position at or below it was drawn before the markers were read, so its
 * append had marked itself already: either it is still in flight (and its marker keeps the horizon
 * below it), or it has ended, which PostgreSQL makes visible before it releases the locks. A read
 * taken after the horizon (`readAll`: a statement of its own) therefore misses nothing at or below it.
 *
 * Heartbeat flushes hold the old append lock shared: they run side by side, but never beside an
 * append of an earlier release, which holds it exclusively and draws without a marker. Lifecycle
 * appends still take it exclusively: they check stream versions in Node between statements.
 * `beacon_append_heartbeats_v3` inserts as v2 (migration 1764001400000) did, with the marker in
 * place of the exclusive lock, and answers only the rows it did not store (1-based, in order): none
 * at all in the usual case, where v2 sent back every stored row's key for Node to parse and match.
 * v2 stays for the earlier release during a rolling update (docs/DEPLOY.md).
 */
export class ConcurrentHeartbeatAppends1764001700000 implements MigrationInterface {
  name = 'ConcurrentHeartbeatAppends1764001700000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE FUNCTION beacon_begin_append(exclusive boolean) RETURNS void
      LANGUAGE plpgsql AS $$
      DECLARE
        lowest bigint;
      BEGIN
        IF exclusive THEN
          PERFORM pg_advisory_xact_lock(${APPEND_LOCK});
        ELSE
          PERFORM pg_advisory_xact_lock_shared(${APPEND_LOCK});
        END IF;
        SELECT CASE WHEN is_called THEN last_value ELSE 0 END + 1 INTO lowest FROM event_global_position;
        -- bit(32) keeps the low 32 bits, which int then reads as they are (negative from 2^31 on).
        PERFORM pg_advisory_xact_lock_shared(${MARKER_CLASS} + (lowest >> 32)::int, lowest::bit(32)::int);
      END $$`);
    await runner.query(`
      CREATE FUNCTION beacon_log_horizon() RETURNS bigint
      LANGUAGE plpgsql AS $$
      DECLARE
        drawn bigint;
        lowest_in_flight bigint;
      BEGIN
        IF current_setting('transaction_isolation') <> 'read committed' THEN
          RAISE EXCEPTION 'the event log is read at READ COMMITTED, where each statement sees the commits before it';
        END IF;
        SELECT CASE WHEN is_called THEN last_value ELSE 0 END INTO drawn FROM event_global_position;
        SELECT min(((l.classid::bigint - ${MARKER_CLASS}) << 32) + l.objid::bigint) INTO lowest_in_flight
          FROM pg_locks l
         WHERE l.locktype = 'advisory' AND l.objsubid = 2
           AND l.classid::bigint BETWEEN ${MARKER_CLASS} AND ${MARKER_CLASS + 0xffff}
           AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database());
        RETURN least(drawn, lowest_in_flight - 1);
      END $$`);
    await runner.query(`
      CREATE FUNCTION beacon_append_heartbeats_v3(
        asset_ids text[], dedupe_keys text[], occurred_ats timestamptz[], lats float8[], lons float8[],
        altitudes float8[], speeds float8[], headings float8[], accuracies float8[], batteries float8[],
        message_ids text[], vertical_rates float8[], on_grounds boolean[], squawks text[], callsigns text[],
        categories text[], correlation_ids text[], sources text[], received_ats timestamptz[])
      RETURNS TABLE (not_stored int)
      LANGUAGE plpgsql AS $$
      DECLARE
        stored bigint;
      BEGIN
        PERFORM beacon_begin_append(false);
        WITH inserted AS (
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
          RETURNING 1)
        SELECT count(*) INTO stored FROM inserted;
        IF stored > 0 THEN
          PERFORM pg_notify('beacon_event_log', '');
        END IF;
        IF stored < cardinality(asset_ids) THEN
          -- Seldom: which rows were not new. A key's first row in the batch was stored when this
          -- transaction wrote the row holding it; a key's later rows never were.
          RETURN QUERY
            SELECT k.ordinal::int FROM (
              SELECT t.ordinal, t.asset_id, t.dedupe_key, (t.occurred_at AT TIME ZONE 'UTC')::date AS day,
                     row_number() OVER (PARTITION BY t.asset_id, (t.occurred_at AT TIME ZONE 'UTC')::date, t.dedupe_key
                                        ORDER BY t.ordinal) AS nth
                FROM unnest(asset_ids, dedupe_keys, occurred_ats) WITH ORDINALITY AS t(asset_id, dedupe_key, occurred_at, ordinal)
            ) k
             WHERE k.nth > 1
                OR NOT EXISTS (SELECT 1 FROM heartbeats h
                                WHERE h.asset_id = k.asset_id AND h.occurred_day = k.day AND h.dedupe_key = k.dedupe_key
                                  AND h.xmin = pg_current_xact_id()::xid)
             ORDER BY k.ordinal;
        END IF;
      END $$`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP FUNCTION beacon_append_heartbeats_v3`);
    await runner.query(`DROP FUNCTION beacon_log_horizon`);
    await runner.query(`DROP FUNCTION beacon_begin_append`);
  }
}
