import { isBeaconEvent, type HeartbeatRecorded } from '@beacon/domain';
import type { RecordedEvent } from '@beacon/event-store';
import type { ClientBase } from 'pg';
import type { ReadModelProjection } from '../read-model.port';
import { applyHeartbeats } from './apply-heartbeats';
import { applyLifecycleEvent } from './apply-lifecycle-event';

/**
 * Projects the event log into `rm_customers` and `rm_assets`. Idempotent: replaying a batch leaves
 * the same rows, and an older heartbeat never moves `last_seen_at` or the position backwards.
 * Heartbeats are collected and written set-based; a lifecycle event first writes the heartbeats
 * before it, so the order of the log is kept.
 */
export async function projectAssets(events: RecordedEvent[], client: ClientBase): Promise<void> {
  const heartbeats: HeartbeatRecorded['data'][] = [];
  for (const event of events) {
    if (!isBeaconEvent(event)) continue; // events this read model does not need (API keys, …)
    if (event.type === 'HeartbeatRecorded') {
      heartbeats.push(event.data);
      continue;
    }
    await applyHeartbeats(client, heartbeats.splice(0));
    await applyLifecycleEvent(client, event);
  }
  await applyHeartbeats(client, heartbeats);
}

/**
 * PostgreSQL refused a value, not the work: data exceptions (SQLSTATE class 22, such as a number
 * out of range), integrity violations (23) and program limits (54). A connection that failed,
 * a timeout or a server shutting down are none of these.
 */
export function isPostgresDataError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(22|23|54)[0-9A-Z]{3}$/.test(code);
}

/** The PostgreSQL read model's side of the port: its tables live beside the checkpoint, in `tx`. */
export const postgresAssetsProjection: ReadModelProjection = {
  apply: (events, tx) => projectAssets(events, tx),
  isDataError: isPostgresDataError,
};
