import type { Client, estypes } from '@elastic/elasticsearch';
import { trackBucketWidthMs, type Track, type TrackPoint, type TrackQuery } from '../read-model.port';
import type { ElasticsearchIndices } from './elasticsearch-indices';

const POINT_FIELDS = ['timestamp', 'lat', 'lon', 'altitude', 'speed', 'heading'];

interface Spans {
  spans: { buckets: { newest: { hits: { hits: { _source?: TrackPoint }[] } } }[] };
}

/**
 * A track from the daily positions indices. A window with more positions than the limit is
 * thinned over all of it (the port's `Track`): a `date_histogram` whose spans start at `from`
 * (its `offset`), and the newest position of each (`top_hits`), as the PostgreSQL adapter does.
 */
export async function readTrack(client: Client, indices: ElasticsearchIndices, query: TrackQuery): Promise<Track> {
  if (query.limit < 1 || query.from > query.to) return { points: [], thinned: false };
  const search = {
    index: indices.positionsPattern,
    ignore_unavailable: true,
    allow_no_indices: true,
    query: {
      bool: {
        filter: [
          { term: { assetId: query.assetId } },
          { range: { timestamp: { gte: query.from.toISOString(), lte: query.to.toISOString() } } },
        ],
      },
    },
  } satisfies estypes.SearchRequest;
  const { count } = await client.count({ index: search.index, ignore_unavailable: true, allow_no_indices: true, query: search.query });
  if (count <= query.limit) {
    const response = await client.search<TrackPoint>({ ...search, sort: [{ timestamp: 'asc' }], size: query.limit, _source: POINT_FIELDS });
    return { points: response.hits.hits.flatMap((hit) => (hit._source ? [toTrackPoint(hit._source)] : [])), thinned: false };
  }
  const width = trackBucketWidthMs(query);
  const response = await client.search<TrackPoint, Spans>({
    ...search,
    size: 0,
    aggs: {
      spans: {
        date_histogram: {
          field: 'timestamp',
          fixed_interval: `${width}ms`,
          offset: `+${query.from.getTime() % width}ms`,
          min_doc_count: 1,
        },
        aggs: { newest: { top_hits: { size: 1, sort: [{ timestamp: 'desc' }], _source: POINT_FIELDS } } },
      },
    },
  });
  const spans = response.aggregations?.spans.buckets ?? [];
  return {
    points: spans.flatMap((span) => span.newest.hits.hits.flatMap((hit) => (hit._source ? [toTrackPoint(hit._source)] : []))),
    thinned: true,
  };
}

function toTrackPoint(p: TrackPoint): TrackPoint {
  return { timestamp: p.timestamp, lat: p.lat, lon: p.lon, altitude: p.altitude, speed: p.speed, heading: p.heading };
}
