import type { Pool } from 'pg';

export type RebuildStatus = 'requested' | 'running' | 'done' | 'failed';

export interface RebuildRecord {
  id: string;
  projection: string;
  status: RebuildStatus;
  requestedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** Events replayed so far. */
  events: number;
  error: string | null;
}

interface RebuildRow {
  id: string;
  projection: string;
  status: RebuildStatus;
  requested_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  events: string;
  error: string | null;
}

const COLUMNS = 'id, projection, status, requested_at, started_at, finished_at, events, error';

function toRecord(row: RebuildRow): RebuildRecord {
  return {
    id: row.id,
    projection: row.projection,
    status: row.status,
    requestedAt: row.requested_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    events: Number(row.events),
    error: row.error,
  };
}

/** Files a rebuild of `projection`; a request already waiting is returned instead of a second one. */
export async function requestRebuild(pool: Pool, projection: string): Promise<RebuildRecord> {
  const result = await pool.query<RebuildRow>(
    `WITH waiting AS (SELECT ${COLUMNS} FROM projection_rebuilds WHERE projection = $1 AND status IN ('requested', 'running') ORDER BY id LIMIT 1),
          filed AS (INSERT INTO projection_rebuilds (projection) SELECT $1 WHERE NOT EXISTS (SELECT FROM waiting) RETURNING ${COLUMNS})
     SELECT * FROM waiting UNION ALL SELECT * FROM filed`,
    [projection],
  );
  return toRecord(result.rows[0] as RebuildRow);
}

export async function readRebuild(pool: Pool, id: string): Promise<RebuildRecord | null> {
  if (!/^\d{1,18}$/.test(id)) return null;
  const result = await pool.query<RebuildRow>(`SELECT ${COLUMNS} FROM projection_rebuilds WHERE id = $1`, [id]);
  const row = result.rows[0];
  return row ? toRecord(row) : null;
}

/** Marks the oldest waiting request of `projection` as running and returns it; null when none waits. */
export async function claimRebuild(pool: Pool, projection: string): Promise<RebuildRecord | null> {
  const result = await pool.query<RebuildRow>(
    `UPDATE projection_rebuilds SET status = 'running', started_at = now()
      WHERE id = (SELECT id FROM projection_rebuilds WHERE projection = $1 AND status = 'requested' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING ${COLUMNS}`,
    [projection],
  );
  const row = result.rows[0];
  return row ? toRecord(row) : null;
}

export async function recordRebuildProgress(pool: Pool, id: string, events: number): Promise<void> {
  await pool.query('UPDATE projection_rebuilds SET events = $2 WHERE id = $1', [id, events]);
}

export async function finishRebuild(pool: Pool, id: string, outcome: { events: number; error?: string }): Promise<void> {
  await pool.query(`UPDATE projection_rebuilds SET status = $2, finished_at = now(), events = $3, error = $4 WHERE id = $1`, [
    id,
    outcome.error === undefined ? 'done' : 'failed',
    outcome.events,
    outcome.error ?? null,
  ]);
}

/**
 * A rebuild left `running` by a leader that died: failed, so it can be asked for again. Only the
 * new leader calls this, before it looks for requests.
 */
export async function failAbandonedRebuilds(pool: Pool, projection: string): Promise<void> {
  await pool.query(
    `UPDATE projection_rebuilds SET status = 'failed', finished_at = now(), error = 'the projector running it stopped'
      WHERE projection = $1 AND status = 'running'`,
    [projection],
  );
}
