import type { AssetEvent, CustomerRegistered } from '@beacon/domain';
import type { RecordedEvent } from '@beacon/event-store';
import type { ClientBase } from 'pg';

/** One customer or asset event into the read model. */
export async function applyLifecycleEvent(client: ClientBase, event: RecordedEvent<CustomerRegistered | AssetEvent>): Promise<void> {
  const version = event.streamPosition ?? 1;
  switch (event.type) {
    case 'CustomerRegistered': {
      const { customerId, name, address } = event.data;
      await client.query(
        `INSERT INTO rm_customers (id, name, address) VALUES ($1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, address = excluded.address`,
        [customerId, name, address],
      );
      return;
    }
    case 'AssetRegistered': {
      const d = event.data;
      await client.query(
        `INSERT INTO rm_assets (id, kind, customer_id, customer_name, registration, label, callsign, icao24, timeout_seconds, version)
         SELECT $1, $2, $3, c.name, $4, $5, $6, $7, $8, $9 FROM rm_customers c WHERE c.id = $3
         ON CONFLICT (id) DO NOTHING`,
        [d.assetId, d.kind, d.customerId, d.registration, d.label, d.callsign, d.icao24, d.timeoutSeconds, version],
      );
      await refreshSearchWords(client, d.assetId);
      return;
    }
    case 'AssetReassigned':
      await updateAsset(
        client,
        event.data.assetId,
        version,
        `customer_id = $3, customer_name = (SELECT name FROM rm_customers WHERE id = $3)`,
        [event.data.toCustomerId],
      );
      await refreshSearchWords(client, event.data.assetId);
      return;
    case 'AssetLabelChanged':
      await updateAsset(client, event.data.assetId, version, 'label = $3', [event.data.label]);
      await refreshSearchWords(client, event.data.assetId);
      return;
    case 'AssetTimeoutChanged':
      await updateAsset(
        client,
        event.data.assetId,
        version,
        `timeout_seconds = $3::integer, offline_at = last_seen_at + $3::integer * interval '1 second'`,
        [event.data.timeoutSeconds],
      );
      return;
    case 'AssetDecommissioned': // its rm_asset_search row goes with it (ON DELETE CASCADE)
      await client.query('DELETE FROM rm_assets WHERE id = $1', [event.data.assetId]);
      return;
  }
}

/** Applies a change only if it is newer than the row's version: a replayed event changes nothing. */
async function updateAsset(client: ClientBase, assetId: string, version: number, set: string, values: unknown[]): Promise<void> {
  await client.query(`UPDATE rm_assets SET ${set}, version = $2 WHERE id = $1 AND version < $2`, [assetId, version, ...values]);
}

/**
 * Rewrites the asset's searchable words from its row (see migration AssetSearch1764000600000). Only
 * lifecycle events change them, so heartbeats never touch the trigram index.
 */
async function refreshSearchWords(client: ClientBase, assetId: string): Promise<void> {
  await client.query(
    `INSERT INTO rm_asset_search (asset_id, words)
     SELECT id, rm_asset_search_words(id, registration, label, callsign, icao24, customer_name) FROM rm_assets WHERE id = $1
     ON CONFLICT (asset_id) DO UPDATE SET words = excluded.words`,
    [assetId],
  );
}
