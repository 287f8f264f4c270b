import type { ClientBase } from 'pg';

/** What a complete read model must show, taken from the log itself (the source of truth). */
export interface LogFacts {
  /** Every event: lifecycle events and heartbeats. */
  events: number;
  heartbeats: number;
  /** The global position of the last event. */
  head: bigint;
  /** Each asset's newest heartbeat time, in epoch milliseconds. */
  lastSeen: Map<string, number>;
}

const HEAD_SQL = `greatest((SELECT max(global_position) FROM events), (SELECT max(global_position) FROM heartbeats))`;

/** The global position of the last event (0 for an empty log). */
export async function logHead(client: ClientBase): Promise<bigint> {
  const result = await client.query<{ head: string | null }>(`SELECT ${HEAD_SQL} AS head`);
  return BigInt(result.rows[0]?.head ?? 0);
}

export async function readLogFacts(client: ClientBase): Promise<LogFacts> {
  const counts = await client.query<{ events: string; heartbeats: string; head: string | null }>(
    `SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM heartbeats) AS events,
            (SELECT count(*) FROM heartbeats) AS heartbeats,
            ${HEAD_SQL} AS head`,
  );
  const row = counts.rows[0];
  const latest = await client.query<{ asset_id: string; seen: Date }>(
    'SELECT asset_id, max(occurred_at) AS seen FROM heartbeats GROUP BY asset_id',
  );
  return {
    events: Number(row?.events ?? 0),
    heartbeats: Number(row?.heartbeats ?? 0),
    head: BigInt(row?.head ?? 0),
    lastSeen: new Map(latest.rows.map((r) => [r.asset_id, r.seen.getTime()])),
  };
}

/**
 * Compares a read model's lastSeenAt per asset with the log's: a projection that skipped a batch,
 * wrote nothing or lost a race shows up here instead of as a fast run.
 */
export function assertLastSeen(store: string, expected: Map<string, number>, actual: Map<string, number | null>): void {
  const wrong: string[] = [];
  for (const [assetId, seen] of expected) {
    const got = actual.get(assetId);
    if (got !== seen)
      wrong.push(
        `${assetId}: ${got === undefined ? 'missing' : got === null ? 'never seen' : new Date(got).toISOString()} ≠ ${new Date(seen).toISOString()}`,
      );
  }
  if (wrong.length > 0 || actual.size !== expected.size) {
    throw new Error(
      `${store} read model incomplete: ${actual.size} assets (expected ${expected.size}), ${wrong.length} with a wrong lastSeenAt, e.g. ${wrong.slice(0, 3).join('; ')}`,
    );
  }
}
