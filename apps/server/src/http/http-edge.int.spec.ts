import { BODY_LIMIT_BYTES, BULK_BODY_LIMIT_BYTES } from '@beacon/http-edge';
import type { InjectOptions } from 'fastify';
import { deflateSync, gzipSync } from 'node:zlib';
import { adminHeaders, registerVehicle, startTestApp, type TestApp } from '../testing/test-app';

/** What every route does with methods it has no handler for, encoded bodies, and bodies that are not there. */
let test: TestApp;
const json = { ...adminHeaders, 'content-type': 'application/json' };
const nowSeconds = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  test = await startTestApp();
  await registerVehicle(test, 'EDGE-1');
});
afterAll(() => test.close());

const send = (options: InjectOptions) => test.request(options);

describe('a method a route does not have', () => {
  it.each([
    ['TRACE', '/api/v1/heartbeats', 'POST'],
    ['PUT', '/api/v1/heartbeats', 'POST'],
    ['GET', '/api/v1/assets/EDGE-1/heartbeats', 'POST'],
    ['DELETE', '/api/v1/customers', 'GET, HEAD, POST'],
    ['PUT', '/api/v1/assets/EDGE-1', 'DELETE, GET, HEAD, PATCH'],
    ['OPTIONS', '/api/v1/ingest/readsb?customerId=acme', 'POST'],
  ])('%s %s is 405 with Allow: %s and the JSON error body', async (method, url, allow) => {
    const response = await send({ method: method as InjectOptions['method'], url, headers: adminHeaders });
    expect(response.statusCode).toBe(405);
    expect(response.headers['allow']).toBe(allow);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.json()).toEqual({
      error: 'method_not_allowed',
      message: expect.stringContaining(method),
      requestId: expect.any(String),
    });
  });

  it('is still 404 on a path no route has', async () => {
    for (const method of ['GET', 'TRACE'] as const) {
      const response = await send({ method: method as InjectOptions['method'], url: '/api/v1/nowhere', headers: adminHeaders });
      expect({ method, status: response.statusCode, error: response.json().error }).toEqual({ method, status: 404, error: 'not_found' });
    }
  });
});

describe('a compressed request body', () => {
  const batch = JSON.stringify([
    { assetId: 'EDGE-1', messageId: 'gz-1' },
    { assetId: 'EDGE-1', messageId: 'gz-2' },
  ]);

  it('is decoded for gzip and deflate', async () => {
    const gzip = await send({
      method: 'POST',
      url: '/api/v1/heartbeats',
      headers: { ...json, 'content-encoding': 'gzip' },
      payload: gzipSync(batch),
    });
    expect(gzip.statusCode).toBe(202);
    expect(gzip.json()).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    const deflate = await send({
      method: 'POST',
      url: '/api/v1/heartbeats',
      headers: { ...json, 'content-encoding': 'deflate' },
      payload: deflateSync(batch),
    });
    expect(deflate.json()).toEqual({ accepted: 0, duplicates: 2, rejected: [] });
  });

  it('is decoded for a gzipped aircraft.json, as receivers upload it', async () => {
    const doc = JSON.stringify({ now: nowSeconds(), aircraft: [{ hex: 'c0ffe0', lat: 59.3, lon: 18.1, seen_pos: 0 }] });
    const response = await send({
      method: 'POST',
      url: '/api/v1/ingest/readsb?customerId=acme',
      headers: { ...json, 'content-encoding': 'gzip' },
      payload: gzipSync(doc),
    });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
  });

  it('is held to the body limit of its route once decoded: a small gzip of a large body is 413', async () => {
    const customer = JSON.stringify({ id: 'bomb', name: 'x'.repeat(BODY_LIMIT_BYTES) });
    const small = await send({
      method: 'POST',
      url: '/api/v1/customers',
      headers: { ...json, 'content-encoding': 'gzip' },
      payload: gzipSync(customer),
    });
    expect(small.statusCode).toBe(413);
    expect(small.json().error).toBe('payload_too_large');
    const bomb = gzipSync(Buffer.alloc(BULK_BODY_LIMIT_BYTES + 1, ' '));
    expect(bomb.length).toBeLessThan(BODY_LIMIT_BYTES / 10);
    const bulk = await send({ method: 'POST', url: '/api/v1/heartbeats', headers: { ...json, 'content-encoding': 'gzip' }, payload: bomb });
    expect(bulk.statusCode).toBe(413);
    expect(bulk.json().error).toBe('payload_too_large');
  });

  it('is 415 for an encoding the server does not decode, and 400 when it is not what it says', async () => {
    const br = await send({ method: 'POST', url: '/api/v1/heartbeats', headers: { ...json, 'content-encoding': 'br' }, payload: batch });
    expect(br.statusCode).toBe(415);
    expect(br.json()).toEqual({ error: 'unsupported_media_type', message: expect.stringContaining('br'), requestId: expect.any(String) });
    const notGzip = await send({
      method: 'POST',
      url: '/api/v1/heartbeats',
      headers: { ...json, 'content-encoding': 'gzip' },
      payload: batch,
    });
    expect(notGzip.statusCode).toBe(400);
    expect(notGzip.json().error).toBe('invalid_request');
  });
});

describe('a body that is not there', () => {
  it.each([
    ['POST', '/api/v1/heartbeats'],
    ['POST', '/api/v1/ingest/readsb?customerId=acme'],
    ['POST', '/api/v1/ingest/opensky?customerId=acme'],
    ['POST', '/api/v1/customers'],
    ['POST', '/api/v1/assets'],
    ['POST', '/api/v1/api-keys'],
  ])('%s %s: an empty body and a JSON null are 400 invalid_request', async (method, url) => {
    const empty = await send({ method: method as 'POST', url, headers: adminHeaders });
    expect({ url, status: empty.statusCode, error: empty.json().error }).toEqual({ url, status: 400, error: 'invalid_request' });
    const none = await send({ method: method as 'POST', url, headers: json, payload: 'null' });
    expect({ url, status: none.statusCode, error: none.json().error }).toEqual({ url, status: 400, error: 'invalid_request' });
  });

  it('is 400 for a JSON null where the body is optional, and an absent optional body is still fine', async () => {
    const nullPing = await send({ method: 'POST', url: '/api/v1/assets/EDGE-1/heartbeats', headers: json, payload: 'null' });
    expect(nullPing.statusCode).toBe(400);
    const nullOsmAnd = await send({ method: 'POST', url: '/api/v1/ingest/osmand?id=EDGE-1', headers: json, payload: 'null' });
    expect(nullOsmAnd.statusCode).toBe(400);
    expect(nullOsmAnd.json().error).toBe('invalid_request');
    expect((await send({ method: 'POST', url: '/api/v1/assets/EDGE-1/heartbeats', headers: adminHeaders })).statusCode).toBe(202);
    // Traccar Client posts its fields in the query string, with no body.
    const osmAnd = await send({ method: 'POST', url: '/api/v1/ingest/osmand?id=EDGE-1&lat=59.3&lon=18.1', headers: adminHeaders });
    expect(osmAnd.statusCode).toBe(200);
  });
});

describe('a URL the router cannot take', () => {
  it('gets 400 with the JSON error body: a path parameter over 100 characters, bad percent-encoding', async () => {
    const test = await startTestApp();
    try {
      for (const url of [`/api/v1/assets/${'A'.repeat(101)}`, '/api/v1/assets/%E0%A4%A']) {
        const response = await test.request({ method: 'GET', url });
        expect({ url, status: response.statusCode, error: response.json().error }).toEqual({ url, status: 400, error: 'invalid_request' });
      }
    } finally {
      await test.close();
    }
  });
});
