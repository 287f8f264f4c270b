import { createTestElasticsearch, type TestElasticsearch } from '@beacon/testing';
import { ElasticsearchIndices, ensureElasticsearchSchema } from './elasticsearch-indices';
import { dropExpiredPositionIndices } from './position-retention';

let elasticsearch: TestElasticsearch;

beforeAll(async () => {
  elasticsearch = await createTestElasticsearch();
});

afterAll(() => elasticsearch.dispose());

describe('dropExpiredPositionIndices', () => {
  it('deletes the daily positions indices older than the retention and keeps the rest', async () => {
    const indices = new ElasticsearchIndices(elasticsearch.prefix);
    const target = await ensureElasticsearchSchema(elasticsearch.client, indices);
    for (const day of ['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-25']) {
      await elasticsearch.client.index({
        index: indices.positionsIndex(`${day}T12:00:00Z`),
        document: { assetId: 'a', timestamp: `${day}T12:00:00Z` },
      });
    }

    const dropped = await dropExpiredPositionIndices(elasticsearch.client, indices, 3, new Date('2026-11-25T08:00:00Z'));

    expect(dropped).toEqual(['2026-11-20', '2026-11-21']);
    const left = await elasticsearch.client.indices.get({ index: `${elasticsearch.prefix}-*` });
    expect(Object.keys(left).sort()).toEqual(
      [
        target.assets,
        target.customers,
        indices.positionsIndex('2026-11-22T00:00:00Z'),
        indices.positionsIndex('2026-11-25T00:00:00Z'),
      ].sort(),
    );
  });
});
