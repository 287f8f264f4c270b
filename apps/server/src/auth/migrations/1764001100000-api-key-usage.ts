import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When each key was last used (kept per process and written every few seconds, not per request),
 * and an index to list every key's events without reading the rest of the log.
 */
export class ApiKeyUsage1764001100000 implements MigrationInterface {
  name = 'ApiKeyUsage1764001100000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE api_key_usage (key_id text PRIMARY KEY, last_used_at timestamptz NOT NULL)`);
    await runner.query(`CREATE INDEX events_api_key_streams ON events (global_position) WHERE type IN ('ApiKeyIssued', 'ApiKeyRevoked')`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX events_api_key_streams`);
    await runner.query(`DROP TABLE api_key_usage`);
  }
}
