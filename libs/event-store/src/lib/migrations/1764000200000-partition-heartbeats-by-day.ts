import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Heartbeats dominate the log, so they are partitioned by the UTC day of their own timestamp
 * (`occurred_day`), one partition per day: retention then drops whole partitions (no large DELETE)
 * and never touches `events`. PostgreSQL's unique indexes on a partitioned table must contain the
 * partition key, so the duplicate key becomes `(asset_id, occurred_day, dedupe_key)`: a message id
 * is unique per asset and day, which still catches a re-sent message that carries no timestamp of
 * its own (its receipt time differs, its day rarely does). Fields are typed columns, not JSON
 * (decision 006). Existing rows are copied over.
 */
export class PartitionHeartbeatsByDay1764000200000 implements MigrationInterface {
  name = 'PartitionHeartbeatsByDay1764000200000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE heartbeats RENAME TO heartbeats_unpartitioned`);
    await runner.query(`ALTER TABLE heartbeats_unpartitioned RENAME CONSTRAINT heartbeats_pkey TO heartbeats_unpartitioned_pkey`);
    await runner.query(
      `ALTER TABLE heartbeats_unpartitioned RENAME CONSTRAINT heartbeats_dedupe_unique TO heartbeats_unpartitioned_dedupe_unique`,
    );
    await runner.query(`
      CREATE TABLE heartbeats (
        global_position bigint NOT NULL DEFAULT nextval('event_global_position'),
        asset_id text NOT NULL,
        dedupe_key text NOT NULL,
        occurred_at timestamptz NOT NULL,
        occurred_day date NOT NULL,
        lat double precision,
        lon double precision,
        altitude double precision,
        speed double precision,
        heading double precision,
        accuracy double precision,
        battery double precision,
        message_id text,
        vertical_rate double precision,
        on_ground boolean,
        squawk text,
        callsign text,
        correlation_id text NOT NULL,
        source text NOT NULL,
        received_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT heartbeats_pkey PRIMARY KEY (global_position, occurred_day),
        CONSTRAINT heartbeats_dedupe_unique UNIQUE (asset_id, occurred_day, dedupe_key),
        CONSTRAINT heartbeats_day_of_occurrence CHECK (occurred_day = (occurred_at AT TIME ZONE 'UTC')::date)
      ) PARTITION BY RANGE (occurred_day)`);
    // Creates the partition of one UTC day unless it exists. Several writers may race for the same
    // day: the advisory lock serialises them and the loser finds the table there.
    await runner.query(`
      CREATE FUNCTION beacon_ensure_heartbeat_partition(day date) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        name text := 'heartbeats_' || to_char(day, 'YYYYMMDD');
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('beacon_heartbeat_partitions'));
        IF to_regclass(name) IS NULL THEN
          EXECUTE format(
            'CREATE TABLE %I PARTITION OF heartbeats FOR VALUES FROM (%L) TO (%L)', name, day, day + 1);
        END IF;
      END $$`);
    await runner.query(`
      SELECT beacon_ensure_heartbeat_partition(day)
        FROM (SELECT DISTINCT (occurred_at AT TIME ZONE 'UTC')::date AS day FROM heartbeats_unpartitioned) days`);
    await runner.query(`
      INSERT INTO heartbeats (global_position, asset_id, dedupe_key, occurred_at, occurred_day, lat, lon, altitude, speed,
                              heading, accuracy, battery, message_id, correlation_id, source, received_at, recorded_at)
      SELECT global_position, asset_id, dedupe_key, occurred_at, (occurred_at AT TIME ZONE 'UTC')::date,
             (data->>'lat')::float8, (data->>'lon')::float8, (data->>'altitude')::float8, (data->>'speed')::float8,
             (data->>'heading')::float8, (data->>'accuracy')::float8, (data->>'battery')::float8, data->>'messageId',
             coalesce(metadata->>'correlationId', 'migrated'), coalesce(metadata->>'source', 'unknown'),
             coalesce((metadata->>'receivedAt')::timestamptz, recorded_at), recorded_at
        FROM heartbeats_unpartitioned ORDER BY global_position
      ON CONFLICT DO NOTHING`);
    await runner.query(`DROP TABLE heartbeats_unpartitioned`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE heartbeats RENAME TO heartbeats_partitioned`);
    await runner.query(`ALTER TABLE heartbeats_partitioned RENAME CONSTRAINT heartbeats_pkey TO heartbeats_partitioned_pkey`);
    await runner.query(
      `ALTER TABLE heartbeats_partitioned RENAME CONSTRAINT heartbeats_dedupe_unique TO heartbeats_partitioned_dedupe_unique`,
    );
    await runner.query(`
      CREATE TABLE heartbeats (
        global_position bigint PRIMARY KEY DEFAULT nextval('event_global_position'),
        asset_id text NOT NULL,
        dedupe_key text NOT NULL,
        occurred_at timestamptz NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT heartbeats_dedupe_unique UNIQUE (asset_id, dedupe_key)
      )`);
    await runner.query(`
      INSERT INTO heartbeats
      SELECT global_position, asset_id, dedupe_key, occurred_at,
             jsonb_strip_nulls(jsonb_build_object('assetId', asset_id, 'timestamp', occurred_at, 'lat', lat, 'lon', lon,
               'altitude', altitude, 'speed', speed, 'heading', heading, 'accuracy', accuracy, 'battery', battery,
               'messageId', message_id)),
             jsonb_build_object('correlationId', correlation_id, 'source', source, 'receivedAt', received_at), recorded_at
        FROM heartbeats_partitioned ORDER BY global_position ON CONFLICT DO NOTHING`);
    await runner.query(`DROP TABLE heartbeats_partitioned`);
    await runner.query(`DROP FUNCTION beacon_ensure_heartbeat_partition(date)`);
  }
}
