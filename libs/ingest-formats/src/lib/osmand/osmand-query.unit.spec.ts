import fc from 'fast-check';
import traccarClient from '../fixtures/traccar-client-stockholm.json';
import { parseOsmAnd } from './osmand-query';
import type { QueryFields } from './query-fields';

const receivedAt = new Date('2026-11-25T12:00:00.000Z');

/** Query string or form body as an HTTP framework hands it over: repeated keys become arrays. */
function fieldsOf(...encoded: string[]): QueryFields {
  const fields: Record<string, string[]> = {};
  for (const text of encoded) {
    for (const [key, value] of new URLSearchParams(text)) (fields[key] ??= []).push(value);
  }
  return Object.fromEntries(Object.entries(fields).map(([key, values]) => [key, values.length === 1 ? values[0] : values]));
}

const phone = (overrides: string): QueryFields => fieldsOf(`id=358240051111110&lat=59.3293235&lon=18.0685808&${overrides}`);
const heartbeatOf = (fields: QueryFields) => {
  const result = parseOsmAnd(fields, receivedAt);
  if (!result.ok) throw new Error(JSON.stringify(result.details));
  return result.item.heartbeat;
};
const detailsOf = (fields: QueryFields) => {
  const result = parseOsmAnd(fields, receivedAt);
  return result.ok ? [] : result.details;
};

describe('parseOsmAnd', () => {
  it('turns a Traccar Client report from Stockholm into an SI heartbeat, ignoring the key and extras', () => {
    const result = parseOsmAnd(fieldsOf(traccarClient.query, traccarClient.form), receivedAt);
    expect(result).toEqual({
      ok: true,
      item: {
        index: 0,
        assetId: '358240051111110',
        heartbeat: {
          timestamp: '2026-11-25T11:59:55.000Z',
          lat: 59.3293235,
          lon: 18.0685808,
          speed: 1.389, // 2.7 kn
          heading: 271,
          altitude: 28,
          accuracy: 4.9,
          battery: 87,
        },
      },
    });
  });

  it('converts speed from knots to m/s', () => {
    expect(heartbeatOf(phone('speed=100')).speed).toBeCloseTo(51.44, 2);
    expect(heartbeatOf(phone('speed=0')).speed).toBe(0);
  });

  it('takes bearing or heading and folds 360 into 0', () => {
    expect(heartbeatOf(phone('bearing=360')).heading).toBe(0);
    expect(heartbeatOf(phone('heading=90.5')).heading).toBe(90.5);
  });

  it('reads the timestamp as seconds, milliseconds or ISO, and dates a report without one on receipt', () => {
    expect(heartbeatOf(phone('timestamp=1795607995')).timestamp).toBe('2026-11-25T11:59:55.000Z');
    expect(heartbeatOf(phone('timestamp=1795607995250')).timestamp).toBe('2026-11-25T11:59:55.250Z');
    expect(heartbeatOf(phone('timestamp=2026-11-25T12:59:55%2B01:00')).timestamp).toBe('2026-11-25T11:59:55.000Z');
    expect(heartbeatOf(phone('')).timestamp).toBe(receivedAt.toISOString());
  });

  it("accepts deviceid for id and Traccar's combined location=lat,lon", () => {
    const result = parseOsmAnd(fieldsOf('deviceid=tracker-7&location=59.33,18.07'), receivedAt);
    expect(result).toEqual({
      ok: true,
      item: expect.objectContaining({
        assetId: 'tracker-7',
        heartbeat: expect.objectContaining({ lat: 59.33, lon: 18.07 }),
      }),
    });
  });

  it('leaves out the fix of a report the device marks invalid, keeping it as a bare heartbeat', () => {
    expect(heartbeatOf(phone('valid=false&speed=3&altitude=20&batt=50'))).toEqual({
      timestamp: receivedAt.toISOString(),
      battery: 50,
    });
  });

  it('names the id when it is missing or not an asset id', () => {
    expect(detailsOf(fieldsOf('lat=59.3&lon=18.0'))).toEqual([{ field: 'id', reason: expect.stringContaining('required') }]);
    expect(detailsOf(fieldsOf('id=my phone'))).toEqual([{ field: 'id', reason: expect.stringContaining('must match') }]);
    expect(detailsOf(fieldsOf('id=a&deviceid=b'))).toEqual([{ field: 'deviceid', reason: 'differs from id' }]);
  });

  it('names every field that is not a number or out of range', () => {
    expect(detailsOf(phone('speed=fast&batt=0x50&altitude=&accuracy=-1&timestamp=yesterday'))).toEqual([
      { field: 'timestamp', reason: expect.stringContaining('Unix seconds') },
      { field: 'speed', reason: 'must be a number' },
      { field: 'accuracy', reason: 'must be >= 0 m' },
      { field: 'batt', reason: 'must be a number' },
    ]);
    expect(detailsOf(fieldsOf('id=x&lat=91&lon=18'))).toEqual([{ field: 'lat', reason: 'must be <= 90°' }]);
    expect(detailsOf(fieldsOf('id=x&lat=59.3'))).toEqual([{ field: 'lon', reason: 'is required with lat' }]);
    expect(detailsOf(phone('speed=-2'))).toEqual([{ field: 'speed', reason: expect.stringContaining('>= 0 m/s') }]);
  });

  it('refuses a field repeated with different values, but not the same value twice', () => {
    expect(detailsOf(fieldsOf('id=x&lat=59.3&lon=18.0&lat=60.1'))).toEqual([{ field: 'lat', reason: 'must be given once' }]);
    expect(heartbeatOf(fieldsOf('id=x&lat=59.3&lon=18.0', 'id=x')).lat).toBe(59.3);
  });

  it('answers anything a client can send with a result, never an exception', () => {
    const value = fc.oneof(
      fc.string(),
      fc.constantFrom('1e400', '360', '-0', 'NaN', '1795607995000'),
      fc.array(fc.string(), { maxLength: 3 }),
    );
    const key = fc.constantFrom(
      'id',
      'deviceid',
      'lat',
      'lon',
      'location',
      'timestamp',
      'speed',
      'bearing',
      'heading',
      'altitude',
      'accuracy',
      'batt',
      'valid',
      'hdop',
    );
    fc.assert(
      fc.property(fc.dictionary(key, value), (fields) => {
        const result = parseOsmAnd(fields, receivedAt);
        if (result.ok) {
          const { heading, speed } = result.item.heartbeat;
          if (heading !== undefined) expect(heading >= 0 && heading < 360).toBe(true);
          if (speed !== undefined) expect(speed).toBeGreaterThanOrEqual(0);
        } else {
          expect(result.details.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
