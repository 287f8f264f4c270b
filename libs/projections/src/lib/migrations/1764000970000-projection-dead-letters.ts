import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Events a projection set aside because the read model kept refusing them (decision 025), one row
 * per projection and event, so an operator can see them and ask for a retry once the cause is
 * fixed. A retry request is a timestamp the leading projector looks for.
 */
export class ProjectionDeadLetters1764000970000 implements MigrationInterface {
  name = 'ProjectionDeadLetters1764000970000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE projection_dead_letters (
        projection text NOT NULL,
        global_position bigint NOT NULL,
        stream_id text NOT NULL,
        event_type text NOT NULL,
        error text NOT NULL,
        attempts integer NOT NULL,
        first_failed_at timestamptz NOT NULL,
        last_failed_at timestamptz NOT NULL,
        retry_requested_at timestamptz,
        PRIMARY KEY (projection, global_position)
      )`);
    await runner.query(
      `CREATE INDEX projection_dead_letters_retries ON projection_dead_letters (projection, global_position) WHERE retry_requested_at IS NOT NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE projection_dead_letters');
  }
}
