import { createTestElasticsearch, type TestElasticsearch } from '@beacon/testing';
import { ASSET_MAPPINGS, CUSTOMER_MAPPINGS, ElasticsearchIndices, ensureElasticsearchSchema } from './elasticsearch-indices';

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

  it('brings indices an earlier version made up to its mappings: a field the view gained is then taken and returned', async () => {
    const indices = new ElasticsearchIndices(`${elasticsearch.prefix}-upgrade`);
    const client = elasticsearch.client;
    await createEarlierGeneration(indices, { ...ASSET_MAPPINGS.properties });
    const document = { id: 'a1', kind: 'vehicle', position: null, squawk: '7700' };
    await expect(client.index({ index: indices.assetsAlias, id: 'a1', document })).rejects.toThrow(/strict_dynamic_mapping_exception/);

    await ensureElasticsearchSchema(client, indices);
    await client.index({ index: indices.assetsAlias, id: 'a1', document, refresh: true });
    expect((await client.get({ index: indices.assetsAlias, id: 'a1' }))._source).toEqual(document);
  });

  it('refuses to start on indices whose mappings it cannot merge, and says what to do', async () => {
    const indices = new ElasticsearchIndices(`${elasticsearch.prefix}-conflict`);
    await createEarlierGeneration(indices, { ...ASSET_MAPPINGS.properties, kind: { type: 'long' } });
    await expect(ensureElasticsearchSchema(elasticsearch.client, indices)).rejects.toThrow(/BEACON_ELASTICSEARCH_INDEX_PREFIX/);
  });
});

/** A generation as an earlier version made it: a strict mapping with `position` stored only. */
async function createEarlierGeneration(
  indices: ElasticsearchIndices,
  properties: NonNullable<typeof ASSET_MAPPINGS.properties>,
): Promise<void> {
  const client = elasticsearch.client;
  await client.indices.create({
    index: indices.assetsIndex('g0'),
    settings: { number_of_replicas: 0, analysis: { normalizer: { lowercase: { type: 'custom', filter: ['lowercase'] } } } },
    mappings: { dynamic: 'strict', properties: { ...properties, position: { type: 'object', enabled: false } } },
    aliases: { [indices.assetsAlias]: {} },
  });
  await client.indices.create({
    index: indices.customersIndex('g0'),
    settings: { number_of_replicas: 0 },
    mappings: CUSTOMER_MAPPINGS,
    aliases: { [indices.customersAlias]: {} },
  });
}
