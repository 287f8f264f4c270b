import { isBeaconEvent, type HeartbeatRecorded } from '@beacon/domain';
import type { RecordedEvent } from '@beacon/event-store';
import { offlineAt, type AssetDocument, type CustomerDocument } from './asset-document';

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
        const d = event.data;
        this.change(this.assets, d.assetId, event, (current) =>
          current
            ? current // registered once; a second registration of an id is refused by the domain
            : {
                id: d.assetId,
                kind: d.kind,
                customerId: d.customerId,
                customerName: this.customerName(d.customerId),
                registration: d.registration,
                label: d.label,
                callsign: d.callsign,
                icao24: d.icao24,
                timeoutSeconds: d.timeoutSeconds,
                lastSeenAt: null,
                offlineAt: null,
                position: null,
                location: null,
                version: event.streamPosition ?? 1,
                decommissioned: false,
              },
        );
        return;
      }
      case 'AssetReassigned':
        this.changeAsset(event, event.data.assetId, (a) => ({
          ...a,
          customerId: event.data.toCustomerId,
          customerName: this.customerName(event.data.toCustomerId),
        }));
        return;
      case 'AssetLabelChanged':
        this.changeAsset(event, event.data.assetId, (a) => ({ ...a, label: event.data.label }));
        return;
      case 'AssetTimeoutChanged':
        this.changeAsset(event, event.data.assetId, (a) => ({
          ...a,
          timeoutSeconds: event.data.timeoutSeconds,
          offlineAt: offlineAt(a.lastSeenAt, event.data.timeoutSeconds),
        }));
        return;
      case 'AssetDecommissioned':
        this.changeAsset(event, event.data.assetId, (a) => ({ ...a, decommissioned: true }));
        return;
      case 'HeartbeatRecorded':
        this.applyHeartbeat(event, event.data);
        return;
    }
  }

  private applyHeartbeat(event: RecordedEvent, heartbeat: HeartbeatRecorded['data']): void {
    const hasPosition = heartbeat.lat !== null && heartbeat.lon !== null;
    if (hasPosition) this.positions.push({ globalPosition: event.globalPosition, heartbeat });
    this.change(this.assets, heartbeat.assetId, event, (asset) => {
      if (!asset) return null; // heartbeats of unknown assets are refused at ingest
      const at = Date.parse(heartbeat.timestamp);
      let next = asset;
      if (asset.lastSeenAt === null || at > Date.parse(asset.lastSeenAt)) {
        next = { ...next, lastSeenAt: heartbeat.timestamp, offlineAt: offlineAt(heartbeat.timestamp, asset.timeoutSeconds) };
      }
      if (hasPosition && (asset.position === null || at > Date.parse(asset.position.timestamp))) {
        const lat = heartbeat.lat as number;
        const lon = heartbeat.lon as number;
        next = {
          ...next,
          position: { lat, lon, altitude: heartbeat.altitude, speed: heartbeat.speed, heading: heartbeat.heading, timestamp: heartbeat.timestamp },
          location: { lat, lon },
        };
      }
      return next;
    });
  }

  private changeAsset(event: RecordedEvent, assetId: string, update: (asset: AssetDocument) => AssetDocument): void {
    this.change(this.assets, assetId, event, (asset) =>
      asset ? { ...update(asset), version: event.streamPosition ?? asset.version } : null,
    );
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
