import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What text search, bounding boxes and sorting need on a fleet of 100,000 assets.
 *
 * Searchable text moves out of `rm_assets` into `rm_asset_search`, which only lifecycle events
 * write. Every heartbeat rewrites an `rm_assets` row, and since indexed columns change
 * (`offline_at`, the position) the update is never HOT: each index gets a new entry per heartbeat,
 * which for a trigram index means some fifty entries. Text changes a few times in an asset's life.
 *
 * `words` holds each searchable field as its lower-cased words (runs of letters and digits)
 * separated by single spaces, fields between `|`: `| ys2r4x | abc 123 | refrigerated truck |`.
 * "A term starts a word" is then `words LIKE '% abc 1%'`, exact and answered by the trigram index
 * (see text-match.ts). Words are cut and lower-cased under `pg_c_utf8` (PostgreSQL 17+), not the
 * database's locale: the embedded cluster runs in C, where `lower('Å')` is `Å` and `ä` is no letter.
 */
export class AssetSearch1764000600000 implements MigrationInterface {
  name = 'AssetSearch1764000600000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE FUNCTION rm_search_words(value text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        RETURN btrim(lower(regexp_replace(value COLLATE pg_c_utf8, '[^[:alnum:]]+', ' ', 'g')))`);
    await runner.query(`
      CREATE FUNCTION rm_asset_search_words(VARIADIC fields text[]) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        RETURN '|' || coalesce((SELECT string_agg(' ' || rm_search_words(value) || ' |', '' ORDER BY n)
                                  FROM unnest(fields) WITH ORDINALITY AS f(value, n)
                                 WHERE rm_search_words(value) <> ''), '')`);
    await runner.query(`
      CREATE TABLE rm_asset_search (
        asset_id text PRIMARY KEY REFERENCES rm_assets (id) ON DELETE CASCADE,
        words text NOT NULL
      )`);
    await runner.query(`
      INSERT INTO rm_asset_search (asset_id, words)
      SELECT id, rm_asset_search_words(id, registration, label, callsign, icao24, customer_name) FROM rm_assets`);
    await runner.query(`CREATE INDEX rm_asset_search_words_trgm ON rm_asset_search USING gin (words gin_trgm_ops)`);
    await runner.query(`DROP INDEX rm_assets_search_trgm`);
    await runner.query(`ALTER TABLE rm_assets DROP COLUMN search_text`);
    // Bounding boxes: `point(lon, lat) <@ box` through a GiST index (edges inclusive).
    await runner.query(`CREATE INDEX rm_assets_position ON rm_assets USING gist (point(lon, lat))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX rm_assets_position`);
    await runner.query(`
      ALTER TABLE rm_assets ADD COLUMN search_text text GENERATED ALWAYS AS (
        lower(id || ' ' || coalesce(registration, '') || ' ' || coalesce(label, '') || ' ' ||
              coalesce(callsign, '') || ' ' || coalesce(icao24, '') || ' ' || customer_name)
      ) STORED`);
    await runner.query(`CREATE INDEX rm_assets_search_trgm ON rm_assets USING gin (search_text gin_trgm_ops)`);
    await runner.query(`DROP TABLE rm_asset_search`);
    await runner.query(`DROP FUNCTION rm_asset_search_words(text[])`);
    await runner.query(`DROP FUNCTION rm_search_words(text)`);
  }
}
