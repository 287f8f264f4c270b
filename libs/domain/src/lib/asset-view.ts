import type { AssetStatus } from './asset-status';
import { assetStatus } from './asset-status';
import type { AssetEvent, AssetRegistered, HeartbeatRecorded } from './events';

/** Where an asset last reported being: a heartbeat that carried a position. */
export interface AssetPosition {
  lat: number;
  lon: number;
  altitude: number | null;
  speed: number | null;
  heading: number | null;
  timestamp: string;
}

/** What the log says of an asset's movement: the newest heartbeat, and the newest one with a position. */
export interface AssetMovement {
  /** The newest heartbeat's time, with or without a position; null before the first. */
  lastSeenAt: string | null;
  /** Aircraft: the transponder code the newest heartbeat carried; null when it carried none. */
  squawk: string | null;
  /** Aircraft: climb (+) or descent (−) in m/s, as the newest heartbeat said; null when it did not. */
  verticalRate: number | null;
  /** Aircraft: on the ground rather than airborne, as the newest heartbeat said; null when it did not. */
  onGround: boolean | null;
  /** The device's battery in percent, as the newest heartbeat said; null when it did not. */
  battery: number | null;
  /** The GPS accuracy in metres, as the newest heartbeat said; null when it did not. */
  accuracy: number | null;
  /** Aircraft: the ADS-B emitter category (`A3`, `A7`, …), as the newest heartbeat said; null when it did not. */
  category: string | null;
  position: AssetPosition | null;
  /**
   * Aircraft: the callsign the newest heartbeat that carried one reported, else the registered one.
   * Unlike the fields above, a heartbeat without a callsign leaves it: a flight's callsign is sent
   * in some messages only, and it names the flight until another is sent.
   */
  callsign: string | null;
  /** The time of the heartbeat `callsign` came from; null while it is the registered one. */
  callsignAt: string | null;
}

/** What the registration says of an asset, as the view keeps it (changed later by the asset's events). */
type Registered = Omit<AssetRegistered['data'], 'assetId' | 'registeredAt'>;

/** The asset as every read side shows it: what its lifecycle events and its heartbeats made it. */
export interface AssetView extends AssetMovement, Registered {
  id: string;
  /** `lastSeenAt` + the timeout: the instant it goes offline; null before the first heartbeat. */
  offlineAt: string | null;
  /** The asset stream's version, for `If-Match`. */
  version: number;
}

/** A registered asset, before any heartbeat. */
export function newAssetView(registered: AssetRegistered['data'], version: number): AssetView {
  const { assetId, kind, customerId, registration, label, callsign, icao24, timeoutSeconds } = registered;
  return {
    id: assetId,
    kind,
    customerId,
    registration,
    label,
    icao24,
    timeoutSeconds,
    ...notYetSeen(),
    callsign, // the registered one, until a heartbeat reports another
    offlineAt: null,
    version,
  };
}

/** The movement of an asset that has not reported yet. */
export function notYetSeen(): AssetMovement {
  return {
    lastSeenAt: null,
    squawk: null,
    verticalRate: null,
    onGround: null,
    battery: null,
    accuracy: null,
    category: null,
    position: null,
    callsign: null,
    callsignAt: null,
  };
}

/**
 * Applies one of the asset's events to its view; `version` is the event's place in the asset's
 * stream (heartbeats have none and leave it). Returns the same object when nothing changes (a late
 * heartbeat), so a read model can skip the write; null when the asset leaves the fleet.
 */
export function applyToAssetView(
  view: AssetView,
  event: Exclude<AssetEvent, AssetRegistered> | HeartbeatRecorded,
  version: number | null,
): AssetView | null {
  const versioned = (next: AssetView): AssetView => ({ ...next, version: version ?? next.version });
  switch (event.type) {
    case 'HeartbeatRecorded': {
      const moved = applyHeartbeat(view, event.data);
      return moved.lastSeenAt === view.lastSeenAt ? moved : { ...moved, offlineAt: offlineAt(moved.lastSeenAt, view.timeoutSeconds) };
    }
    case 'AssetReassigned':
      return versioned({ ...view, customerId: event.data.toCustomerId });
    case 'AssetLabelChanged':
      return versioned({ ...view, label: event.data.label });
    case 'AssetTimeoutChanged':
      return versioned({
        ...view,
        timeoutSeconds: event.data.timeoutSeconds,
        offlineAt: offlineAt(view.lastSeenAt, event.data.timeoutSeconds),
      });
    case 'AssetDecommissioned':
      return null;
  }
}

/**
 * The newest wins, by the heartbeat's own time rather than its arrival: a heartbeat older than the
 * newest one never moves `lastSeenAt` (or what `seenFrom` takes) back, one older than the newest
 * position never moves the position back, and one older than the newest reported callsign never
 * brings an earlier callsign back. Returns the same object when the heartbeat changes nothing.
 */
export function applyHeartbeat<V extends AssetMovement>(view: V, heartbeat: HeartbeatRecorded['data']): V {
  const at = Date.parse(heartbeat.timestamp);
  let next = view;
  if (view.lastSeenAt === null || at > Date.parse(view.lastSeenAt)) next = { ...next, ...seenFrom(heartbeat) };
  const position = positionOf(heartbeat);
  if (position !== null && (view.position === null || at > Date.parse(view.position.timestamp))) next = { ...next, position };
  const reported = callsignOf(heartbeat);
  if (reported !== null && isOlder(view.callsignAt, at)) next = { ...next, ...reported };
  return next;
}

/**
 * Whether `time` is before `at`; a missing time is before any. A view stored before `callsignAt`
 * was added lacks it rather than holding null (see `assetDtoOf`), and must still take a callsign.
 */
function isOlder(time: string | null | undefined, at: number): boolean {
  return time === null || time === undefined || Date.parse(time) < at;
}

/**
 * What the asset's newest heartbeat sets on its view, with or without a position. A read model that
 * keeps the newest-wins comparison in its own store (the PostgreSQL one, in SQL) writes these
 * fields and `positionOf` as they are, so a field added here reaches it without a change there.
 */
export function seenFrom(
  heartbeat: HeartbeatRecorded['data'],
): Omit<AssetMovement, 'position' | ReportedCallsignField> & { lastSeenAt: string } {
  return {
    lastSeenAt: heartbeat.timestamp,
    squawk: heartbeat.squawk ?? null,
    verticalRate: heartbeat.verticalRate ?? null,
    onGround: heartbeat.onGround ?? null,
    battery: heartbeat.battery,
    accuracy: heartbeat.accuracy,
    category: heartbeat.category ?? null,
  };
}

type ReportedCallsignField = 'callsign' | 'callsignAt';

/** A callsign a heartbeat reported, and the heartbeat's time. */
export type ReportedCallsign = { [K in ReportedCallsignField]: string };

/** The callsign a heartbeat carries with its time, or null when it carries none. */
export function callsignOf(heartbeat: HeartbeatRecorded['data']): ReportedCallsign | null {
  const { callsign, timestamp } = heartbeat;
  return callsign === undefined || callsign === null ? null : { callsign, callsignAt: timestamp };
}

/** The position a heartbeat carries, or null when it has none. */
export function positionOf(heartbeat: HeartbeatRecorded['data']): AssetPosition | null {
  const { lat, lon, altitude, speed, heading, timestamp } = heartbeat;
  return lat === null || lon === null ? null : { lat, lon, altitude, speed, heading, timestamp };
}

/** When an asset last seen at `lastSeenAt` goes offline; null when it never reported. */
export function offlineAt(lastSeenAt: string | null, timeoutSeconds: number): string | null {
  return lastSeenAt === null ? null : new Date(Date.parse(lastSeenAt) + timeoutSeconds * 1000).toISOString();
}

/** The asset's status at `now` (online until `offlineAt`), from what its view holds. */
export function statusAt(view: Pick<AssetView, 'lastSeenAt' | 'timeoutSeconds'>, now: Date): AssetStatus {
  return assetStatus(view.lastSeenAt === null ? null : new Date(view.lastSeenAt), view.timeoutSeconds, now);
}
