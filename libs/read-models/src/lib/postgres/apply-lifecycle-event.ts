import { applyToAssetView, newAssetView, offlineAt, type AssetEvent, type AssetView, type CustomerRegistered } from '@beacon/domain';
import type { RecordedEvent } from '@beacon/event-store';
import type { ClientBase } from 'pg';
import type { StoredAssetView } from '../asset-dto';

/**
 * One customer or asset event into the read model. An asset's row is its view, changed by the
 * domain's rule (`applyToAssetView`) and written whole: the columns queries use and the `view` they
 * return come from the same object.
 */
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
    case 'AssetRegistered':
      await insertAsset(client, newAssetView(event.data, version));
      return;
    case 'AssetDecommissioned': // its rm_asset_search row goes with it (ON DELETE CASCADE)
      await client.query('DELETE FROM rm_assets WHERE id = $1', [event.data.assetId]);
      return;
    case 'AssetReassigned':
    case 'AssetLabelChanged':
    case 'AssetTimeoutChanged': {
      const stored = await readNewerThan(client, event.data.assetId, version);
      if (stored === null) return; // a replayed event (the row already has it), or an asset not in the read model
      const next = applyToAssetView({ ...stored, offlineAt: offlineAt(stored.lastSeenAt, stored.timeoutSeconds) }, event, version);
      if (next) await updateAsset(client, next);
    }
  }
}

/** The asset's stored view, if the row has not yet seen `version` of its stream. */
async function readNewerThan(client: ClientBase, assetId: string, version: number): Promise<StoredAssetView | null> {
  const result = await client.query<{ view: StoredAssetView }>('SELECT view FROM rm_assets WHERE id = $1 AND version < $2', [
    assetId,
    version,
  ]);
  return result.rows[0]?.view ?? null;
}

/** The view's fields as `rm_assets` columns, `$1` … `$10` of the statements below. */
function assetColumns(view: AssetView): unknown[] {
  const { offlineAt: _offlineAt, ...stored } = view;
  const { id, kind, customerId, registration, label, callsign, icao24, timeoutSeconds } = stored;
  return [id, kind, customerId, registration, label, callsign, icao24, timeoutSeconds, view.version, JSON.stringify(stored)];
}

async function insertAsset(client: ClientBase, view: AssetView): Promise<void> {
  await client.query(
    `INSERT INTO rm_assets (id, kind, customer_id, customer_name, registration, label, callsign, icao24, timeout_seconds, version, view)
     SELECT $1, $2, $3, c.name, $4, $5, $6, $7, $8, $9, $10 FROM rm_customers c WHERE c.id = $3
     ON CONFLICT (id) DO NOTHING`,
    assetColumns(view),
  );
  await refreshSearchWords(client, view.id);
}

/** Rewrites the row from the view; `offline_at` follows a changed timeout from the row's own `last_seen_at`. */
async function updateAsset(client: ClientBase, view: AssetView): Promise<void> {
  await client.query(
    `UPDATE rm_assets
        SET kind = $2, customer_id = $3, customer_name = (SELECT name FROM rm_customers WHERE id = $3), registration = $4,
            label = $5, callsign = $6, icao24 = $7, timeout_seconds = $8::integer,
            offline_at = last_seen_at + $8::integer * interval '1 second', version = $9, view = $10
      WHERE id = $1`,
    assetColumns(view),
  );
  await refreshSearchWords(client, view.id);
}

/**
 * Rewrites the asset's searchable words from its row (see migration AssetSearch1764000600000), and
 * adds any word not seen before to the vocabulary one-typo search looks in (migration
 * SearchVocabulary1764001500000). Lifecycle events change them, and of heartbeats only a new
 * callsign does (apply-heartbeats.ts), so other heartbeats never touch the trigram indexes.
 */
async function refreshSearchWords(client: ClientBase, assetId: string): Promise<void> {
  await client.query(
    `WITH written AS (
       INSERT INTO rm_asset_search (asset_id, words)
       SELECT id, rm_asset_search_words(id, registration, label, callsign, icao24, customer_name) FROM rm_assets WHERE id = $1
       ON CONFLICT (asset_id) DO UPDATE SET words = excluded.words
       RETURNING words)
     INSERT INTO rm_search_vocabulary (word)
     SELECT DISTINCT unnest(rm_search_word_set(words)) FROM written
     ON CONFLICT (word) DO NOTHING`,
    [assetId],
  );
}
