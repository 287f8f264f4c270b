import type { AssetDto, SearchAssetsResponse } from '@beacon/contracts';
import type { Client, estypes } from '@elastic/elasticsearch';
import type { AssetReadModel, AssetSearch, CustomerView, Track, TrackQuery } from '../read-model.port';
import { toAssetDto, type AssetDocument, type CustomerDocument } from './asset-document';
import { assetFilter, assetSort, statusCountsAggregation, statusFilter } from './asset-query';
import { decodeSearchAfter, encodeSearchAfter } from './search-after-cursor';
import type { ElasticsearchIndices } from './elasticsearch-indices';
import { readTrack } from './read-track';

interface StatusBuckets {
  buckets: Record<'online' | 'offline' | 'unknown', { doc_count: number }>;
}

/** The read model on Elasticsearch: full-text, geo and sorted search over the assets alias. */
export class ElasticsearchAssetReadModel implements AssetReadModel {
  readonly kind = 'elasticsearch' as const;

  constructor(
    private readonly client: Client,
    private readonly indices: ElasticsearchIndices,
  ) {}

  /**
   * One request: the filter without status as the query (so the status aggregation counts all
   * three), the status as a post-filter on the hits, and `search_after` for the page.
   */
  async search(criteria: AssetSearch, now: Date): Promise<SearchAssetsResponse> {
    const searchAfter = criteria.cursor === undefined ? undefined : decodeSearchAfter(criteria.cursor);
    const response = await this.client.search<AssetDocument, Record<'status', StatusBuckets>>({
      index: this.indices.assetsAlias,
      query: { bool: { filter: assetFilter(criteria) } },
      ...(criteria.status ? { post_filter: statusFilter(criteria.status, now) } : {}),
      aggs: statusCountsAggregation(now),
      sort: assetSort(criteria.sort),
      size: criteria.limit + 1,
      track_total_hits: true,
      ...(searchAfter ? { search_after: searchAfter } : {}),
    });
    const hits = response.hits.hits;
    const page = hits.slice(0, criteria.limit);
    const last = page[page.length - 1];
    const buckets = response.aggregations?.status.buckets;
    return {
      items: page.map((hit) => toAssetDto(hit._source as AssetDocument, now)),
      total: totalOf(response.hits.total),
      counts: {
        online: buckets?.online.doc_count ?? 0,
        offline: buckets?.offline.doc_count ?? 0,
        unknown: buckets?.unknown.doc_count ?? 0,
      },
      nextCursor: hits.length > criteria.limit && last?.sort ? encodeSearchAfter(last.sort) : null,
    };
  }

  async get(assetId: string, now: Date): Promise<AssetDto | null> {
    const response = await this.client.get<AssetDocument>({ index: this.indices.assetsAlias, id: assetId }, { ignore: [404] });
    const doc = response.found ? response._source : undefined;
    return doc && !doc.decommissioned ? toAssetDto(doc, now) : null;
  }

  async customers(): Promise<CustomerView[]> {
    const [customers, counts] = await Promise.all([
      this.client.search<CustomerDocument>({ index: this.indices.customersAlias, size: 10_000, sort: [{ name: 'asc' }, { id: 'asc' }] }),
      this.client.search<unknown, Record<'byCustomer', estypes.AggregationsStringTermsAggregate>>({
        index: this.indices.assetsAlias,
        size: 0,
        query: { term: { decommissioned: false } },
        aggs: { byCustomer: { terms: { field: 'customerId', size: 10_000 } } },
      }),
    ]);
    const buckets = counts.aggregations?.byCustomer.buckets;
    const assetCount = new Map((Array.isArray(buckets) ? buckets : []).map((b) => [String(b.key), b.doc_count]));
    return customers.hits.hits.flatMap((hit) => {
      const c = hit._source;
      return c ? [{ id: c.id, name: c.name, address: c.address, assetCount: assetCount.get(c.id) ?? 0 }] : [];
    });
  }

  track(query: TrackQuery): Promise<Track> {
    return readTrack(this.client, this.indices, query);
  }

  async ping(): Promise<void> {
    await this.client.cluster.health({ index: this.indices.assetsAlias, wait_for_status: 'yellow', timeout: '2s' });
  }
}

function totalOf(total: number | estypes.SearchTotalHits | undefined): number {
  if (total === undefined) return 0;
  return typeof total === 'number' ? total : total.value;
}
