import { notYetSeen } from '@beacon/domain';
import type { RecordedEvent } from '@beacon/event-store';
import { LiveFleet } from './live-fleet';

const T0 = Date.parse('2026-11-25T12:00:00.000Z');
let position = 0n;

function event(type: string, data: Record<string, unknown>): RecordedEvent {
  return {
    globalPosition: ++position,
    streamId: `asset-${String(data['assetId'])}`,
    streamPosition: null,
    type,
    data,
    metadata: {},
    recordedAt: new Date(),
  };
}
const registered = (assetId: string, timeoutSeconds = 60, customerId = 'acme') =>
  event('AssetRegistered', {
    assetId,
    kind: 'vehicle',
    customerId,
    registration: null,
    label: null,
    callsign: null,
    icao24: null,
    timeoutSeconds,
    registeredAt: new Date(T0).toISOString(),
  });
const heartbeat = (assetId: string, at: number, lat: number | null = 59.3, lon: number | null = 18.1) =>
  event('HeartbeatRecorded', {
    assetId,
    timestamp: new Date(at).toISOString(),
    lat,
    lon,
    altitude: null,
    speed: 3,
    heading: 90,
    accuracy: null,
    battery: null,
    messageId: null,
  });

describe('LiveFleet', () => {
  it('announces a first heartbeat as position and status online', () => {
    const fleet = new LiveFleet(T0);
    fleet.apply([registered('A')], T0);
    const changes = fleet.apply([heartbeat('A', T0)], T0 + 50);
    expect(changes).toEqual([
      {
        kind: 'position',
        assetId: 'A',
        customerId: 'acme',
        lat: 59.3,
        lon: 18.1,
        position: { lat: 59.3, lon: 18.1, altitude: null, speed: 3, heading: 90, timestamp: new Date(T0).toISOString() },
        from: null,
      },
      { kind: 'status', assetId: 'A', customerId: 'acme', lat: 59.3, lon: 18.1, status: 'online', at: new Date(T0).toISOString() },
    ]);
  });

  it('turns a passed deadline into status offline, at the deadline and not before', () => {
    const fleet = new LiveFleet(T0);
    fleet.apply([registered('A', 2), heartbeat('A', T0)], T0);
    expect(fleet.expire(T0 + 1_999)).toEqual([]);
    expect(fleet.expire(T0 + 2_050)).toEqual([
      expect.objectContaining({ kind: 'status', assetId: 'A', status: 'offline', at: new Date(T0 + 2_000).toISOString() }),
    ]);
    expect(fleet.expire(T0 + 5_000)).toEqual([]); // told once
  });

  it('moves the deadline with every newer heartbeat, and brings an offline asset back online', () => {
    const fleet = new LiveFleet(T0);
    fleet.apply([registered('A', 2), heartbeat('A', T0)], T0);
    fleet.apply([heartbeat('A', T0 + 1_500)], T0 + 1_500);
    expect(fleet.expire(T0 + 2_500)).toEqual([]);
    expect(fleet.expire(T0 + 3_600)).toEqual([expect.objectContaining({ status: 'offline' })]);
    const back = fleet.apply([heartbeat('A', T0 + 4_000, null, null)], T0 + 4_000);
    expect(back).toEqual([expect.objectContaining({ kind: 'status', status: 'online', at: new Date(T0 + 4_000).toISOString() })]);
  });

  it('keeps one deadline entry per asset however often it reports', () => {
    const fleet = new LiveFleet(T0);
    fleet.apply([registered('A', 2), registered('B', 2)], T0);
    for (let second = 0; second < 10; second++) {
      fleet.apply([heartbeat('A', T0 + second * 1_000), heartbeat('B', T0 + second * 1_000)], T0 + second * 1_000);
      expect(fleet.expire(T0 + second * 1_000)).toEqual([]);
    }
    expect(fleet.pendingDeadlines).toBe(2);
    expect(fleet.expire(T0 + 11_000)).toEqual([
      expect.objectContaining({ assetId: 'A', status: 'offline' }),
      expect.objectContaining({ assetId: 'B', status: 'offline' }),
    ]);
    expect(fleet.pendingDeadlines).toBe(0);
  });

  it('never moves an asset backwards for a heartbeat older than the newest', () => {
    const fleet = new LiveFleet(T0);
    fleet.apply([registered('A'), heartbeat('A', T0 + 1_000, 60, 18)], T0 + 1_000);
    expect(fleet.apply([heartbeat('A', T0, 61, 19)], T0 + 1_100)).toEqual([]);
  });

  it('tells a never-seen asset whose first heartbeat is already too old as offline, not online', () => {
    const fleet = new LiveFleet(T0);
    fleet.apply([registered('A', 60)], T0);
    const changes = fleet.apply([heartbeat('A', T0 - 120_000)], T0);
    expect(changes).toEqual([
      expect.objectContaining({ kind: 'position' }),
      expect.objectContaining({ kind: 'status', status: 'offline', at: new Date(T0 - 60_000).toISOString() }),
    ]);
    expect(fleet.expire(T0 + 1_000)).toEqual([]);
  });

  it('follows reassignments, timeout changes and decommissions', () => {
    const fleet = new LiveFleet(T0);
    fleet.apply([registered('A', 60), heartbeat('A', T0)], T0);
    fleet.apply([event('AssetReassigned', { assetId: 'A', fromCustomerId: 'acme', toCustomerId: 'globex', at: '' })], T0);
    const shorter = fleet.apply([event('AssetTimeoutChanged', { assetId: 'A', timeoutSeconds: 1, at: '' })], T0 + 2_000);
    expect(shorter).toEqual([expect.objectContaining({ status: 'offline', customerId: 'globex', at: new Date(T0 + 1_000).toISOString() })]);
    fleet.apply([event('AssetDecommissioned', { assetId: 'A', at: '' })], T0);
    expect(fleet.size).toBe(0);
    expect(fleet.apply([heartbeat('A', T0 + 3_000)], T0 + 3_000)).toEqual([]);
  });

  it('gives the new owner no position from before its ownership period, even one that arrives late', () => {
    const fleet = new LiveFleet(T0);
    const reassignedAt = T0 + 10_000;
    fleet.apply([registered('A', 600), heartbeat('A', T0)], T0);
    fleet.apply(
      [
        event('AssetReassigned', {
          assetId: 'A',
          fromCustomerId: 'acme',
          toCustomerId: 'globex',
          at: new Date(reassignedAt).toISOString(),
        }),
      ],
      reassignedAt,
    );
    const late = fleet.apply([heartbeat('A', reassignedAt - 1, 59.4)], reassignedAt + 500);
    const after = fleet.apply([heartbeat('A', reassignedAt, 59.5)], reassignedAt + 600);
    expect(late).toEqual([expect.objectContaining({ kind: 'position', customerId: null, lat: 59.4 })]);
    expect(after).toEqual([expect.objectContaining({ kind: 'position', customerId: 'globex', lat: 59.5 })]);
  });

  it('knows when a loaded asset was reassigned, so a restart does not forget the period', () => {
    const fleet = new LiveFleet(T0);
    fleet.load({ id: 'A', customerId: 'globex', timeoutSeconds: 600, ...notYetSeen(), status: 'unknown' }, T0);
    expect(fleet.apply([heartbeat('A', T0 - 1)], T0 + 10)).toContainEqual(expect.objectContaining({ kind: 'position', customerId: null }));
  });

  it('keeps what a loaded asset had when the log replays its registration', () => {
    const fleet = new LiveFleet(T0);
    fleet.load({
      id: 'A',
      customerId: 'acme',
      timeoutSeconds: 60,
      ...notYetSeen(),
      lastSeenAt: new Date(T0).toISOString(),
      status: 'online',
    });
    expect(fleet.apply([registered('A', 60), heartbeat('A', T0 - 10_000)], T0 + 10)).toEqual([
      expect.objectContaining({ kind: 'position' }),
    ]);
    expect(fleet.expire(T0 + 59_000)).toEqual([]);
    expect(fleet.expire(T0 + 60_100)).toEqual([expect.objectContaining({ status: 'offline' })]);
  });
});
