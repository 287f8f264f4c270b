import type { ClientBase, Pool } from 'pg';
import { HeartbeatDataError } from './errors';
import { inTransaction } from './transaction';

/**
 * Creating a partition takes a lock on `heartbeats` that conflicts with every insert, and inserts
 * that arrive while it waits for that lock queue behind it. So it waits at most this long (the
 * longest stall it may cause), gives up (SQLSTATE 55P03), and tries again a little later, when the
 * long insert in its way has likely ended.
 */
const PARTITION_LOCK_TIMEOUT_MS = 100;
const PARTITION_TRIES = 5;

const UTC_ISO = /^\d{4}-\d{2}-\d{2}T[^+-]*Z$/;

/**
 * The UTC day (`YYYY-MM-DD`) whose partition holds a heartbeat of this time. Times from the domain
 * are already ISO-8601 in UTC, so on the hot path this is a slice, not a date parse.
 */
export function partitionDay(occurredAt: string): string {
  if (UTC_ISO.test(occurredAt)) return occurredAt.slice(0, 10);
  const time = new Date(occurredAt);
  if (Number.isNaN(time.getTime())) throw new HeartbeatDataError(`not an ISO-8601 time: ${JSON.stringify(occurredAt)}`);
  return time.toISOString().slice(0, 10);
}

/**
 * Creates the partition of each day unless it exists, each in its own short transaction with a lock
 * timeout, retried a few times; throws the last lock timeout if the lock could not be had.
 */
export async function ensureHeartbeatPartitions(pool: Pool, days: readonly string[]): Promise<void> {
  for (const day of days) {
    for (let attempt = 1; ; attempt++) {
      try {
        await inTransaction(pool, (client) => client.query('SELECT beacon_ensure_heartbeat_partition($1::date)', [day]), {
          begin: `BEGIN; SET LOCAL lock_timeout = ${PARTITION_LOCK_TIMEOUT_MS}`,
          commit: () => 'COMMIT',
        });
        break;
      } catch (error) {
        if (!isLockTimeout(error) || attempt >= PARTITION_TRIES) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  }
}

/** The UTC days from `from` to `to`, both included, as `YYYY-MM-DD`. */
export function daysBetween(from: Date, to: Date): string[] {
  const days: string[] = [];
  const last = to.toISOString().slice(0, 10);
  for (let day = new Date(from.toISOString().slice(0, 10)); ; day = new Date(day.getTime() + 86_400_000)) {
    const iso = day.toISOString().slice(0, 10);
    if (iso > last) return days;
    days.push(iso);
  }
}

function isLockTimeout(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '55P03';
}

/**
 * Remembers which daily partitions exist, so the write path asks for a partition at most once per
 * day and process. Partitions of the days heartbeats usually carry are made ahead of time by a
 * scheduled job; a day outside them (a device's buffer from long ago) is created here, in its own
 * short transaction with a lock timeout, so the DDL's lock is never held through a heartbeat batch.
 */
export class HeartbeatPartitions {
  private readonly known = new Set<string>();

  constructor(private readonly pool: Pool) {}

  async ensure(occurredAts: readonly string[]): Promise<void> {
    const missing = [...new Set(occurredAts.map(partitionDay))].filter((day) => !this.known.has(day));
    if (missing.length === 0) return;
    await ensureHeartbeatPartitions(this.pool, missing);
    for (const day of missing) this.known.add(day);
  }

  /** Retention dropped partitions behind our back: ask the database again next time. */
  forget(): void {
    this.known.clear();
  }
}

/** PostgreSQL's answer when a row's partition does not exist (any more). */
export function isMissingPartition(error: unknown): boolean {
  return (error as { code?: string }).code === '23514' && /no partition of relation/.test((error as Error).message);
}

export interface DroppedPartition {
  name: string;
  day: string;
}

/**
 * Drops every daily heartbeat partition whose whole day lies before `now - retentionDays`: one
 * DROP TABLE each, whatever its size. Lifecycle events live in `events` and are never touched.
 */
export async function dropExpiredHeartbeatPartitions(
  client: Pick<ClientBase, 'query'>,
  retentionDays: number,
  now: Date,
): Promise<DroppedPartition[]> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString().slice(0, 10);
  const partitions = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_inherits i
       JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = 'heartbeats'::regclass AND c.relname ~ '^heartbeats_[0-9]{8}$'`,
  );
  const expired = partitions.rows
    .map(({ name }) => ({ name, day: `${name.slice(11, 15)}-${name.slice(15, 17)}-${name.slice(17, 19)}` }))
    .filter(({ day }) => day < cutoff)
    .sort((a, b) => a.day.localeCompare(b.day));
  for (const { name } of expired) await client.query(`DROP TABLE IF EXISTS ${name}`);
  return expired;
}
