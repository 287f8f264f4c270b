import { parseOpenSky, parseOsmAnd, parseReadsb, type FeedResult } from '@beacon/ingest-formats';
import { SimulatedFleet, type SimulatedHeartbeat } from '@beacon/simulation';
import { encodeRequests } from './encode-requests';
import { parseFormats } from './format';
import { nativeRequests } from './native';
import { openSkyDocument } from './opensky';
import { osmAndQuery } from './osmand';
import { readsbDocument } from './readsb';

const AT = new Date('2026-05-01T08:00:00.250Z');
const fleet = new SimulatedFleet({ vehicles: 30, aircraft: 30, seed: 42, silentShare: 0 });
fleet.tick(AT, 0);
// Far enough on that some aircraft are climbing or descending and some are at the gate.
const heartbeats = Array.from({ length: 40 }, (_, tick) => fleet.tick(new Date(AT.getTime() + tick * 60_000), 60)).flat();
const vehicles = heartbeats.filter((heartbeat) => heartbeat.kind === 'vehicle');
const aircraft = heartbeats.filter((heartbeat) => heartbeat.kind === 'aircraft');

// Aircraft at the gate and in the air, of different ticks.
const sample = [
  ...aircraft.filter((heartbeat) => heartbeat.onGround).slice(0, 10),
  ...aircraft.filter((heartbeat) => !heartbeat.onGround).slice(0, 20),
];

/** A feed document's items as read, each with the heartbeat it was made from, checked for what every feed carries. */
function readBack(result: FeedResult) {
  if (!result.ok) throw new Error(JSON.stringify(result.details));
  expect(result.rejected).toEqual([]);
  expect(result.items).toHaveLength(sample.length);
  return result.items.map((item, index) => {
    const sent = sample[index] as SimulatedHeartbeat;
    expect(item.aircraft).toEqual({ icao24: sent.assetId, callsign: sent.callsign, category: 'A3' });
    expectSameHeartbeat(item.heartbeat as Record<string, unknown>, sent);
    return { item, sent };
  });
}

/** What Beacon reads back must be what was simulated, to the precision of the format's units. */
function expectSameHeartbeat(read: Record<string, unknown>, sent: SimulatedHeartbeat) {
  expect(read['timestamp']).toBe(sent.timestamp);
  expect(read['lat']).toBe(sent.lat);
  expect(read['lon']).toBe(sent.lon);
  expect(read['speed']).toBeCloseTo(sent.speed, 1);
  expect(read['heading']).toBeCloseTo(sent.heading, 5);
}

describe('the ingest formats, read back by Beacon’s own parsers', () => {
  it('osmand: one query string a report, speed in knots', () => {
    for (const vehicle of vehicles) {
      const result = parseOsmAnd(Object.fromEntries(new URLSearchParams(osmAndQuery(vehicle))), new Date());
      if (!result.ok) throw new Error(JSON.stringify(result.details));
      expect(result.item.assetId).toBe(vehicle.assetId);
      expectSameHeartbeat(result.item.heartbeat as Record<string, unknown>, vehicle);
    }
  });

  it('readsb: feet, knots and feet per minute, "ground" for an aircraft at the gate', () => {
    expect(sample.filter((heartbeat) => heartbeat.onGround).length).toBeGreaterThan(0);
    for (const { item, sent } of readBack(parseReadsb(JSON.parse(JSON.stringify(readsbDocument(sample))), new Date()))) {
      expect(item.heartbeat).toMatchObject({ onGround: sent.onGround, squawk: sent.squawk, callsign: sent.callsign });
      expect(item.heartbeat.altitude).toBeCloseTo(sent.altitude ?? NaN, 0);
      expect(item.heartbeat.verticalRate).toBeCloseTo(sent.verticalRate ?? NaN, 1);
    }
  });

  it('opensky: state vectors in SI', () => {
    for (const { item, sent } of readBack(parseOpenSky(JSON.parse(JSON.stringify(openSkyDocument(sample))), new Date()))) {
      const { altitude, verticalRate, onGround, squawk } = sent;
      expect(item.heartbeat).toMatchObject({ altitude, verticalRate, onGround, squawk });
    }
  });

  it('readsb and opensky: heartbeats of different times in one document keep their own times', () => {
    const mixed = [aircraft[0], aircraft[45]] as SimulatedHeartbeat[];
    expect(mixed[0]?.timestamp).not.toBe(mixed[1]?.timestamp);
    for (const result of [parseReadsb(readsbDocument(mixed), new Date()), parseOpenSky(openSkyDocument(mixed), new Date())]) {
      if (!result.ok) throw new Error(JSON.stringify(result.details));
      expect(result.items.map((item) => item.heartbeat.timestamp)).toEqual(mixed.map((sent) => sent.timestamp));
    }
  });

  it('native: batches of at most a thousand, the heartbeats as they are with their asset', () => {
    const many = Array.from({ length: 2_500 }, (_, index) => ({ ...(vehicles[0] as SimulatedHeartbeat), assetId: `V${index}` }));
    const requests = nativeRequests(many);
    expect(requests.map((request) => request.heartbeats)).toEqual([1_000, 1_000, 500]);
    const { kind: _kind, ...expected } = many[0] as SimulatedHeartbeat;
    expect(JSON.parse(requests[0]?.body ?? '')[0]).toEqual(expected);
  });
});

describe('--format', () => {
  it('sets the format of the kind it belongs to, and leaves the other kind its default', () => {
    expect(parseFormats('osmand')).toEqual({ vehicles: 'osmand', aircraft: 'readsb' });
    expect(parseFormats('opensky')).toEqual({ vehicles: 'native', aircraft: 'opensky' });
    expect(parseFormats('osmand,opensky')).toEqual({ vehicles: 'osmand', aircraft: 'opensky' });
    expect(parseFormats('native,osmand')).toBeUndefined();
    expect(parseFormats('kml')).toBeUndefined();
  });

  it('sends vehicles and aircraft to their own routes', () => {
    const tick = [...vehicles.slice(0, 2), ...aircraft.slice(0, 2)];
    const paths = encodeRequests(tick, { vehicles: 'osmand', aircraft: 'opensky' }, 'sim-airways').map(
      (request) => request.path.split('?')[0],
    );
    expect(paths).toEqual(['/api/v1/ingest/osmand', '/api/v1/ingest/osmand', '/api/v1/ingest/opensky']);
    const feed = encodeRequests(tick, { vehicles: 'native', aircraft: 'readsb' }, 'sim-airways').map((request) => request.path);
    expect(feed).toEqual(['/api/v1/heartbeats', '/api/v1/ingest/readsb?customerId=sim-airways']);
  });
});
