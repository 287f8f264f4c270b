import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The version of each asset's stream, so clients can send it back in `If-Match`. */
export class AssetVersion1764000400000 implements MigrationInterface {
  name = 'AssetVersion1764000400000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE rm_assets ADD COLUMN version integer NOT NULL DEFAULT 1`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE rm_assets DROP COLUMN version`);
  }
}
