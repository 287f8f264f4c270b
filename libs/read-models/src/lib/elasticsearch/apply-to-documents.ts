import { applyToAssetView, isBeaconEvent, newAssetView, type AssetView, type HeartbeatRecorded } from '@beacon/domain';
import type { RecordedEvent } from '@beacon/event-store';
import type { AssetDocument, CustomerDocument } from './asset-document';

/** A document with the global position of the last event applied to it (its external version). */
export interface Versioned<T> {
  doc: T | null;
  version: bigint;
  dirty: boolean;
}

/** A heartbeat's position, for the positions index. */
export interface PositionEntry {
  globalPosition: bigint;
  heartbeat: HeartbeatRecorded['data'];
}

/**
 * The documents one batch touches, as read before the batch, and what the batch does to them.
 * Each event is applied only when it is newer (by global position) than the document it changes,
 * so re-applying a batch after a crash changes nothing, and a late heartbeat (older timestamp)
 * never moves lastSeenAt or the position backwards.
 */
export class DocumentChanges {
  readonly positions: PositionEntry[] = [];

  constructor(
    readonly assets: Map<string, Versioned<AssetDocument>>,
    readonly customers: Map<string, Versioned<CustomerDocument>>,
  ) {}

  apply(event: RecordedEvent): void {
    if (!isBeaconEvent(event)) return; // events this read model does not need (API keys, …)
    switch (event.type) {
      case 'CustomerRegistered': {
        const { customerId, name, address } = event.data;
        this.change(this.customers, customerId, event, () => ({ id: customerId, name, address }));
        return;
      }
      case 'AssetRegistered': {
        const { data } = event;
        // Registered once; a second registration of an id is refused by the domain.
        this.change(
          this.assets,
          data.assetId,
          event,
          (current) => current ?? this.document(newAssetView(data, event.streamPosition ?? 1), null),
        );
        return;
      }
      case 'HeartbeatRecorded':
        if (event.data.lat !== null && event.data.lon !== null)
          this.positions.push({ globalPosition: event.globalPosition, heartbeat: event.data });
        this.changeAsset(event);
        return;
      case 'AssetReassigned':
      case 'AssetLabelChanged':
      case 'AssetTimeoutChanged':
      case 'AssetDecommissioned':
        this.changeAsset(event);
    }
  }

  /** The asset view's rule applied to its document; a decommissioned asset stays as a tombstone. */
  private changeAsset(event: RecordedEvent<Parameters<typeof applyToAssetView>[1]>): void {
    this.change(this.assets, event.data.assetId, event, (asset) => {
      if (!asset) return null; // heartbeats of unknown assets are refused at ingest
      const view = applyToAssetView(asset, event, event.streamPosition);
      if (view === asset) return asset; // a late heartbeat: nothing to write
      return view === null
        ? { ...asset, decommissioned: true, version: event.streamPosition ?? asset.version }
        : this.document(view, asset);
    });
  }

  /**
   * The view with what the index adds: the customer's name to search by (looked up only when the
   * customer changes: a batch of heartbeats reads no customers), and the position to filter by.
   */
  private document(view: AssetView, previous: AssetDocument | null): AssetDocument {
    const customerName = previous?.customerId === view.customerId ? previous.customerName : this.customerName(view.customerId);
    const location = view.position && { lat: view.position.lat, lon: view.position.lon };
    return { ...view, customerName, location, decommissioned: false };
  }

  private change<T>(docs: Map<string, Versioned<T>>, id: string, event: RecordedEvent, update: (current: T | null) => T | null): void {
    const entry = docs.get(id) ?? { doc: null, version: 0n, dirty: false };
    docs.set(id, entry);
    if (event.globalPosition <= entry.version) return; // already applied before a crash or a replay
    const next = update(entry.doc);
    // Unchanged (a late heartbeat): nothing to write. A replay re-applies it, again to no effect.
    if (next === null || next === entry.doc) return;
    entry.doc = next;
    entry.version = event.globalPosition;
    entry.dirty = true;
  }

  private customerName(customerId: string): string {
    return this.customers.get(customerId)?.doc?.name ?? customerId;
  }
}
