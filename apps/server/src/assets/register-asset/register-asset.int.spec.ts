import { adminHeaders, startTestApp, type TestApp } from '../../testing/test-app';

let test: TestApp;
const post = (url: string, payload: object) => test.request({ method: 'POST', url, headers: adminHeaders, payload });

beforeAll(async () => {
  test = await startTestApp();
});
afterAll(() => test.close());

describe('customer and asset commands', () => {
  it('registers a customer (201 with its version) and refuses the same id again with 409', async () => {
    const first = await post('/api/v1/customers', { id: 'haralds', name: 'Haralds Värdetransporter AB' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ id: 'haralds', version: 1 });
    const again = await post('/api/v1/customers', { id: 'haralds', name: 'Someone else' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toBe('version_conflict');
  });

  it('gives a customer without an id a generated one', async () => {
    const response = await post('/api/v1/customers', { name: 'Nameless AB' });
    expect(response.statusCode).toBe(201);
    expect(response.json().id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('registers an asset of an existing customer, once', async () => {
    const asset = { id: 'YS2R4X20005387765', kind: 'vehicle', customerId: 'haralds', registration: 'PQR678' };
    expect((await post('/api/v1/assets', asset)).json()).toEqual({ id: asset.id, version: 1 });
    expect((await post('/api/v1/assets', asset)).statusCode).toBe(409);
  });

  it('lets exactly one of several concurrent registrations of one device win', async () => {
    const asset = { id: 'RACE-1', kind: 'vehicle', customerId: 'haralds' };
    const codes = (await Promise.all(Array.from({ length: 6 }, () => post('/api/v1/assets', asset)))).map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(5);
  });

  it.each([
    [{ id: 'X1', kind: 'vehicle', customerId: 'nobody' }, 'customerId'],
    [{ id: 'X2', kind: 'boat', customerId: 'haralds' }, 'kind'],
    [{ kind: 'vehicle', customerId: 'haralds' }, 'id'],
    [{ id: 'X3', kind: 'vehicle', customerId: 'haralds', timeoutSeconds: 0 }, 'timeoutSeconds'],
  ])('refuses %j with 400 naming %s', async (payload, field) => {
    const response = await post('/api/v1/assets', payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().details.map((d: { field: string }) => d.field)).toContain(field);
  });
});
