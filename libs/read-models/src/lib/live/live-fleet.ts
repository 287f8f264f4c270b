import type { AssetDto, AssetStatus } from '@beacon/contracts';
import {
  applyHeartbeat,
  isBeaconEvent,
  notYetSeen,
  offlineAt,
  statusAt,
  type AssetEvent,
  type AssetMovement,
  type HeartbeatRecorded,
} from '@beacon/domain';
import type { RecordedEvent } from '@beacon/event-store';
import { DeadlineWheel } from './deadline-wheel';
import type { LiveChange } from './live-change';

/**
 * What the live stream keeps of an asset: its movement (as the asset view's rule makes it), and
 * enough to filter and to tell when it goes offline.
 */
interface LiveAsset extends AssetMovement {
  id: string;
  customerId: string;
  /** When the current owner got the asset (ms), if by reassignment: older positions are not theirs to see. */
  ownedSince: number | null;
  timeoutSeconds: number;
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
 * deadlines into `status: offline` changes. Movement and status follow the asset view's rule of
 * the domain, as the read models and the query side do, so a stream and a search agree: a
 * heartbeat older than the newest one never moves an asset backwards.
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
  load(asset: Pick<AssetDto, 'id' | 'customerId' | 'timeoutSeconds' | 'status'> & AssetMovement, ownedSince: number | null = null): void {
    const loaded: LiveAsset = { ...asset, ownedSince, scheduledFor: null };
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
      if (deadlineOf(asset) > now) this.scheduleDeadline(asset);
      else this.announceStatus(asset, now, changes);
    }
    return changes;
  }

  private heartbeat(heartbeat: HeartbeatRecorded['data'], now: number, changes: LiveChange[]): void {
    const asset = this.assets.get(heartbeat.assetId);
    if (!asset) return;
    const { lastSeenAt, position } = applyHeartbeat(asset, heartbeat);
    if (lastSeenAt !== asset.lastSeenAt) {
      asset.lastSeenAt = lastSeenAt;
      this.scheduleDeadline(asset);
    }
    if (position && position !== asset.position) {
      asset.position = position;
      // A heartbeat from before the current owner's period (sent late) is the previous owner's history.
      const customerId = asset.ownedSince !== null && Date.parse(position.timestamp) < asset.ownedSince ? null : asset.customerId;
      changes.push({ kind: 'position', ...where(asset), customerId, position, from: null });
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
    const status = statusAt(asset, new Date(now));
    if (status === asset.status) return;
    asset.status = status;
    const at = status === 'offline' ? offlineAt(asset.lastSeenAt, asset.timeoutSeconds) : asset.lastSeenAt;
    changes.push({ kind: 'status', ...where(asset), status, at: at ?? new Date(now).toISOString() });
  }

  /** Makes sure the wheel will look at the asset by its deadline (an earlier entry will do: it waits again). */
  private scheduleDeadline(asset: LiveAsset): void {
    if (asset.lastSeenAt === null) return;
    const deadline = deadlineOf(asset);
    if (asset.scheduledFor !== null && asset.scheduledFor <= deadline) return;
    this.deadlines.schedule(asset.id, deadline);
    asset.scheduledFor = deadline;
  }
}

/** The asset's offline instant in ms, for the deadline wheel; never for one that has not reported. */
function deadlineOf(asset: LiveAsset): number {
  const at = offlineAt(asset.lastSeenAt, asset.timeoutSeconds);
  return at === null ? Number.POSITIVE_INFINITY : Date.parse(at);
}

function where(asset: LiveAsset): { assetId: string; customerId: string; lat: number | null; lon: number | null } {
  return { assetId: asset.id, customerId: asset.customerId, lat: asset.position?.lat ?? null, lon: asset.position?.lon ?? null };
}

function newAsset(id: string, customerId: string, timeoutSeconds: number): LiveAsset {
  return { id, customerId, ownedSince: null, timeoutSeconds, ...notYetSeen(), status: 'unknown', scheduledFor: null };
}
