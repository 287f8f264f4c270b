import type { AssetRegistered, CustomerRegistered, HeartbeatRecorded } from '@beacon/domain';
import type { RecordedEvent } from '@beacon/event-store';
import type { ClientBase } from 'pg';
import { latestPerAsset } from '../latest-per-asset';

/**
 * Projects the event log into `rm_customers` and `rm_assets`. Idempotent: replaying a batch leaves
 * the same rows, and an older heartbeat never moves `last_seen_at` or the position backwards.
 */
export async function projectAssets(events: RecordedEvent[], client: ClientBase): Promise<void> {
  const heartbeats: HeartbeatRecorded['data'][] = [];
  for (const event of events) {
    switch (event.type) {
      case 'CustomerRegistered':
        await upsertCustomer(client, event.data as CustomerRegistered['data']);
        break;
      case 'AssetRegistered':
        // Heartbeats of an asset always follow its registration in the log, so flush them first.
        await applyHeartbeats(client, heartbeats.splice(0));
        await upsertAsset(client, event.data as AssetRegistered['data']);
        break;
      case 'HeartbeatRecorded':
        heartbeats.push(event.data as HeartbeatRecorded['data']);
        break;
      default:
        break; // events this read model does not need
    }
  }
  await applyHeartbeats(client, heartbeats);
}

async function upsertCustomer(client: ClientBase, data: CustomerRegistered['data']): Promise<void> {
  await client.query(
    `INSERT INTO rm_customers (id, name, address) VALUES ($1, $2, $3)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, address = excluded.address`,
    [data.customerId, data.name, data.address],
  );
}

async function upsertAsset(client: ClientBase, data: AssetRegistered['data']): Promise<void> {
  await client.query(
    `INSERT INTO rm_assets (id, kind, customer_id, customer_name, registration, label, callsign, icao24, timeout_seconds)
     SELECT $1, $2, $3, c.name, $4, $5, $6, $7, $8 FROM rm_customers c WHERE c.id = $3
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, customer_id = excluded.customer_id,
       customer_name = excluded.customer_name, registration = excluded.registration, label = excluded.label,
       callsign = excluded.callsign, icao24 = excluded.icao24, timeout_seconds = excluded.timeout_seconds`,
    [data.assetId, data.kind, data.customerId, data.registration, data.label, data.callsign, data.icao24, data.timeoutSeconds],
  );
}

/**
 * Two set-based UPDATEs per batch, fed with the newest heartbeat (and newest position) per asset:
 * `last_seen_at` only moves forward, and a position replaces the stored one only when it is newer.
 */
async function applyHeartbeats(client: ClientBase, heartbeats: HeartbeatRecorded['data'][]): Promise<void> {
  if (heartbeats.length === 0) return;
  const latest = latestPerAsset(heartbeats);
  await client.query(
    `UPDATE rm_assets a SET last_seen_at = u.seen_at, offline_at = u.seen_at + a.timeout_seconds * interval '1 second'
       FROM unnest($1::text[], $2::timestamptz[]) AS u(id, seen_at)
      WHERE a.id = u.id AND (a.last_seen_at IS NULL OR a.last_seen_at < u.seen_at)`,
    [latest.map((l) => l.assetId), latest.map((l) => l.seenAt)],
  );
  const positioned = latest.flatMap((l) => (l.position ? [l.position] : []));
  if (positioned.length === 0) return;
  await client.query(
    `UPDATE rm_assets a SET position_at = u.at, lat = u.lat, lon = u.lon, altitude = u.altitude, speed = u.speed, heading = u.heading
       FROM unnest($1::text[], $2::timestamptz[], $3::float8[], $4::float8[], $5::float8[], $6::float8[], $7::float8[])
            AS u(id, at, lat, lon, altitude, speed, heading)
      WHERE a.id = u.id AND (a.position_at IS NULL OR a.position_at < u.at)`,
    [
      positioned.map((p) => p.assetId),
      positioned.map((p) => p.timestamp),
      positioned.map((p) => p.lat),
      positioned.map((p) => p.lon),
      positioned.map((p) => p.altitude),
      positioned.map((p) => p.speed),
      positioned.map((p) => p.heading),
    ],
  );
}
