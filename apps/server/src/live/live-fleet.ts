import type { AssetDto, AssetStatus, PositionDto } from '@beacon/contracts';
import { assetStatus, isBeaconEvent, type AssetEvent, type HeartbeatRecorded } from '@beacon/domain';
import type { RecordedEvent } from '@beacon/event-store';
import { DeadlineWheel } from './deadline-wheel';
import type { LiveChange } from './live-change';

/** What the live stream keeps of an asset: enough to filter, and to tell when it goes offline. */
interface LiveAsset {
  id: string;
  customerId: string;
  /** When the current owner got the asset (ms), if by reassignment: older positions are not theirs to see. */
  ownedSince: number | null;
  timeoutSeconds: number;
  /** Newest heartbeat time in ms, or null when none was ever received. */
  lastSeenAt: number | null;
  position: PositionDto | null;
  /** The status last announced (or loaded), so each change is told once. */
  status: AssetStatus;
  /** The deadline this asset waits for in the wheel, if any: one entry per asset, however often it reports. */
  scheduledFor: number | null;
}

/** Offline deadlines are checked in slots of this size: a change is late by at most this plus a tick. */
const DEADLINE_SLOT_MS = 100;

/**
 * The fleet as the live stream sees it, in memory: loaded from the read model, then kept current
 * from the event log. It turns heartbeats into `position` and `status: online` changes and passed
 * deadlines into `status: offline` changes. Status follows the query side's rule (lastSeenAt +
 * timeout against the clock), so a stream and a search agree; like the read models, a heartbeat
 * older than the newest one never moves an asset backwards.
 */
export class LiveFleet {
  private readonly assets = new Map<string, LiveAsset>();
  private readonly deadlines: DeadlineWheel;

  constructor(now: number) {
    this.deadlines = new DeadlineWheel(DEADLINE_SLOT_MS, now);
  }

  get size(): number {
    return this.assets.size;
  }

  /** Entries waiting in the deadline wheel. */
  get pendingDeadlines(): number {
    return this.deadlines.size;
  }

  /**
   * An asset as the read model had it, and when it was last reassigned (ms; null if never); what
   * the log says afterwards is applied over it.
   */
  load(asset: Pick<AssetDto, 'id' | 'customerId' | 'timeoutSeconds' | 'lastSeenAt' | 'position' | 'status'>, ownedSince: number | null = null): void {
    const lastSeenAt = asset.lastSeenAt === null ? null : Date.parse(asset.lastSeenAt);
    const loaded: LiveAsset = { ...asset, ownedSince, lastSeenAt, scheduledFor: null };
    this.assets.set(asset.id, loaded);
    this.scheduleDeadline(loaded);
  }

  /** Applies a batch of the log; returns the changes it makes, in log order. */
  apply(events: RecordedEvent[], now: number): LiveChange[] {
    const changes: LiveChange[] = [];
    for (const event of events) {
      if (!isBeaconEvent(event) || event.type === 'CustomerRegistered') continue; // customers and keys do not show
      if (event.type === 'HeartbeatRecorded') this.heartbeat(event.data, now, changes);
      else this.lifecycle(event, now, changes);
    }
    return changes;
  }

  /**
   * Assets whose deadline has passed by `now` go offline. An asset that reported since its entry
   * was made waits again, for its new deadline: heartbeats only move the deadline in memory, so
   * the wheel holds one entry per asset rather than one per heartbeat.
   */
  expire(now: number): LiveChange[] {
    const changes: LiveChange[] = [];
    for (const id of this.deadlines.due(now)) {
      const asset = this.assets.get(id);
      if (!asset || asset.scheduledFor === null || asset.scheduledFor > now) continue;
      asset.scheduledFor = null;
      if (offlineAt(asset) > now) this.scheduleDeadline(asset);
      else this.announceStatus(asset, now, changes);
    }
    return changes;
  }

  private heartbeat(heartbeat: HeartbeatRecorded['data'], now: number, changes: LiveChange[]): void {
    const asset = this.assets.get(heartbeat.assetId);
    if (!asset) return;
    const at = Date.parse(heartbeat.timestamp);
    if (asset.lastSeenAt === null || at > asset.lastSeenAt) {
      asset.lastSeenAt = at;
      this.scheduleDeadline(asset);
    }
    if (heartbeat.lat !== null && heartbeat.lon !== null && (!asset.position || at > Date.parse(asset.position.timestamp))) {
      asset.position = {
        lat: heartbeat.lat,
        lon: heartbeat.lon,
        altitude: heartbeat.altitude,
        speed: heartbeat.speed,
        heading: heartbeat.heading,
        timestamp: heartbeat.timestamp,
      };
      // A heartbeat from before the current owner's period (sent late) is the previous owner's history.
      const customerId = asset.ownedSince !== null && at < asset.ownedSince ? null : asset.customerId;
      changes.push({ kind: 'position', ...where(asset), customerId, position: asset.position });
    }
    this.announceStatus(asset, now, changes);
  }

  private lifecycle(event: AssetEvent, now: number, changes: LiveChange[]): void {
    switch (event.type) {
      case 'AssetRegistered': {
        const { assetId, customerId, timeoutSeconds } = event.data;
        const known = this.assets.get(assetId);
        if (known) {
          // A replay of the log over what the read model had: keep what the heartbeats taught.
          known.customerId = customerId;
          known.timeoutSeconds = timeoutSeconds;
        } else {
          this.assets.set(assetId, newAsset(assetId, customerId, timeoutSeconds));
        }
        return;
      }
      case 'AssetReassigned': {
        const asset = this.assets.get(event.data.assetId);
        if (!asset) return;
        asset.customerId = event.data.toCustomerId;
        asset.ownedSince = Date.parse(event.data.at);
        return;
      }
      case 'AssetTimeoutChanged': {
        const asset = this.assets.get(event.data.assetId);
        if (!asset) return;
        asset.timeoutSeconds = event.data.timeoutSeconds;
        this.scheduleDeadline(asset);
        this.announceStatus(asset, now, changes);
        return;
      }
      case 'AssetDecommissioned':
        this.assets.delete(event.data.assetId);
        return;
      case 'AssetLabelChanged':
      default:
        return; // labels do not show in the stream
    }
  }

  /** Tells the asset's status if it differs from the one last told. */
  private announceStatus(asset: LiveAsset, now: number, changes: LiveChange[]): void {
    const status = assetStatus(asset.lastSeenAt === null ? null : new Date(asset.lastSeenAt), asset.timeoutSeconds, new Date(now));
    if (status === asset.status) return;
    asset.status = status;
    const at = status === 'offline' ? offlineAt(asset) : (asset.lastSeenAt ?? now);
    changes.push({ kind: 'status', ...where(asset), status, at: new Date(at).toISOString() });
  }

  /** Makes sure the wheel will look at the asset by its deadline (an earlier entry will do: it waits again). */
  private scheduleDeadline(asset: LiveAsset): void {
    if (asset.lastSeenAt === null) return;
    const deadline = offlineAt(asset);
    if (asset.scheduledFor !== null && asset.scheduledFor <= deadline) return;
    this.deadlines.schedule(asset.id, deadline);
    asset.scheduledFor = deadline;
  }
}

function offlineAt(asset: LiveAsset): number {
  return (asset.lastSeenAt ?? 0) + asset.timeoutSeconds * 1000;
}

function where(asset: LiveAsset): { assetId: string; customerId: string; lat: number | null; lon: number | null } {
  return { assetId: asset.id, customerId: asset.customerId, lat: asset.position?.lat ?? null, lon: asset.position?.lon ?? null };
}

function newAsset(id: string, customerId: string, timeoutSeconds: number): LiveAsset {
  return { id, customerId, ownedSince: null, timeoutSeconds, lastSeenAt: null, position: null, status: 'unknown', scheduledFor: null };
}
