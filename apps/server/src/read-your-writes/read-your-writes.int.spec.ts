import { createTestElasticsearch } from '@beacon/testing';
import { adminHeaders, migratedTestDatabase, startTestApp, type TestApp } from '../testing/test-app';

/**
 * A command's answer comes once the deployment's read model has applied it, so a client that reads
 * right after a 201 or 200 sees its own change — on either read model, in one process or with the
 * roles in separate processes (the same database, as a deployment runs them).
 */
interface Deployment {
  /** Takes the commands. */
  ingest: TestApp;
  /** Answers the reads. */
  query: TestApp;
  close(): Promise<void>;
}

async function oneProcess(env: Record<string, string>): Promise<Deployment> {
  const app = await startTestApp(env);
  return { ingest: app, query: app, close: () => app.close() };
}

async function separateRoles(env: Record<string, string>): Promise<Deployment> {
  const database = await migratedTestDatabase();
  const projector = await startTestApp({ ...env, BEACON_ROLES: 'projector' }, database);
  const ingest = await startTestApp({ ...env, BEACON_ROLES: 'ingest' }, database);
  const query = await startTestApp({ ...env, BEACON_ROLES: 'query' }, database);
  return {
    ingest,
    query,
    close: async () => {
      await query.close({ drop: false });
      await ingest.close({ drop: false });
      await projector.close();
    },
  };
}

const ROUNDS = 10;

function readsItsOwnWrites(name: string, start: () => Promise<Deployment>): void {
  describe(name, () => {
    let deployment: Deployment;
    beforeAll(async () => {
      deployment = await start();
    });
    afterAll(() => deployment.close());

    const command = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}) =>
      deployment.ingest.request({ method, url, headers: { ...adminHeaders, ...headers }, ...(payload ? { payload } : {}) });
    const read = async (url: string) => deployment.query.request({ method: 'GET', url, headers: adminHeaders });

    it('sees a new customer, a new asset, a change and a decommission at once', async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const customerId = `ryw-customer-${round}`;
        const assetId = `RYW-${round}`;
        const customer = await command('POST', '/api/v1/customers', { id: customerId, name: `Read Back ${round} AB` });
        expect(customer.statusCode).toBe(201);
        expect(customer.headers['beacon-read-model']).toBeUndefined();
        const customers = (await read('/api/v1/customers')).json<{ items: Array<{ id: string }> }>();
        expect(customers.items.map((c) => c.id)).toContain(customerId);

        const registered = await command('POST', '/api/v1/assets', { id: assetId, kind: 'vehicle', customerId, label: `Van ${round}` });
        expect(registered.statusCode).toBe(201);
        const fetched = await read(`/api/v1/assets/${assetId}`);
        expect(fetched.statusCode).toBe(200);
        expect(fetched.json()).toMatchObject({ id: assetId, label: `Van ${round}`, customerId });
        const found = (await read(`/api/v1/assets?customerId=${customerId}`)).json<{ items: Array<{ id: string }> }>();
        expect(found.items.map((a) => a.id)).toEqual([assetId]);

        const changed = await command('PATCH', `/api/v1/assets/${assetId}`, { label: `Truck ${round}` }, { 'if-match': '1' });
        expect(changed.statusCode).toBe(200);
        expect((await read(`/api/v1/assets/${assetId}`)).json()).toMatchObject({ label: `Truck ${round}`, version: 2 });

        expect((await command('DELETE', `/api/v1/assets/${assetId}`)).statusCode).toBe(200);
        expect((await read(`/api/v1/assets/${assetId}`)).statusCode).toBe(404);
      }
    });
  });
}

readsItsOwnWrites('PostgreSQL read model, one process', () => oneProcess({}));
readsItsOwnWrites('PostgreSQL read model, separate roles', () => separateRoles({}));

/** Each deployment gets indices of its own: their documents are versioned by its log's positions. */
async function withElasticsearch(start: (env: Record<string, string>) => Promise<Deployment>): Promise<Deployment> {
  const elasticsearch = await createTestElasticsearch();
  const deployment = await start({ BEACON_ELASTICSEARCH_URL: elasticsearch.url, BEACON_ELASTICSEARCH_INDEX_PREFIX: elasticsearch.prefix });
  return {
    ...deployment,
    close: async () => {
      await deployment.close();
      await elasticsearch.dispose();
    },
  };
}

readsItsOwnWrites('Elasticsearch read model, one process', () => withElasticsearch(oneProcess));
readsItsOwnWrites('Elasticsearch read model, separate roles', () => withElasticsearch(separateRoles));

describe('a read model that does not catch up in time', () => {
  let ingest: TestApp;
  beforeAll(async () => {
    // No projector runs anywhere: the command waits its bounded time, then answers and says so.
    ingest = await startTestApp({ BEACON_ROLES: 'ingest', BEACON_READ_YOUR_WRITES_MS: '300' });
  });
  afterAll(() => ingest.close());

  it('answers after the bounded wait with Beacon-Read-Model: lagging', async () => {
    const started = performance.now();
    const response = await ingest.request({
      method: 'POST',
      url: '/api/v1/customers',
      headers: adminHeaders,
      payload: { id: 'slow', name: 'Slow AB' },
    });
    const waited = performance.now() - started;
    expect(response.statusCode).toBe(201);
    expect(response.headers['beacon-read-model']).toBe('lagging');
    expect(waited).toBeGreaterThanOrEqual(250);
    expect(waited).toBeLessThan(2000);
  });
});
