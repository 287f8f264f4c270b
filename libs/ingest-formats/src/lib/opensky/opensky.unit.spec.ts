import fc from 'fast-check';
import statesAll from '../fixtures/opensky-states-all.json';
import extraFields from '../fixtures/opensky-states-extra-fields.json';
import { parseOpenSky } from './opensky';

const receivedAt = new Date('2026-11-25T12:00:02.000Z');

function parsed(doc: unknown = statesAll) {
  const result = parseOpenSky(doc, receivedAt);
  if (!result.ok) throw new Error(JSON.stringify(result.details));
  return result;
}

describe('parseOpenSky', () => {
  it('reads every state vector (longitude before latitude) and dates it by its position', () => {
    const [cruise] = parsed().items;
    expect(cruise).toEqual({
      index: 0,
      assetId: '4ac9e1',
      heartbeat: {
        timestamp: '2026-11-25T11:59:58.000Z', // time_position, not last_contact
        lat: 57.9123,
        lon: 18.6044,
        altitude: 10_668, // geo_altitude, not baro_altitude 10,363.2 m
        onGround: false,
        speed: 232.68,
        heading: 203.41,
        verticalRate: 5.2,
        squawk: '2217',
        callsign: 'SAS1415',
      },
      aircraft: { icao24: '4ac9e1', callsign: 'SAS1415' },
    });
  });

  it('keeps on_ground and leaves out what is null', () => {
    expect(parsed().items[1]?.heartbeat).toEqual({
      timestamp: '2026-11-25T11:59:50.000Z',
      lat: 59.6497,
      lon: 17.9237,
      onGround: true,
      speed: 6.43,
      heading: 10.55,
      squawk: '1000',
      callsign: 'NAX4VJ',
    });
  });

  it('makes a state without a position a bare heartbeat dated by last_contact, barometric altitude as fallback', () => {
    expect(parsed().items[2]).toEqual({
      index: 2,
      assetId: '4b1a2c',
      heartbeat: { timestamp: '2026-11-25T11:59:45.000Z', altitude: 3657.6, onGround: false },
      aircraft: { icao24: '4b1a2c' },
    });
  });

  it('maps the category of an extended state to its ADS-B code, in the heartbeat too, and omits a blank callsign', () => {
    const extended = parsed().items[3];
    expect(extended?.aircraft).toEqual({ icao24: '3c6444', category: 'A3' });
    expect(extended?.heartbeat.category).toBe('A3');
    expect(parsed().items[0]?.heartbeat).not.toHaveProperty('category'); // a standard vector of 17 fields
    expect(extended?.heartbeat.callsign).toBeUndefined();
    expect(extended?.heartbeat.verticalRate).toBe(-4.55);
  });

  it('reports malformed states by index with the fields named as OpenSky documents them', () => {
    expect(parsed().rejected).toEqual([
      {
        index: 4,
        error: 'invalid_request',
        details: [
          { field: 'icao24', reason: 'must be 6 hex digits, optionally after ~' },
          { field: 'last_contact', reason: 'must be a number' },
          { field: 'latitude', reason: 'must be <= 90°' },
          { field: 'longitude', reason: 'must be <= 180°' },
        ],
      },
      { index: 5, error: 'invalid_request', details: [{ field: '(item)', reason: 'must have at least 17 fields' }] },
    ]);
  });

  it('takes states: null as an empty answer and refuses what is not a /states/all response', () => {
    expect(parseOpenSky({ time: 1795608000, states: null }, receivedAt)).toEqual({ ok: true, items: [], rejected: [] });
    expect(parseOpenSky({ states: {} }, receivedAt)).toEqual({
      ok: false,
      details: [
        { field: 'time', reason: 'must be the Unix time in seconds' },
        { field: 'states', reason: 'must be an array or null' },
      ],
    });
    expect(parseOpenSky(null, receivedAt)).toEqual({
      ok: false,
      details: [{ field: '(body)', reason: expect.any(String) }],
    });
  });

  it('reads a state vector with fields after the ones it knows, and ignores those', () => {
    const { items, rejected } = parsed(extraFields);
    expect(rejected).toEqual([]);
    expect(items.map(({ assetId, aircraft }) => [assetId, aircraft])).toEqual([
      ['4ac9e1', { icao24: '4ac9e1', callsign: 'SAS1415' }], // "A20N" where the category would be: not one
      ['3c6444', { icao24: '3c6444', callsign: 'DLH4AB', category: 'A3' }],
      ['4aca6f', { icao24: '4aca6f', callsign: 'NAX4VJ' }], // category 21: none Beacon knows
    ]);
    // The same heartbeats as from the standard vectors, but for the category the extended one carries.
    expect(items[0]).toEqual(parsed().items[0]);
    expect(items[1]?.heartbeat.category).toBe('A3');
    expect(items[2]?.heartbeat).toEqual(parsed().items[1]?.heartbeat);
  });

  it('rejects a state vector holding text the API refuses, naming the field as OpenSky does', () => {
    const [first] = statesAll.states;
    const vector = (at: number, value: unknown): unknown[] => Object.assign([...(first ?? []), 4, null, null], { [at]: value });
    const result = parseOpenSky(
      { time: 1795608000, states: [first, vector(1, 'SAS\u00001'), vector(12, ['\ud800']), vector(19, '\u0000')] },
      receivedAt,
    );
    const unsafe = 'must not contain control characters or unpaired UTF-16 surrogates';
    expect(result.ok && result.items.map((item) => item.index)).toEqual([0]);
    expect(result.ok && result.rejected).toEqual([
      { index: 1, error: 'invalid_request', details: [{ field: 'callsign', reason: unsafe }] },
      { index: 2, error: 'invalid_request', details: [{ field: 'sensors[0]', reason: unsafe }] },
      { index: 3, error: 'invalid_request', details: [{ field: '[19]', reason: unsafe }] },
    ]);
    expect(parseOpenSky({ time: 1795608000, 'x\u0000': 1, states: [] }, receivedAt)).toEqual(expect.objectContaining({ ok: false }));
  });

  it('answers any state vector with an item or a rejection, never an exception', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.jsonValue(),
            fc.array(fc.oneof(fc.constant(null), fc.double(), fc.boolean(), fc.string()), {
              minLength: 17,
              maxLength: 20,
            }),
          ),
        ),
        (states) => {
          const result = parseOpenSky({ time: 1795608000, states }, receivedAt);
          expect(result.ok && result.items.length + result.rejected.length).toBe(states.length);
        },
      ),
    );
  });
});
