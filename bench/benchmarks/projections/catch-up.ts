import { inTransaction, type EventStore, type RecordedEvent } from '@beacon/event-store';
import type { Pool, PoolClient } from 'pg';

type Handle = (events: RecordedEvent[], after: bigint) => Promise<void>;

/**
 * Follows the log from position 0 to its end, batch after batch on pooled connections, as a
 * projector catching up does; returns how many events it handed to `handle`.
 */
export function catchUpFrom0(store: EventStore, batchSize: number, handle: Handle): Promise<number> {
  return handleEach(readAllInTurn(store, batchSize), handle);
}

/**
 * As a rebuild catches up (projection-rebuild.ts): `readAllPages` asks for the next batch as soon
 * as one arrives, so PostgreSQL reads it while `handle` writes this one.
 */
export function catchUpReadingAhead(store: EventStore, batchSize: number, handle: Handle): Promise<number> {
  return handleEach(store.readAllPages(0n, batchSize), handle);
}

/** readAll pages from position 0, each asked for only once the one before has been handled. */
async function* readAllInTurn(store: EventStore, batchSize: number): AsyncGenerator<RecordedEvent[]> {
  let after = 0n;
  for (;;) {
    const events = await store.readAll(after, batchSize);
    const last = events[events.length - 1];
    if (last === undefined) return;
    yield events;
    after = last.globalPosition;
  }
}

/** Hands each page to `handle` with the position it follows; returns how many events it handed. */
async function handleEach(pages: AsyncIterable<RecordedEvent[]>, handle: Handle): Promise<number> {
  let after = 0n;
  let total = 0;
  for await (const events of pages) {
    await handle(events, after);
    total += events.length;
    after = events[events.length - 1]?.globalPosition ?? after;
  }
  return total;
}

/**
 * Like the Subscription: each batch read and projected in one transaction (there, the checkpoint
 * commits with it), so a batch is applied entirely or not at all.
 */
export async function catchUpInTransactions(
  pool: Pool,
  store: EventStore,
  batchSize: number,
  handle: (events: RecordedEvent[], client: PoolClient) => Promise<void>,
): Promise<number> {
  let after = 0n;
  let total = 0;
  for (;;) {
    const events = await inTransaction(pool, async (client) => {
      const batch = await store.readAll(after, batchSize, client);
      if (batch.length > 0) await handle(batch, client);
      return batch;
    });
    const last = events[events.length - 1];
    if (last === undefined) return total;
    total += events.length;
    after = last.globalPosition;
  }
}
