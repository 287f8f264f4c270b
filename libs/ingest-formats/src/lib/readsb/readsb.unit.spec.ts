import fc from 'fast-check';
import mutabilityJson from '../fixtures/dump1090-mutability-aircraft.json';
import aircraftJson from '../fixtures/readsb-aircraft.json';
import type { AircraftItem } from '../ingest-result';
import { parseReadsb } from './readsb';

const receivedAt = new Date('2026-11-25T12:00:01.000Z');

function parsed(doc: unknown = aircraftJson) {
  const result = parseReadsb(doc, receivedAt);
  if (!result.ok) throw new Error(JSON.stringify(result.details));
  return result;
}
const item = (assetId: string): AircraftItem => {
  const found = parsed().items.find((candidate) => candidate.assetId === assetId);
  if (!found) throw new Error(`no item for ${assetId}`);
  return found;
};
const single = (aircraft: object) => parseReadsb({ now: 1795608000, aircraft: [aircraft] }, receivedAt);

describe('parseReadsb', () => {
  it('reads every aircraft of the document and reports the malformed one by index', () => {
    const { items, rejected } = parsed();
    expect(items.map((entry) => [entry.index, entry.assetId])).toEqual([
      [0, '4ac9e1'],
      [1, '4aca6f'],
      [2, '4b1a2c'],
      [3, '~2b0d1f'],
      [4, '4ca7b5'],
      [5, '4ac8b7'],
    ]);
    expect(rejected).toEqual([
      {
        index: 6,
        error: 'invalid_request',
        details: [
          { field: 'hex', reason: expect.stringContaining('required') },
          { field: 'lon', reason: 'is required with lat' },
          { field: 'alt_baro', reason: 'must be a number of feet or "ground"' },
        ],
      },
    ]);
  });

  it('converts an airliner in cruise to SI, geometric altitude first, dated by its position', () => {
    expect(item('4ac9e1')).toEqual({
      index: 0,
      assetId: '4ac9e1',
      heartbeat: {
        timestamp: '2026-11-25T11:59:59.900Z', // now 12:00:00.300 − seen_pos 0.4 s
        lat: 57.912305,
        lon: 18.604431,
        altitude: 10_668, // alt_geom 35,000 ft (alt_baro 34,000 ft is not used)
        onGround: false,
        verticalRate: 5.202, // baro_rate 1,024 ft/min
        speed: 232.683, // gs 452.3 kn
        heading: 203.41,
        squawk: '2217',
        callsign: 'SAS1415',
        category: 'A3',
      },
      aircraft: { icao24: '4ac9e1', callsign: 'SAS1415', category: 'A3' },
    });
  });

  it('checks conversions to the metre and 0.01 m/s', () => {
    const helicopter = item('4ac8b7').heartbeat;
    expect(helicopter.speed).toBeCloseTo(51.44, 2); // 100 kn
    expect(helicopter.altitude).toBeCloseTo(495.3, 1); // alt_geom 1,625 ft
    expect(helicopter.verticalRate).toBe(0);
    expect(item('4ca7b5').heartbeat.verticalRate).toBeCloseTo(-3.25, 2); // geom_rate -640 ft/min, no baro_rate
    expect(item('4ca7b5').heartbeat.altitude).toBeCloseTo(1554.48, 2); // alt_geom 5,100 ft
    expect(item('4b1a2c').heartbeat.altitude).toBeCloseTo(3657.6, 2); // only alt_baro 12,000 ft
  });

  it('marks an aircraft on the ground, with no altitude unless alt_geom gives one', () => {
    expect(item('4aca6f').heartbeat).toEqual({
      timestamp: '2026-11-25T11:59:59.100Z',
      lat: 59.649704,
      lon: 17.923698,
      onGround: true,
      speed: 6.431,
      heading: 10.55,
      squawk: '1000',
      callsign: 'NAX4VJ',
      category: 'A3',
    });
    const result = single({ hex: '4aca6f', alt_baro: 'ground', alt_geom: 150, lat: 59.65, lon: 17.92, seen_pos: 0 });
    expect(result.ok && result.items[0]?.heartbeat).toEqual(expect.objectContaining({ onGround: true, altitude: 45.72 }));
  });

  it('makes an aircraft without a position a bare heartbeat dated by its last message', () => {
    expect(item('4b1a2c')).toEqual({
      index: 2,
      assetId: '4b1a2c',
      heartbeat: { timestamp: '2026-11-25T11:59:56.600Z', altitude: 3657.6, onGround: false, squawk: '7000' },
      aircraft: { icao24: '4b1a2c' },
    });
    const neither = single({ hex: 'abcdef' });
    expect(neither.ok && neither.items[0]?.heartbeat).toEqual({ timestamp: '2026-11-25T12:00:00.000Z' });
  });

  it('keeps the ~ of a non-ICAO address, lower-cases hex and omits a blank flight', () => {
    expect(item('~2b0d1f').aircraft).toEqual({ icao24: '~2b0d1f' });
    expect(item('4ca7b5').aircraft).toEqual({ icao24: '4ca7b5', category: 'A2' });
    expect(item('4ca7b5').heartbeat.callsign).toBeUndefined();
  });

  it('carries the emitter category in the heartbeat, and none when the entry has none', () => {
    expect(item('4ca7b5').heartbeat.category).toBe('A2');
    expect(item('4b1a2c').heartbeat).not.toHaveProperty('category');
  });

  it('leaves messageId unset: duplicates are caught by (asset, timestamp)', () => {
    expect(parsed().items.every((entry) => entry.heartbeat.messageId === undefined)).toBe(true);
  });

  it('gives a re-sent, unchanged position the same timestamp, so it is stored once', () => {
    const position = { hex: '4ac9e1', lat: 57.9, lon: 18.6 };
    const first = parseReadsb({ now: 1795608000.3, aircraft: [{ ...position, seen_pos: 0.4 }] }, receivedAt);
    const second = parseReadsb({ now: 1795608001.3, aircraft: [{ ...position, seen_pos: 1.4 }] }, receivedAt);
    expect(first.ok && first.items[0]?.heartbeat.timestamp).toBe(second.ok && second.items[0]?.heartbeat.timestamp);
  });

  it('names the fields of an entry that is out of range or of the wrong type', () => {
    expect(single({ hex: '4ac9e1', gs: 2500, track: 'north', squawk: '7800', category: 'Z9', seen_pos: -1, lat: 1, lon: 2 })).toEqual({
      ok: true,
      items: [],
      rejected: [
        {
          index: 0,
          error: 'invalid_request',
          details: [
            { field: 'category', reason: 'must be an ADS-B emitter category, A0–D7' },
            { field: 'track', reason: 'must be a number' },
            { field: 'gs', reason: 'must be <= 1000 m/s (is 1286.111 m/s once converted to SI)' },
            { field: 'squawk', reason: 'must be 4 octal digits' },
            { field: 'seen_pos', reason: 'must be >= 0 seconds' },
          ],
        },
      ],
    });
    expect(single('4ac9e1' as unknown as object)).toEqual(
      expect.objectContaining({
        rejected: [{ index: 0, error: 'invalid_request', details: [{ field: '(item)', reason: 'must be an object' }] }],
      }),
    );
  });

  it('refuses a document that is not an aircraft.json, naming what is wrong', () => {
    expect(parseReadsb('aircraft', receivedAt)).toEqual({
      ok: false,
      details: [{ field: '(body)', reason: expect.any(String) }],
    });
    expect(parseReadsb({ aircraft: {} }, receivedAt)).toEqual({
      ok: false,
      details: [
        { field: 'now', reason: 'must be the Unix time in seconds' },
        { field: 'aircraft', reason: 'must be an array' },
      ],
    });
    // Milliseconds (as some aggregator APIs write `now`) would date everything 50,000 years ahead.
    expect(parseReadsb({ now: 1795608000300, aircraft: [] }, receivedAt)).toEqual({
      ok: false,
      details: [{ field: 'now', reason: expect.any(String) }],
    });
    expect(parseReadsb({ now: 1795608000, aircraft: [] }, receivedAt)).toEqual({ ok: true, items: [], rejected: [] });
  });

  it('rejects an aircraft holding text the API refuses anywhere (NUL, lone surrogate), or nested too deep, alone', () => {
    const unsafe = 'must not contain control characters or unpaired UTF-16 surrogates';
    const deep = JSON.parse(`${'['.repeat(20)}1${']'.repeat(20)}`) as unknown;
    const aircraft = [
      { hex: '4ac9e1', flight: 'SAS1415 ' },
      { hex: '4ac9e2', flight: 'SAS\u00001' },
      { hex: '4ac9e3', type: 'adsb_icao\ud800' }, // a field Beacon does not read, refused all the same
      { hex: '4ac9e4', 'rssi\u0007': -12 },
      { hex: '4ac9e5', mlat: deep },
      '\u0000',
    ];
    const result = parseReadsb({ now: 1795608000, aircraft }, receivedAt);
    expect(result.ok && result.items.map((entry) => entry.assetId)).toEqual(['4ac9e1']);
    expect(result.ok && result.rejected).toEqual([
      { index: 1, error: 'invalid_request', details: [{ field: 'flight', reason: unsafe }] },
      { index: 2, error: 'invalid_request', details: [{ field: 'type', reason: unsafe }] },
      { index: 3, error: 'invalid_request', details: [{ field: 'rssi\u0007', reason: expect.stringContaining('names a field') }] },
      { index: 4, error: 'invalid_request', details: [{ field: expect.stringMatching(/^mlat/), reason: 'nests deeper than 16 levels' }] },
      { index: 5, error: 'invalid_request', details: [{ field: '(item)', reason: unsafe }] },
    ]);
  });

  it('refuses the whole document for such text outside its aircraft', () => {
    expect(parseReadsb({ now: 1795608000, 'site\u0000': 1, aircraft: [{ hex: '4ac9e1' }] }, receivedAt)).toEqual({
      ok: false,
      details: [{ field: 'site\u0000', reason: expect.stringContaining('names a field') }],
    });
  });

  describe('legacy dump1090 names (dump1090-mutability, dump1090-fa before 3.7)', () => {
    const legacy = parsed(mutabilityJson);
    const heartbeatOf = (assetId: string) => legacy.items.find((entry) => entry.assetId === assetId)?.heartbeat;

    it('reads altitude, speed and vert_rate with their units, as alt_baro, gs and baro_rate', () => {
      expect(legacy.rejected).toEqual([]);
      expect(heartbeatOf('4ac9e1')).toEqual({
        timestamp: '2026-11-25T12:00:59.900Z',
        lat: 57.912305,
        lon: 18.604431,
        altitude: 10_668, // altitude 35,000 ft
        onGround: false,
        verticalRate: 5.202, // vert_rate 1,024 ft/min
        speed: 232.529, // speed 452 kn
        heading: 203,
        squawk: '2217',
        callsign: 'SAS1415',
        category: 'A3',
      });
      expect(heartbeatOf('4b1a2c')).toEqual({
        timestamp: '2026-11-25T12:00:56.600Z',
        altitude: 3657.6,
        onGround: false,
        verticalRate: -3.251,
        squawk: '7000',
      });
      expect(heartbeatOf('4ac8b7')).toMatchObject({ altitude: 457.2, verticalRate: 0, speed: 51.444 });
    });

    it('takes altitude "ground" as on the ground, with no altitude', () => {
      expect(heartbeatOf('4aca6f')).toEqual({
        timestamp: '2026-11-25T12:00:59.100Z',
        lat: 59.649704,
        lon: 17.923698,
        onGround: true,
        speed: 6.688,
        heading: 11,
        squawk: '1000',
        callsign: 'NAX4VJ',
        category: 'A3',
      });
    });

    it('lets the modern name win when an entry carries both, and the legacy one fill in otherwise', () => {
      const both = single({ hex: '4ac9e1', alt_baro: 34_000, altitude: 1000, gs: 400, speed: 10, vert_rate: 500 });
      expect(both.ok && both.items[0]?.heartbeat).toEqual(
        expect.objectContaining({ altitude: 10_363.2, onGround: false, speed: 205.778, verticalRate: 2.54 }),
      );
      const ground = single({ hex: '4ac9e1', alt_baro: 'ground', altitude: 1000 });
      expect(ground.ok && ground.items[0]?.heartbeat).toEqual({ timestamp: '2026-11-25T12:00:00.000Z', onGround: true });
    });

    it('names a legacy field that is wrong by its legacy name', () => {
      expect(single({ hex: '4ac9e1', altitude: 'high', speed: 5000, vert_rate: 'up' })).toEqual(
        expect.objectContaining({
          rejected: [
            {
              index: 0,
              error: 'invalid_request',
              details: [
                { field: 'altitude', reason: 'must be a number of feet or "ground"' },
                { field: 'vert_rate', reason: 'must be a number' },
                { field: 'speed', reason: 'must be <= 1000 m/s (is 2572.222 m/s once converted to SI)' },
              ],
            },
          ],
        }),
      );
    });
  });

  it('answers any aircraft entry with an item or a rejection, never an exception', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.jsonValue(),
            fc.dictionary(
              fc.constantFrom(
                'hex',
                'lat',
                'lon',
                'alt_baro',
                'alt_geom',
                'gs',
                'track',
                'seen_pos',
                'seen',
                'flight',
                'squawk',
                'altitude',
                'speed',
                'vert_rate',
              ),
              fc.jsonValue(),
            ),
          ),
        ),
        (aircraft) => {
          const result = parseReadsb({ now: 1795608000, aircraft }, receivedAt);
          expect(result.ok && result.items.length + result.rejected.length).toBe(aircraft.length);
          for (const { heartbeat } of result.ok ? result.items : []) {
            if (heartbeat.heading !== undefined) expect(heartbeat.heading >= 0 && heartbeat.heading < 360).toBe(true);
          }
        },
      ),
    );
  });
});
