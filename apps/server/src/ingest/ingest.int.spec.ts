import { eventually } from '@beacon/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { adminHeaders, startTestApp, type TestApp } from '../testing/test-app';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, '../../../../libs/ingest-formats/src/lib/fixtures', name), 'utf8')) as unknown;

let test: TestApp;
let deviceKey: string;
const post = (url: string, payload: unknown, headers: Record<string, string> = adminHeaders) =>
  test.request({ method: 'POST', url, headers, payload: payload as object });
const asset = async (id: string) => (await test.request({ method: 'GET', url: `/api/v1/assets/${encodeURIComponent(id)}` })).json();

beforeAll(async () => {
  // The receiver files were recorded on 2026-11-25; heartbeats of any age are accepted here.
  test = await startTestApp({ BEACON_HEARTBEAT_MAX_AGE_DAYS: '1000000' });
  await post('/api/v1/customers', { id: 'flygbolaget', name: 'Flygbolaget AB' });
  await post('/api/v1/customers', { id: 'budbilen', name: 'Budbilen AB' });
  await post('/api/v1/assets', { id: '358240051111110', kind: 'vehicle', customerId: 'budbilen', registration: 'PHONE1' });
  deviceKey = (await post('/api/v1/api-keys', { role: 'device', customerId: 'budbilen', name: 'phones' })).json().key;
});
afterAll(() => test.close());

describe('OsmAnd (Traccar Client)', () => {
  const traccar = fixture('traccar-client-stockholm.json') as { form: string };

  it('takes a form POST with the device key in the query string, converting knots to m/s', async () => {
    const response = await test.request({
      method: 'POST',
      url: `/api/v1/ingest/osmand?key=${deviceKey}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: traccar.form,
    });
    expect(response.statusCode).toBe(200);
    await eventually(async () =>
      expect((await asset('358240051111110')).position).toMatchObject({ lat: 59.3293235, lon: 18.0685808, altitude: 28, heading: 271 }),
    );
    expect((await asset('358240051111110')).position.speed).toBeCloseTo(2.7 * (1852 / 3600), 2);
  });

  it('takes a GET with query fields, and answers 400 for a device nobody registered', async () => {
    const ok = await test.request({
      method: 'GET',
      url: `/api/v1/ingest/osmand?key=${deviceKey}&id=358240051111110&lat=59.33&lon=18.07&timestamp=1795608005`,
    });
    expect(ok.statusCode).toBe(200);
    const unknown = await test.request({ method: 'GET', url: `/api/v1/ingest/osmand?key=${deviceKey}&id=999&lat=59.33&lon=18.07` });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details[0].field).toBe('assetId');
  });

  it('refuses a key in the query string anywhere else', async () => {
    expect((await test.request({ method: 'POST', url: `/api/v1/heartbeats?key=${deviceKey}`, payload: { assetId: 'x' } })).statusCode).toBe(
      401,
    );
  });
});

describe('ADS-B feeds', () => {
  it('registers unknown aircraft from readsb under the named customer and stores what it can', async () => {
    const response = await post('/api/v1/ingest/readsb?customerId=flygbolaget', fixture('readsb-aircraft.json'));
    expect(response.statusCode).toBe(202);
    const body = response.json();
    expect(body.accepted).toBe(6);
    expect(body.rejected.map((r: { index: number }) => r.index)).toEqual([6]);
    await eventually(
      async () => expect(await asset('4ac9e1')).toMatchObject({ kind: 'aircraft', icao24: '4ac9e1', customerId: 'flygbolaget' }),
      15_000,
    );
    await eventually(async () => expect((await asset('~2b0d1f')).kind).toBe('aircraft'));
    const again = await post('/api/v1/ingest/readsb?customerId=flygbolaget', fixture('readsb-aircraft.json'));
    expect(again.json()).toMatchObject({ accepted: 0, duplicates: 6 });
  });

  it("stores an older dump1090's altitude and speed (altitude, speed, vert_rate), converted from feet and knots", async () => {
    const response = await post('/api/v1/ingest/readsb?customerId=flygbolaget', fixture('dump1090-mutability-aircraft.json'));
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ accepted: 5, duplicates: 0, rejected: [] });
    await eventually(async () =>
      expect((await asset('4ac9e1')).position).toMatchObject({ timestamp: '2026-11-25T12:00:59.900Z', altitude: 10_668 }),
    );
    expect((await asset('4ac9e1')).position.speed).toBeCloseTo(452 * (1852 / 3600), 2);
  });

  it('stores OpenSky states, including those of aircraft readsb already registered', async () => {
    const response = await post('/api/v1/ingest/opensky?customerId=flygbolaget', fixture('opensky-states-all.json'));
    expect(response.statusCode).toBe(202);
    const body = response.json();
    expect(body.accepted + body.duplicates + body.rejected.length).toBe(6);
    expect(body.rejected.length).toBeGreaterThan(0);
  });

  it('reads OpenSky state vectors that carry fields after the ones Beacon knows', async () => {
    const response = await post('/api/v1/ingest/opensky?customerId=flygbolaget', fixture('opensky-states-extra-fields.json'));
    expect(response.statusCode).toBe(202);
    const body = response.json();
    expect(body.rejected).toEqual([]);
    expect(body.accepted + body.duplicates).toBe(3);
  });

  it('needs a customer for unknown aircraft: 400 for an admin key without ?customerId=', async () => {
    const response = await post('/api/v1/ingest/opensky', fixture('opensky-states-all.json'));
    expect(response.statusCode).toBe(400);
    expect(response.json().details[0].field).toBe('customerId');
  });

  it('refuses a document of the wrong shape as a whole', async () => {
    const response = await post('/api/v1/ingest/readsb?customerId=flygbolaget', [1, 2, 3]);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toBe('invalid_request');
  });

  it('shows the callsign of the newest heartbeat that carried one and the category of the newest, and searches by that callsign', async () => {
    const readsb = (now: number, entry: Record<string, unknown>) =>
      post('/api/v1/ingest/readsb?customerId=flygbolaget', {
        now,
        aircraft: [{ hex: '4ac9e1', lat: 57.95, lon: 18.5, seen_pos: 0, ...entry }],
      });
    const found = async (q: string) =>
      (await test.request({ method: 'GET', url: `/api/v1/assets?q=${q}` })).json().items.map((item: { id: string }) => item.id);
    expect((await readsb(1795608300, { flight: 'SAS9ZZ  ', category: 'A2' })).statusCode).toBe(202);
    await eventually(async () =>
      expect(await asset('4ac9e1')).toMatchObject({ callsign: 'SAS9ZZ', callsignAt: '2026-11-25T12:05:00.000Z', category: 'A2' }),
    );
    expect(await found('sas9zz')).toEqual(['4ac9e1']);
    expect(await found('sas1415')).toEqual([]);

    // Sent late under the earlier callsign, then a newer heartbeat with neither callsign nor category.
    await readsb(1795608250, { flight: 'SAS1415', category: 'A3' });
    await readsb(1795608400, {});
    await eventually(async () => expect((await asset('4ac9e1')).lastSeenAt).toBe('2026-11-25T12:06:40.000Z'));
    expect(await asset('4ac9e1')).toMatchObject({ callsign: 'SAS9ZZ', callsignAt: '2026-11-25T12:05:00.000Z', category: null });
  });
});

describe('duplicates across formats', () => {
  it('counts a position sent by a phone and again in a JSON batch as one heartbeat', async () => {
    const seconds = 1795608100;
    const phone = await test.request({
      method: 'GET',
      url: `/api/v1/ingest/osmand?key=${deviceKey}&id=358240051111110&lat=59.34&lon=18.05&timestamp=${seconds}`,
    });
    expect(phone.statusCode).toBe(200);
    const batch = await post('/api/v1/heartbeats', [
      { assetId: '358240051111110', timestamp: new Date(seconds * 1000).toISOString(), lat: 59.34, lon: 18.05 },
    ]);
    expect(batch.json()).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
  });
});
