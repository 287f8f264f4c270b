import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One-typo search at fleet scale (decision 035). A typo term used to be matched as a regular
 * expression against every asset whose words share its first or last half, which for a common
 * word (`scxnia`) is thousands of rows. Here the typo is looked for once among the fleet's
 * distinct words instead, and the words found are then looked up exactly.
 *
 * - `rm_search_vocabulary`: every word `rm_asset_search` has held, trigram-indexed, written by the
 *   projection beside `rm_asset_search`. Words are never removed: one that no asset has any more
 *   finds nothing, and the table stays bounded by the distinct words ever written.
 * - `rm_search_word_set(words)`: an asset's words as an array, GIN-indexed, so the words one typo
 *   away find their assets with `&&`, without rereading each row's text.
 *
 * A word comes from a field of at most 200 characters (the API's schemas), far below the size of a
 * B-tree or GIN key, so neither index refuses one.
 */
export class SearchVocabulary1764001500000 implements MigrationInterface {
  name = 'SearchVocabulary1764001500000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE FUNCTION rm_search_word_set(words text) RETURNS text[]
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        RETURN string_to_array(regexp_replace(btrim(words, ' |'), '[ |]+', ' ', 'g'), ' ')`);
    await runner.query(`CREATE TABLE rm_search_vocabulary (word text PRIMARY KEY)`);
    await runner.query(`
      INSERT INTO rm_search_vocabulary (word)
      SELECT DISTINCT unnest(rm_search_word_set(words)) FROM rm_asset_search`);
    await runner.query(`CREATE INDEX rm_search_vocabulary_trgm ON rm_search_vocabulary USING gin (word gin_trgm_ops)`);
    await runner.query(`CREATE INDEX rm_asset_search_word_set ON rm_asset_search USING gin (rm_search_word_set(words))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX rm_asset_search_word_set`);
    await runner.query(`DROP TABLE rm_search_vocabulary`);
    await runner.query(`DROP FUNCTION rm_search_word_set(text)`);
  }
}
