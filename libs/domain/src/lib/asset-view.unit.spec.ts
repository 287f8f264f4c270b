import fc from 'fast-check';
import { applyToAssetView, newAssetView, offlineAt, statusAt, type AssetView } from './asset-view';
import type { HeartbeatRecorded } from './events';

type Heartbeat = HeartbeatRecorded['data'];
const T0 = Date.parse('2026-11-25T12:00:00.000Z');
const heartbeat = (secondsAfterT0: number, lat: number | null = 59.3, lon: number | null = 18.1): Heartbeat => ({
  assetId: 'A',
  timestamp: new Date(T0 + secondsAfterT0 * 1000).toISOString(),
  lat,
  lon,
  altitude: null,
  speed: 3,
  heading: 90,
  accuracy: null,
  battery: null,
  messageId: null,
});
const registered = (callsign: string | null = null): AssetView =>
  newAssetView(
    {
      assetId: 'A',
      kind: 'vehicle',
      customerId: 'acme',
      registration: 'ABC123',
      label: null,
      callsign,
      icao24: null,
      timeoutSeconds: 60,
      registeredAt: new Date(T0).toISOString(),
    },
    1,
  );
const fold = (heartbeats: Heartbeat[], from: AssetView = registered()): AssetView =>
  heartbeats.reduce<AssetView>((view, data) => applyToAssetView(view, { type: 'HeartbeatRecorded', data }, null) ?? view, from);

describe('the asset view', () => {
  it('takes the newest heartbeat as last seen and the newest position as the position, whatever their order', () => {
    const view = fold([heartbeat(10, 59.1), heartbeat(30, null, null), heartbeat(20, 59.2), heartbeat(5, 59.0)]);
    expect(view.lastSeenAt).toBe(heartbeat(30).timestamp);
    expect(view.offlineAt).toBe(new Date(T0 + 90_000).toISOString());
    expect(view.position).toEqual({ lat: 59.2, lon: 18.1, altitude: null, speed: 3, heading: 90, timestamp: heartbeat(20).timestamp });
  });

  it('shows the squawk of the newest heartbeat: a late one does not bring an old code back, a newer one without a code clears it', () => {
    const squawking = (seconds: number, squawk: string | null): Heartbeat => ({ ...heartbeat(seconds), squawk });
    expect(fold([squawking(20, '2000'), squawking(10, '7700')]).squawk).toBe('2000');
    expect(fold([squawking(10, '7700'), squawking(20, '2000')]).squawk).toBe('2000');
    expect(fold([squawking(10, '7700'), squawking(20, null)]).squawk).toBeNull();
  });

  it('shows what the newest heartbeat said of the device and the flight, and nothing an older one said', () => {
    const newest: Heartbeat = { ...heartbeat(20), battery: 64, verticalRate: -5.5, onGround: false };
    const older: Heartbeat = { ...heartbeat(10), battery: 90, verticalRate: 0, onGround: true };
    expect(fold([newest, older])).toMatchObject({ battery: 64, verticalRate: -5.5, onGround: false });
    expect(fold([older, { ...heartbeat(30), battery: null }])).toMatchObject({ battery: null, verticalRate: null, onGround: null });
  });

  it('shows the accuracy and the emitter category of the newest heartbeat, null when it did not say', () => {
    const newest: Heartbeat = { ...heartbeat(20), accuracy: 4.5, category: 'A3' };
    const older: Heartbeat = { ...heartbeat(10), accuracy: 30, category: 'A7' };
    expect(fold([newest, older])).toMatchObject({ accuracy: 4.5, category: 'A3' });
    expect(fold([older, newest])).toMatchObject({ accuracy: 4.5, category: 'A3' });
    expect(fold([newest, heartbeat(30)])).toMatchObject({ accuracy: null, category: null });
  });

  it('takes the callsign of the newest heartbeat that carried one, over the registered one', () => {
    const calling = (seconds: number, callsign: string): Heartbeat => ({ ...heartbeat(seconds), callsign });
    expect(registered('SAS1')).toMatchObject({ callsign: 'SAS1', callsignAt: null });
    expect(fold([calling(10, 'SAS2')], registered('SAS1'))).toMatchObject({ callsign: 'SAS2', callsignAt: heartbeat(10).timestamp });
    // A late heartbeat does not bring an earlier callsign back; one without a callsign leaves it.
    expect(fold([calling(20, 'SAS3'), calling(10, 'SAS2'), heartbeat(30)], registered('SAS1'))).toMatchObject({
      callsign: 'SAS3',
      callsignAt: heartbeat(20).timestamp,
    });
    // Older than the newest heartbeat, but newer than the callsign it had: still the callsign in use.
    expect(fold([calling(10, 'SAS2'), heartbeat(30), calling(20, 'SAS3')]).callsign).toBe('SAS3');
    expect(fold([heartbeat(30)], registered('SAS1')).callsign).toBe('SAS1');
  });

  it("takes a callsign into a view stored before it kept the callsign's time", () => {
    const { callsignAt: _callsignAt, ...storedEarlier } = fold([heartbeat(10)], registered('SAS1'));
    const view = applyToAssetView(
      storedEarlier as AssetView,
      { type: 'HeartbeatRecorded', data: { ...heartbeat(5), callsign: 'SAS2' } },
      null,
    );
    expect(view).toMatchObject({ callsign: 'SAS2', callsignAt: heartbeat(5).timestamp, lastSeenAt: heartbeat(10).timestamp });
  });

  it('returns the same view for a heartbeat that changes nothing, so a read model can skip the write', () => {
    const view = fold([heartbeat(20, 59.2)]);
    expect(applyToAssetView(view, { type: 'HeartbeatRecorded', data: heartbeat(10, 59.1) }, null)).toBe(view);
  });

  it('is the same whichever order heartbeats with distinct times arrive in', () => {
    const heartbeats = fc.uniqueArray(
      fc.record({
        second: fc.integer({ min: 0, max: 86_400 }),
        positioned: fc.boolean(),
        lat: fc.double({ min: -90, max: 90, noNaN: true }),
        callsign: fc.option(fc.constantFrom('SAS1', 'SAS2', 'NSZ7')),
        category: fc.option(fc.constantFrom('A1', 'A3')),
      }),
      { selector: (h) => h.second, maxLength: 30 },
    );
    fc.assert(
      fc.property(heartbeats, fc.func(fc.integer()), (items, shuffleKey) => {
        const inOrder = items.map(({ second, positioned, lat, callsign, category }) => ({
          ...heartbeat(second, positioned ? lat : null, positioned ? 18 : null),
          callsign,
          category,
        }));
        const shuffled = [...inOrder].sort((a, b) => shuffleKey(a.timestamp) - shuffleKey(b.timestamp));
        expect(fold(shuffled)).toEqual(fold(inOrder));
      }),
      { seed: 20261206, numRuns: 300 },
    );
  });

  it('moves offlineAt with a new timeout, and leaves the fleet when decommissioned', () => {
    const view = fold([heartbeat(0)]);
    const longer = applyToAssetView(view, { type: 'AssetTimeoutChanged', data: { assetId: 'A', timeoutSeconds: 600, at: '' } }, 2);
    expect(longer).toMatchObject({ timeoutSeconds: 600, offlineAt: offlineAt(heartbeat(0).timestamp, 600), version: 2 });
    expect(applyToAssetView(view, { type: 'AssetDecommissioned', data: { assetId: 'A', at: '' } }, 3)).toBeNull();
  });

  it('is online until offlineAt, offline from then on, and unknown before its first heartbeat', () => {
    const view = fold([heartbeat(0)]);
    expect(statusAt(view, new Date(T0 + 59_999))).toBe('online');
    expect(statusAt(view, new Date(T0 + 60_000))).toBe('offline');
    expect(statusAt(registered(), new Date(T0))).toBe('unknown');
  });
});
