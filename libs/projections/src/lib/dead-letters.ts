import type { RecordedEvent } from '@beacon/event-store';
import type { ClientBase, Pool } from 'pg';

/** An event a projection set aside after the read model refused it `attempts` times in a row. */
export interface DeadLetter {
  projection: string;
  /** The event's global position, as a string (a bigint in JSON). */
  position: string;
  streamId: string;
  eventType: string;
  /** The last refusal. */
  error: string;
  attempts: number;
  firstFailedAt: Date;
  lastFailedAt: Date;
  /** Set while a retry waits for the leading projector; cleared when it failed again. */
  retryRequestedAt: Date | null;
}

interface DeadLetterRow {
  projection: string;
  global_position: string;
  stream_id: string;
  event_type: string;
  error: string;
  attempts: number;
  first_failed_at: Date;
  last_failed_at: Date;
  retry_requested_at: Date | null;
}

const COLUMNS = 'projection, global_position, stream_id, event_type, error, attempts, first_failed_at, last_failed_at, retry_requested_at';

function toDeadLetter(row: DeadLetterRow): DeadLetter {
  return {
    projection: row.projection,
    position: row.global_position,
    streamId: row.stream_id,
    eventType: row.event_type,
    error: row.error,
    attempts: row.attempts,
    firstFailedAt: row.first_failed_at,
    lastFailedAt: row.last_failed_at,
    retryRequestedAt: row.retry_requested_at,
  };
}

/** Records (or, for an event already there, updates) a dead letter; in the batch's transaction. */
export async function recordDeadLetter(
  client: ClientBase,
  projection: string,
  event: RecordedEvent,
  failure: { error: string; attempts: number; firstFailedAt: Date },
): Promise<void> {
  await client.query(
    `INSERT INTO projection_dead_letters (projection, global_position, stream_id, event_type, error, attempts, first_failed_at, last_failed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now())
     ON CONFLICT (projection, global_position) DO UPDATE
       SET error = excluded.error, attempts = projection_dead_letters.attempts + excluded.attempts, last_failed_at = now(), retry_requested_at = NULL`,
    [projection, event.globalPosition.toString(), event.streamId, event.type, failure.error, failure.attempts, failure.firstFailedAt],
  );
}

/** The dead letters of `projection`, oldest event first. */
export async function listDeadLetters(pool: Pick<Pool, 'query'>, projection: string): Promise<DeadLetter[]> {
  const result = await pool.query<DeadLetterRow>(
    `SELECT ${COLUMNS} FROM projection_dead_letters WHERE projection = $1 ORDER BY global_position`,
    [projection],
  );
  return result.rows.map(toDeadLetter);
}

/**
 * Asks the leading projector of `projection` to apply dead letters again: the one at `position`,
 * or all of them. Returns those asked for (none: no such dead letter).
 */
export async function requestDeadLetterRetry(
  pool: Pick<Pool, 'query'>,
  projection: string,
  position: bigint | 'all',
): Promise<DeadLetter[]> {
  const result = await pool.query<DeadLetterRow>(
    `UPDATE projection_dead_letters SET retry_requested_at = now()
      WHERE projection = $1 AND ($2::bigint IS NULL OR global_position = $2::bigint)
      RETURNING ${COLUMNS}`,
    [projection, position === 'all' ? null : position.toString()],
  );
  return result.rows.map(toDeadLetter).sort((a, b) => (BigInt(a.position) < BigInt(b.position) ? -1 : 1));
}

/** Positions whose retry was asked for, oldest first, at most `limit`. */
export async function requestedRetries(client: Pick<ClientBase, 'query'>, projection: string, limit = 100): Promise<bigint[]> {
  const result = await client.query<{ global_position: string }>(
    `SELECT global_position FROM projection_dead_letters WHERE projection = $1 AND retry_requested_at IS NOT NULL ORDER BY global_position LIMIT $2`,
    [projection, limit],
  );
  return result.rows.map((row) => BigInt(row.global_position));
}

/** A retried event that now applied: it leaves the list. */
export async function removeDeadLetter(client: ClientBase, projection: string, position: bigint): Promise<void> {
  await client.query('DELETE FROM projection_dead_letters WHERE projection = $1 AND global_position = $2', [
    projection,
    position.toString(),
  ]);
}
