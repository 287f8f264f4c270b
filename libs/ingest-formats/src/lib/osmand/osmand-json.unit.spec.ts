import fc from 'fast-check';
import traccarClient9 from '../fixtures/traccar-client-9-stockholm.json';
import { parseOsmAndJson } from './osmand-json';

const receivedAt = new Date('2026-11-25T12:00:00.000Z');
const withLocation = (location: object): object => ({ device_id: '358240051111110', location });

describe('parseOsmAndJson (Traccar Client 9+)', () => {
  it('turns the JSON report of a phone in Stockholm into an SI heartbeat, battery as percent', () => {
    expect(parseOsmAndJson(traccarClient9, receivedAt)).toEqual({
      ok: true,
      item: {
        index: 0,
        assetId: '358240051111110',
        heartbeat: {
          timestamp: '2026-11-25T11:59:55.250Z',
          lat: 59.3293235,
          lon: 18.0685808,
          speed: 1.39, // already m/s
          heading: 271,
          altitude: 28,
          accuracy: 4.9,
          battery: 87,
        },
      },
    });
  });

  it('leaves out the -1 the location SDK writes for an unknown speed, heading or battery', () => {
    const coords = { latitude: 59.33, longitude: 18.07, accuracy: 30, speed: -1, heading: -1, altitude: 0 };
    const result = parseOsmAndJson(withLocation({ timestamp: '2026-11-25T11:59:00Z', coords, battery: { level: -1 } }), receivedAt);
    expect(result.ok && result.item.heartbeat).toEqual({
      timestamp: '2026-11-25T11:59:00.000Z',
      lat: 59.33,
      lon: 18.07,
      accuracy: 30,
      altitude: 0,
    });
  });

  it('makes a report without coords a bare heartbeat dated on receipt when it has no timestamp', () => {
    const result = parseOsmAndJson(withLocation({ battery: { level: 0.5, is_charging: true } }), receivedAt);
    expect(result.ok && result.item.heartbeat).toEqual({ timestamp: receivedAt.toISOString(), battery: 50 });
  });

  it('names the fields at fault', () => {
    expect(parseOsmAndJson([], receivedAt)).toEqual({
      ok: false,
      details: [{ field: '(body)', reason: 'must be a JSON object' }],
    });
    expect(parseOsmAndJson({ location: {} }, receivedAt)).toEqual({
      ok: false,
      details: [{ field: 'device_id', reason: expect.stringContaining('required') }],
    });
    expect(parseOsmAndJson({ device_id: 'x' }, receivedAt)).toEqual({
      ok: false,
      details: [{ field: 'location', reason: 'must be an object' }],
    });
    const bad = withLocation({ timestamp: 'now', coords: { latitude: '59.3', longitude: 18 } });
    expect(parseOsmAndJson(bad, receivedAt)).toEqual({
      ok: false,
      details: [
        { field: 'location.timestamp', reason: 'must be an ISO-8601 date-time' },
        { field: 'location.coords.latitude', reason: 'must be a number' },
      ],
    });
  });

  it('answers any JSON with a result, never an exception', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (location, anything) => {
        expect(() => parseOsmAndJson(withLocation({ coords: location, battery: anything }), receivedAt)).not.toThrow();
        expect(() => parseOsmAndJson(anything, receivedAt)).not.toThrow();
      }),
    );
  });
});
