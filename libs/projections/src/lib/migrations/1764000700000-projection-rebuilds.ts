import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rebuild requests: any process (the admin endpoint, `npm run projections:rebuild`) files one; the
 * projector that leads picks it up, runs it and records how it went. A table rather than a message,
 * so a request survives a leader change and its outcome can be asked for later.
 */
export class ProjectionRebuilds1764000700000 implements MigrationInterface {
  name = 'ProjectionRebuilds1764000700000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE projection_rebuilds (
        id bigserial PRIMARY KEY,
        projection text NOT NULL,
        status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'running', 'done', 'failed')),
        requested_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        events bigint NOT NULL DEFAULT 0,
        error text
      )`);
    await runner.query(`CREATE INDEX projection_rebuilds_waiting ON projection_rebuilds (projection, id) WHERE status = 'requested'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE projection_rebuilds');
  }
}
