import type { ClientBase } from 'pg';

/**
 * Every append takes this transaction-level lock just before it draws positions from the shared
 * sequence, and keeps it until its commit is visible. Positions are therefore handed out in commit
 * order, so a reader that sees position N committed knows that every lower position is either
 * committed and visible in the same snapshot, or never will be (a rolled-back gap). That makes
 * `readAll` gap-free without having to guess about in-flight transactions. (The key is arbitrary:
 * "BEACON" in ASCII.)
 */
const EVENT_LOG_APPEND_LOCK = 0x424541434f4e;

export async function takeGlobalOrderLock(client: ClientBase): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1)', [EVENT_LOG_APPEND_LOCK]);
}

/** Wakes subscribers; PostgreSQL delivers it at commit and folds repeats within a transaction. */
export const EVENT_LOG_CHANNEL = 'beacon_event_log';

export async function notifySubscribers(client: ClientBase): Promise<void> {
  await client.query(`SELECT pg_notify('${EVENT_LOG_CHANNEL}', '')`);
}
