import { ElasticsearchAssetsProjection, ElasticsearchIndices, ensureElasticsearchSchema, type WriteTarget } from '@beacon/read-models';
import type { Client, estypes } from '@elastic/elasticsearch';
import { assertLastSeen, type LogFacts } from './log-facts';

/** Every index and template of the benchmark starts with this; the node is the benchmark's own. */
const ROOT = 'bench';
const PAGE = 5_000;

export interface ElasticsearchReadModel {
  indices: ElasticsearchIndices;
  target: WriteTarget;
  projection: ElasticsearchAssetsProjection;
}

/**
 * Deletes whatever an earlier run left (indices and the positions template), then creates the
 * schema under a new prefix as the server does at start: each run projects into empty indices.
 */
export async function freshElasticsearchReadModel(
  client: Client,
  name: string,
  options: { concurrentBulks?: number } = {},
): Promise<ElasticsearchReadModel> {
  await client.indices.delete({ index: `${ROOT}-*`, ignore_unavailable: true, allow_no_indices: true });
  await client.indices.deleteIndexTemplate({ name: `${ROOT}-*` }, { ignore: [404] });
  const indices = new ElasticsearchIndices(`${ROOT}-${name}`);
  const target = await ensureElasticsearchSchema(client, indices);
  return { indices, target, projection: new ElasticsearchAssetsProjection(client, indices, target, options) };
}

/**
 * After a refresh (writes are not visible to searches before it): every asset with its newest
 * heartbeat as lastSeenAt and position, every customer, and exactly `positions` track points.
 */
export async function verifyElasticsearchReadModel(
  client: Client,
  readModel: ElasticsearchReadModel,
  facts: LogFacts,
  expected: { customers: number; positions: number },
): Promise<void> {
  const { indices, target } = readModel;
  await client.indices.refresh({ index: `${indices.prefix}-*` });
  const seen = new Map<string, number | null>();
  const positionAt = new Map<string, number | null>();
  for await (const doc of allAssets(client, target.assets)) {
    seen.set(doc.id, doc.lastSeenAt === null ? null : Date.parse(doc.lastSeenAt));
    positionAt.set(doc.id, doc.position === null ? null : Date.parse(doc.position.timestamp));
  }
  assertLastSeen('Elasticsearch', facts.lastSeen, seen);
  assertLastSeen('Elasticsearch (position)', facts.lastSeen, positionAt);
  const customers = (await client.count({ index: target.customers })).count;
  if (customers !== expected.customers)
    throw new Error(`Elasticsearch read model has ${customers} customers, expected ${expected.customers}`);
  const positions = (await client.count({ index: indices.positionsPattern })).count;
  if (positions !== expected.positions) throw new Error(`Elasticsearch holds ${positions} positions, expected ${expected.positions}`);
}

interface StoredAsset {
  id: string;
  lastSeenAt: string | null;
  position: { timestamp: string } | null;
}

/** Pages by id with search_after: a fleet may exceed the 10,000 hits one search returns. */
async function* allAssets(client: Client, index: string): AsyncGenerator<StoredAsset> {
  let after: estypes.SortResults | undefined;
  for (;;) {
    const page = await client.search<StoredAsset>({
      index,
      size: PAGE,
      sort: [{ id: 'asc' }],
      _source: ['id', 'lastSeenAt', 'position.timestamp'],
      ...(after ? { search_after: after } : {}),
    });
    for (const hit of page.hits.hits) if (hit._source) yield hit._source;
    const last = page.hits.hits[page.hits.hits.length - 1];
    if (!last?.sort || page.hits.hits.length < PAGE) return;
    after = last.sort;
  }
}
