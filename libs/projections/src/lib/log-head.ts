import { EventStore, readCheckpoint } from '@beacon/event-store';
import type { Pool } from 'pg';

/** An event of the log, as far as lag is concerned. */
export interface LogPosition {
  position: bigint;
  recordedAt: Date;
}

/** Where a projection stands in the log: its checkpoint, and the oldest event after it (if any). */
export interface LogHead {
  checkpoint: bigint;
  firstUnprojected: LogPosition | null;
}

/**
 * Reads a projection's place in the log: the checkpoint row, then the first event after it. Two
 * indexed lookups, whatever the size of the log. Positions are handed out in commit order and
 * `recorded_at` is taken under the same lock, so the first event after the checkpoint is also the
 * oldest one not projected. Read without a lock: a projector committing in between makes the answer
 * at most one batch stale.
 */
export async function readLogHead(pool: Pool, store: Pick<EventStore, 'readAll'>, name: string): Promise<LogHead> {
  const checkpoint = await readCheckpoint(pool, name);
  const [next] = await store.readAll(checkpoint, 1);
  return { checkpoint, firstUnprojected: next ? { position: next.globalPosition, recordedAt: next.recordedAt } : null };
}

/** Projection lag in ms: now − recorded time of the oldest event not yet projected; 0 when caught up. */
export function lagOf(oldestUnprojected: LogPosition | null, now: Date): number {
  return oldestUnprojected ? Math.max(0, now.getTime() - oldestUnprojected.recordedAt.getTime()) : 0;
}

/**
 * The lag of projection `name`, for processes that do not run it (the query role's stats): from
 * its checkpoint row and the log, so it is right whichever process leads.
 */
export async function readProjectionLag(pool: Pool, name: string, now: Date): Promise<number> {
  const head = await readLogHead(pool, new EventStore(pool), name);
  return lagOf(head.firstUnprojected, now);
}
