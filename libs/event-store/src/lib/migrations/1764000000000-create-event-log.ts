import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event log: lifecycle events of customers and assets in `events` (with per-stream versions),
 * heartbeats in `heartbeats` (no stream version; idempotent on `(asset_id, dedupe_key)`), both
 * numbered from one sequence so that reading "all events" is one ordered stream.
 */
export class CreateEventLog1764000000000 implements MigrationInterface {
  name = 'CreateEventLog1764000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE SEQUENCE event_global_position AS bigint`);
    await runner.query(`
      CREATE TABLE events (
        global_position bigint PRIMARY KEY DEFAULT nextval('event_global_position'),
        stream_id text NOT NULL,
        stream_position integer NOT NULL,
        type text NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT events_stream_position_unique UNIQUE (stream_id, stream_position)
      )`);
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
      CREATE TABLE subscription_checkpoints (
        name text PRIMARY KEY,
        position bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE subscription_checkpoints`);
    await runner.query(`DROP TABLE heartbeats`);
    await runner.query(`DROP TABLE events`);
    await runner.query(`DROP SEQUENCE event_global_position`);
  }
}
