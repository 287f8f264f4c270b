import type { Pool } from 'pg';
import { PG_POOL } from '../../config/config.tokens';
import { adminHeaders, startTestApp, type TestApp } from '../../testing/test-app';

/**
 * A readsb or OpenSky document is applied aircraft by aircraft: one the server cannot take is
 * rejected by its index with the reason, and every other aircraft of the document is registered and
 * gets its heartbeat stored, never one without the other.
 */
let test: TestApp;
const json = { ...adminHeaders, 'content-type': 'application/json' };
const nowSeconds = () => Math.floor(Date.now() / 1000);

const postText = (feed: 'readsb' | 'opensky', payload: string) =>
  test.request({ method: 'POST', url: `/api/v1/ingest/${feed}?customerId=flygbolaget`, headers: json, payload });
const count = async (sql: string, value: string): Promise<number> =>
  (await test.app.get<Pool>(PG_POOL).query<{ n: number }>(sql, [value])).rows[0]?.n ?? 0;
// Read from the event log itself: the read model may not have caught up yet.
const registered = async (assetId: string) =>
  (await count('SELECT count(*)::int AS n FROM events WHERE stream_id = $1', `asset-${assetId}`)) > 0;
const storedHeartbeats = (assetId: string) => count('SELECT count(*)::int AS n FROM heartbeats WHERE asset_id = $1', assetId);
const UNSAFE = 'must not contain control characters or unpaired UTF-16 surrogates';

beforeAll(async () => {
  test = await startTestApp();
  await test.request({
    method: 'POST',
    url: '/api/v1/customers',
    headers: adminHeaders,
    payload: { id: 'flygbolaget', name: 'Flygbolaget AB' },
  });
});
afterAll(() => test.close());

describe('a feed document applied item by item', () => {
  it('rejects a readsb aircraft with a NUL or a lone surrogate in its flight by index, and stores the others', async () => {
    // As JSON text: the escapes \u0000 and \ud800 are what a broken receiver sends.
    const doc = `{"now":${nowSeconds()},"aircraft":[
      {"hex":"c0ffa0","flight":"SAS1415 ","lat":59.3,"lon":18.1,"seen_pos":0.5},
      {"hex":"c0ffa1","flight":"SAS\\u00001","lat":59.4,"lon":18.2,"seen_pos":0.5},
      {"hex":"c0ffa2","flight":"\\ud800","alt_baro":1000},
      {"hex":"c0ffa3","alt_baro":12000,"seen":1}]}`;
    const response = await postText('readsb', doc);
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({
      accepted: 2,
      duplicates: 0,
      rejected: [
        { index: 1, error: 'invalid_request', details: [{ field: 'flight', reason: UNSAFE }] },
        { index: 2, error: 'invalid_request', details: [{ field: 'flight', reason: UNSAFE }] },
      ],
    });
    expect([await registered('c0ffa0'), await registered('c0ffa3')]).toEqual([true, true]);
    expect([await storedHeartbeats('c0ffa0'), await storedHeartbeats('c0ffa3')]).toEqual([1, 1]);
    expect([await registered('c0ffa1'), await registered('c0ffa2')]).toEqual([false, false]);
  });

  it('still refuses the whole document when the unsafe text is outside its aircraft', async () => {
    const response = await postText('readsb', `{"now":${nowSeconds()},"site":"A\\u0000","aircraft":[{"hex":"c0ffa4"}]}`);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'invalid_request', details: [{ field: 'site', reason: UNSAFE }] });
    expect(await registered('c0ffa4')).toBe(false);
  });

  it('rejects an OpenSky state vector with a NUL in its callsign by index, naming the field as OpenSky does', async () => {
    const t = nowSeconds();
    const vector = (icao24: string, callsign: string) =>
      `["${icao24}","${callsign}","Sweden",${t},${t},18.6,57.9,10363.2,false,232.7,203.4,5.2,null,10668,"2217",false,0]`;
    const response = await postText(
      'opensky',
      `{"time":${t},"states":[${vector('c0ffb0', 'SAS1415 ')},${vector('c0ffb1', 'SAS\\u00001')}]}`,
    );
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({
      accepted: 1,
      duplicates: 0,
      rejected: [{ index: 1, error: 'invalid_request', details: [{ field: 'callsign', reason: UNSAFE }] }],
    });
    expect(await storedHeartbeats('c0ffb0')).toBe(1);
    expect(await registered('c0ffb1')).toBe(false);
  });

  it('does not register an aircraft whose only heartbeat is refused for its time', async () => {
    // `now` an hour ahead of the server's clock: more than the 5 minutes a heartbeat may be ahead.
    const doc = { now: nowSeconds() + 3600, aircraft: [{ hex: 'c0ffc0', lat: 59.3, lon: 18.1, seen_pos: 0 }] };
    const response = await test.request({
      method: 'POST',
      url: '/api/v1/ingest/readsb?customerId=flygbolaget',
      headers: adminHeaders,
      payload: doc,
    });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toMatchObject({
      accepted: 0,
      rejected: [
        { index: 0, error: 'invalid_request', details: [{ field: 'timestamp', reason: 'must not be more than 5 minutes in the future' }] },
      ],
    });
    expect(await registered('c0ffc0')).toBe(false);
  });

  it("rejects an aircraft whose registration PostgreSQL refuses by index, and still stores the others' heartbeats", async () => {
    // PostgreSQL refusing one registration's row for its data, as it refused a NUL in a callsign.
    const pool = test.app.get<Pool>(PG_POOL);
    await pool.query(`CREATE FUNCTION refuse_registration() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused for the test' USING ERRCODE = '22023'; END $$`);
    await pool.query(`CREATE TRIGGER refuse_registration BEFORE INSERT ON events FOR EACH ROW
      WHEN (NEW.stream_id = 'asset-c0ffd1') EXECUTE FUNCTION refuse_registration()`);
    try {
      const aircraft = ['c0ffd0', 'c0ffd1', 'c0ffd2'].map((hex, i) => ({ hex, lat: 59 + i / 10, lon: 18, seen_pos: 0 }));
      const response = await test.request({
        method: 'POST',
        url: '/api/v1/ingest/readsb?customerId=flygbolaget',
        headers: adminHeaders,
        payload: { now: nowSeconds(), aircraft },
      });
      expect(response.statusCode).toBe(202);
      expect(response.json()).toMatchObject({
        accepted: 2,
        rejected: [
          { index: 1, error: 'invalid_request', details: [{ field: '(item)', reason: 'cannot be registered: refused for the test' }] },
        ],
      });
      expect([await storedHeartbeats('c0ffd0'), await storedHeartbeats('c0ffd2')]).toEqual([1, 1]);
      expect(await registered('c0ffd1')).toBe(false);
    } finally {
      await pool.query('DROP TRIGGER refuse_registration ON events; DROP FUNCTION refuse_registration()');
    }
  });
});
