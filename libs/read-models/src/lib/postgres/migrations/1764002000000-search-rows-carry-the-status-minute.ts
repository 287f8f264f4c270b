import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A text search counts its matches by status among the search rows (decision 049).
 *
 * The counts of a common word's search visited every match's `rm_assets` row (about 800 bytes, on
 * half-full pages) only to read `offline_at`. The search row now carries `offline_minute`, the
 * minute that `offline_at` falls in, which tells every match's status except those going offline in
 * the current minute: only those are looked up in `rm_assets` (search-row-counts.ts).
 *
 * A trigger on `rm_assets` copies the minute whenever it changes — once a minute for an asset that
 * reports, never for one that does not — whoever writes the row: this release's projection, or the
 * previous release's during a rolling upgrade. The copy is an update of an unindexed column, kept on
 * its page (HOT) by the room a fill factor of 75 leaves, so the trigram and word-set indexes are not
 * written. The trigger that copies the registration key, customer and kind now fires only when the
 * words are written (every writer of search rows writes them), so the minute's copy does not run it.
 */
export class SearchRowsCarryTheStatusMinute1764002000000 implements MigrationInterface {
  name = 'SearchRowsCarryTheStatusMinute1764002000000';

  async up(runner: QueryRunner): Promise<void> {
    // Before the backfill: its new row versions then go to pages with room to spare.
    await runner.query(`ALTER TABLE rm_asset_search SET (fillfactor = 75)`);
    await runner.query(`ALTER TABLE rm_asset_search ADD COLUMN offline_minute timestamptz`);
    await runner.query(`DROP TRIGGER rm_asset_search_from_asset ON rm_asset_search`);
    await runner.query(`
      CREATE OR REPLACE FUNCTION rm_asset_search_from_asset() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT lower(a.registration COLLATE pg_c_utf8), a.customer_id, a.kind, a.offline_minute
          INTO NEW.registration_key, NEW.customer_id, NEW.kind, NEW.offline_minute
          FROM rm_assets a WHERE a.id = NEW.asset_id;
        RETURN NEW;
      END $$`);
    await runner.query(`
      CREATE TRIGGER rm_asset_search_from_asset BEFORE INSERT OR UPDATE OF words ON rm_asset_search
        FOR EACH ROW EXECUTE FUNCTION rm_asset_search_from_asset()`);
    await runner.query(`
      UPDATE rm_asset_search s SET offline_minute = a.offline_minute
        FROM rm_assets a WHERE a.id = s.asset_id AND a.offline_minute IS NOT NULL`);
    await runner.query(`
      CREATE FUNCTION rm_asset_search_offline_minute() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE rm_asset_search SET offline_minute = NEW.offline_minute WHERE asset_id = NEW.id;
        RETURN NULL;
      END $$`);
    // The WHEN is checked as each row is updated, without calling the function: a heartbeat that
    // leaves the minute where it was costs one comparison.
    await runner.query(`
      CREATE TRIGGER rm_assets_offline_minute_to_search AFTER UPDATE ON rm_assets
        FOR EACH ROW WHEN (OLD.offline_minute IS DISTINCT FROM NEW.offline_minute)
        EXECUTE FUNCTION rm_asset_search_offline_minute()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TRIGGER rm_assets_offline_minute_to_search ON rm_assets`);
    await runner.query(`DROP FUNCTION rm_asset_search_offline_minute()`);
    await runner.query(`DROP TRIGGER rm_asset_search_from_asset ON rm_asset_search`);
    await runner.query(`
      CREATE OR REPLACE FUNCTION rm_asset_search_from_asset() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT lower(a.registration COLLATE pg_c_utf8), a.customer_id, a.kind
          INTO NEW.registration_key, NEW.customer_id, NEW.kind
          FROM rm_assets a WHERE a.id = NEW.asset_id;
        RETURN NEW;
      END $$`);
    await runner.query(`
      CREATE TRIGGER rm_asset_search_from_asset BEFORE INSERT OR UPDATE ON rm_asset_search
        FOR EACH ROW EXECUTE FUNCTION rm_asset_search_from_asset()`);
    await runner.query(`ALTER TABLE rm_asset_search DROP COLUMN offline_minute`);
    await runner.query(`ALTER TABLE rm_asset_search RESET (fillfactor)`);
  }
}
