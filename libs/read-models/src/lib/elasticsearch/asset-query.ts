import type { AssetStatus } from '@beacon/contracts';
import type { estypes } from '@elastic/elasticsearch';
import { DEFAULT_ASSET_SORT, type AssetSearch, type AssetSort } from '../read-model.port';

type Query = estypes.QueryDslQueryContainer;

/** Shortest term that may match one typo away; shorter ones match by prefix only. */
const FUZZY_MIN_LENGTH = 4;
/** Words one typo away that a fuzzy term may try: enough for a fleet's vocabulary. */
const FUZZY_MAX_EXPANSIONS = 500;
/** Sorts put assets never seen after every date, in either direction (±10⁸ days, ES's range). */
const NEVER_SEEN_LAST = { asc: 8_640_000_000_000_000, desc: -8_640_000_000_000_000 } as const;

/**
 * The filter of a search without its status part (counts by status need it that way). Text:
 * every whitespace-separated term must match (see `termQuery`).
 */
export function assetFilter(criteria: AssetSearch): Query[] {
  const filters: Query[] = [{ term: { decommissioned: false } }];
  if (criteria.customerId) filters.push({ term: { customerId: criteria.customerId } });
  if (criteria.kind) filters.push({ term: { kind: criteria.kind } });
  if (criteria.bbox) {
    const { minLon, minLat, maxLon, maxLat } = criteria.bbox;
    filters.push({
      geo_bounding_box: { location: { top_left: { lat: maxLat, lon: minLon }, bottom_right: { lat: minLat, lon: maxLon } } },
    });
  }
  for (const words of searchTerms(criteria.q)) filters.push(termQuery(words));
  return filters;
}

/**
 * The terms of a query, each as its lower-cased words: runs of letters and digits, split the way
 * the standard analyzer splits the indexed text (`ABC-1` → `abc`, `1`). A term without a letter
 * or digit has nothing to match and is dropped.
 */
export function searchTerms(q: string | undefined): string[][] {
  return (q ?? '')
    .split(/\s+/)
    .map((term) =>
      term
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length > 0),
    )
    .filter((words) => words.length > 0);
}

/**
 * One word: the start of an indexed word, or (4+ characters) a whole word one typo away. Several
 * words (`abc-1`): those words in a row within one field, the last as the start of a word — an
 * ordered interval without gaps (copied fields are far apart, so a row never spans two fields).
 * `index_prefixes` on `search` makes the prefix parts term lookups with no expansion limit.
 */
function termQuery(words: string[]): Query {
  const [only] = words;
  if (words.length === 1 && only !== undefined) {
    const should: Query[] = [{ prefix: { search: only } }];
    if ([...only].length >= FUZZY_MIN_LENGTH) {
      should.push({ fuzzy: { search: { value: only, fuzziness: 1, transpositions: true, max_expansions: FUZZY_MAX_EXPANSIONS } } });
    }
    return { bool: { should, minimum_should_match: 1 } };
  }
  const whole = words.slice(0, -1).map((word) => ({ match: { query: word } }));
  const last = words[words.length - 1] as string;
  return { intervals: { search: { all_of: { ordered: true, max_gaps: 0, intervals: [...whole, { prefix: { prefix: last } }] } } } };
}

/** Status against the query's `now`: online while `offlineAt` is ahead of it. */
export function statusFilter(status: AssetStatus, now: Date): Query {
  switch (status) {
    case 'online':
      return { range: { offlineAt: { gt: now.toISOString() } } };
    case 'offline':
      return { range: { offlineAt: { lte: now.toISOString() } } };
    case 'unknown':
      return { bool: { must_not: { exists: { field: 'lastSeenAt' } } } };
  }
}

/** Counts by status over the same filter, as one aggregation. */
export function statusCountsAggregation(now: Date): Record<string, estypes.AggregationsAggregationContainer> {
  return {
    status: {
      filters: {
        filters: {
          online: statusFilter('online', now),
          offline: statusFilter('offline', now),
          unknown: statusFilter('unknown', now),
        },
      },
    },
  };
}

/**
 * Missing values last in either direction, then `id` ascending: a total order, for cursors. A
 * missing date sorts as an explicit far-off value rather than `_last`, whose stand-in (2⁶³ − 1)
 * would not survive a round trip through a JavaScript number in the cursor.
 */
export function assetSort(sort: AssetSort = DEFAULT_ASSET_SORT): estypes.SortCombinations[] {
  const missing = sort.field === 'lastSeenAt' ? NEVER_SEEN_LAST[sort.direction] : '_last';
  return [{ [sort.field]: { order: sort.direction, missing } }, ...(sort.field === 'id' ? [] : [{ id: { order: 'asc' as const } }])];
}
