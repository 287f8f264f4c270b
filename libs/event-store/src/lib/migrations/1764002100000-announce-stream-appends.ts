import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The channel on which every lifecycle event's stream is announced as its append commits. */
export const STREAM_APPENDED_CHANNEL = 'beacon_stream_appended';

/**
 * Every event appended to `events` (lifecycle events: customers, assets, keys; heartbeats have a
 * table of their own) announces its stream id on `beacon_stream_appended`, delivered when its
 * transaction commits and not at all when it rolls back. A trigger, so that every writer announces,
 * whichever process or release it is: each server's caches of streams (which asset is whose, and
 * whether it takes heartbeats) drop an entry the moment another process changes it (decision 052).
 * PostgreSQL folds repeats of one stream within a transaction into one notification.
 */
export class AnnounceStreamAppends1764002100000 implements MigrationInterface {
  name = 'AnnounceStreamAppends1764002100000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE FUNCTION beacon_announce_stream_append() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${STREAM_APPENDED_CHANNEL}', NEW.stream_id);
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE TRIGGER events_announce_stream_append AFTER INSERT ON events
        FOR EACH ROW EXECUTE FUNCTION beacon_announce_stream_append()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TRIGGER events_announce_stream_append ON events`);
    await runner.query(`DROP FUNCTION beacon_announce_stream_append`);
  }
}
