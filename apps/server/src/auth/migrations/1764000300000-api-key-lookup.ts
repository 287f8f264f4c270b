import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Finds an `ApiKeyIssued` event by the digest of a presented key without scanning the log. */
export class ApiKeyLookup1764000300000 implements MigrationInterface {
  name = 'ApiKeyLookup1764000300000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE UNIQUE INDEX events_api_key_hash ON events ((data->>'keyHash')) WHERE type = 'ApiKeyIssued'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX events_api_key_hash`);
  }
}
