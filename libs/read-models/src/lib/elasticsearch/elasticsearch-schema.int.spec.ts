import { createTestElasticsearch, type TestElasticsearch } from '@beacon/testing';
import { ElasticsearchIndices, ensureElasticsearchSchema } from './elasticsearch-indices';

/** The replicas of a deployment start together, and each makes sure the schema exists. */
let elasticsearch: TestElasticsearch;

beforeAll(async () => {
  elasticsearch = await createTestElasticsearch();
});
afterAll(() => elasticsearch.dispose());

describe('ensureElasticsearchSchema', () => {
  it('gives processes that start at once one generation of indices behind each alias, and all of them the same', async () => {
    const indices = new ElasticsearchIndices(elasticsearch.prefix);
    const targets = await Promise.all(Array.from({ length: 6 }, () => ensureElasticsearchSchema(elasticsearch.client, indices)));
    expect(new Set(targets.map((t) => t.generation)).size).toBe(1);
    const assets = await elasticsearch.client.indices.getAlias({ name: indices.assetsAlias });
    const customers = await elasticsearch.client.indices.getAlias({ name: indices.customersAlias });
    expect(Object.keys(assets)).toEqual([targets[0]?.assets]);
    expect(Object.keys(customers)).toEqual([targets[0]?.customers]);
    // A later start finds it.
    expect(await ensureElasticsearchSchema(elasticsearch.client, indices)).toEqual(targets[0]);
  });
});
