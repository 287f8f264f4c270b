import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Heartbeats update `rm_assets` in place (HOT) instead of writing every index again (decision 039).
 *
 * Each projected heartbeat rewrites its asset's row. PostgreSQL can keep the new version on the
 * same page without touching any index (a heap-only tuple) only when no indexed column changed,
 * and the status and area indexes were on `offline_at` and `point(lon, lat)`, which change with
 * every heartbeat: every update wrote an entry in each of the four indexes, and left the old ones
 * for vacuum. The two indexes now sit on coarse copies of those columns, which a heartbeat changes
 * rarely, and the queries recheck the exact columns:
 *
 * - `offline_minute`: `offline_at` binned down to the minute. A vehicle reporting every few
 *   seconds moves it once a minute.
 * - `area_lon`, `area_lat`: the position binned down to 0.05° (5.5 km north–south, 2.8 km east–west
 *   at 60° N). A car crosses a cell every few minutes, an airliner every 20 s or so.
 *
 * Stored generated columns, so no writer can let them drift from the columns they bin (`date_bin`
 * and `floor` are immutable). Pages are filled to half at most, so a row's next version finds room
 * beside it. And since an index on a column no heartbeat writes now costs heartbeats nothing, the
 * registration sort gets the index its order needs (asset-sort.ts).
 */
export class AssetUpdatesStayOnTheirPage1764001600000 implements MigrationInterface {
  name = 'AssetUpdatesStayOnTheirPage1764001600000';

  async up(runner: QueryRunner): Promise<void> {
    // Before the columns: adding a stored column rewrites the table, with this fill factor.
    await runner.query(`ALTER TABLE rm_assets SET (fillfactor = 50)`);
    await runner.query(`
      ALTER TABLE rm_assets
        ADD COLUMN offline_minute timestamptz
          GENERATED ALWAYS AS (date_bin('1 minute', offline_at, timestamptz '2000-01-01 00:00:00+00')) STORED,
        ADD COLUMN area_lon double precision GENERATED ALWAYS AS (floor(lon * 20) / 20) STORED,
        ADD COLUMN area_lat double precision GENERATED ALWAYS AS (floor(lat * 20) / 20) STORED`);
    await runner.query(`DROP INDEX rm_assets_offline_at`);
    await runner.query(`DROP INDEX rm_assets_position`);
    await runner.query(`CREATE INDEX rm_assets_offline_minute ON rm_assets (offline_minute)`);
    await runner.query(`CREATE INDEX rm_assets_area ON rm_assets USING gist (point(area_lon, area_lat))`);
    await runner.query(`
      CREATE INDEX rm_assets_registration_order
        ON rm_assets ((lower(registration COLLATE pg_c_utf8) COLLATE "C"), (id COLLATE "C"))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX rm_assets_registration_order`);
    await runner.query(`DROP INDEX rm_assets_area`);
    await runner.query(`DROP INDEX rm_assets_offline_minute`);
    await runner.query(`ALTER TABLE rm_assets DROP COLUMN offline_minute, DROP COLUMN area_lon, DROP COLUMN area_lat`);
    await runner.query(`ALTER TABLE rm_assets RESET (fillfactor)`);
    await runner.query(`CREATE INDEX rm_assets_offline_at ON rm_assets (offline_at)`);
    await runner.query(`CREATE INDEX rm_assets_position ON rm_assets USING gist (point(lon, lat))`);
  }
}
