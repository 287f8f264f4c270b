import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A text search in the default order reads its page from `rm_asset_search` alone (decision 043).
 *
 * A common word matches thousands of assets, and the page (100 of them by registration) used to
 * visit every match's `rm_assets` row to sort them: 8,000 row visits for a word in one asset of ten
 * at 100,000 assets. The search row now carries what that order and the lifecycle filters need —
 * the registration's sort key, the customer and the kind — so the page is sorted among the search
 * rows and only its own 100 assets are read. Status, area and the other orders change with
 * heartbeats and stay on `rm_assets`.
 *
 * A trigger copies them from the asset's row whenever its search row is written, whoever writes
 * it: the projection of this release, or the previous release's during a rolling upgrade. Search
 * rows are written by lifecycle events and callsign changes only, so heartbeats pay nothing.
 */
export class SearchRowsInPageOrder1764001800000 implements MigrationInterface {
  name = 'SearchRowsInPageOrder1764001800000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE rm_asset_search ADD COLUMN registration_key text, ADD COLUMN customer_id text, ADD COLUMN kind text`);
    await runner.query(`
      UPDATE rm_asset_search s
         SET registration_key = lower(a.registration COLLATE pg_c_utf8), customer_id = a.customer_id, kind = a.kind
        FROM rm_assets a WHERE a.id = s.asset_id`);
    await runner.query(`ALTER TABLE rm_asset_search ALTER COLUMN customer_id SET NOT NULL, ALTER COLUMN kind SET NOT NULL`);
    await runner.query(`
      CREATE FUNCTION rm_asset_search_from_asset() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT lower(a.registration COLLATE pg_c_utf8), a.customer_id, a.kind
          INTO NEW.registration_key, NEW.customer_id, NEW.kind
          FROM rm_assets a WHERE a.id = NEW.asset_id;
        RETURN NEW;
      END $$`);
    await runner.query(`
      CREATE TRIGGER rm_asset_search_from_asset BEFORE INSERT OR UPDATE ON rm_asset_search
        FOR EACH ROW EXECUTE FUNCTION rm_asset_search_from_asset()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TRIGGER rm_asset_search_from_asset ON rm_asset_search`);
    await runner.query(`DROP FUNCTION rm_asset_search_from_asset()`);
    await runner.query(`ALTER TABLE rm_asset_search DROP COLUMN registration_key, DROP COLUMN customer_id, DROP COLUMN kind`);
  }
}
