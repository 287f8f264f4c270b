import { HEARTBEAT_PLAIN_INSERT_SQL, heartbeatInsertParameters, type NewHeartbeat } from '@beacon/event-store';
import type { ClientBase } from 'pg';

/** Rows per statement of the raw baselines: the size of a batch request. */
export const RAW_INSERT_ROWS = 1_000;

/**
 * THE baseline of every heartbeat-storing benchmark: the event store's own multi-row INSERT of the
 * rows the writer stores, so it follows the table when its schema changes — but no duplicate
 * check, no ordering lock, no NOTIFY. What the writer (or the HTTP ingest in front of it) reaches
 * as a share of this is what its guarantees, batching and parsing cost. Sent outside a
 * transaction, each call is its own durable commit.
 */
export async function insertRaw(client: ClientBase, rows: readonly NewHeartbeat[]): Promise<void> {
  await client.query(HEARTBEAT_PLAIN_INSERT_SQL, heartbeatInsertParameters(rows));
}

/** `rows` in statements of `rowsPerStatement`, one after the other on one connection (autocommit). */
export async function insertRawInBatches(
  client: ClientBase,
  rows: readonly NewHeartbeat[],
  rowsPerStatement: number = RAW_INSERT_ROWS,
): Promise<void> {
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    await insertRaw(client, rows.slice(start, start + rowsPerStatement));
  }
}
