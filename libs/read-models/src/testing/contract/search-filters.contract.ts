import type { StatusCounts } from '@beacon/contracts';
import { describe, expect, it } from '@jest/globals';
import type { AssetSearch, BoundingBox } from '../../lib/read-model.port';
import { BY_REGISTRATION, FLEET_COUNTS } from './contract-answers';
import {
  CRANE_TRUCK,
  FEED_TRUCK,
  FLATBED,
  GREEN,
  MILK_TANKER,
  NORDIC,
  NORWEGIAN_JET,
  REFRIGERATED_TRUCK,
  REFRIGERATED_VAN,
  RYANAIR_737,
  SAS_737_MAX,
  SAS_A320,
  SKYLINE,
  SPARE_TRAILER,
  TIPPER,
  TRACTOR,
} from './contract-fleet';
import { idsOf, searchAt, type ReadModelOf } from './contract-search';

/** Central Stockholm; not Arlanda (59.65 N), Uppsala, nor the tanker's older position there. */
const STOCKHOLM: BoundingBox = { minLon: 17.8, minLat: 59.2, maxLon: 18.3, maxLat: 59.45 };
const GOTHENBURG: BoundingBox = { minLon: 11.5, minLat: 57.5, maxLon: 12.5, maxLat: 58.0 };
/** Malmö, and an aircraft exactly on the west and north edges (values exact in binary and in geo encodings). */
const SOUTH_WITH_EDGE: BoundingBox = { minLon: 11.25, minLat: 55.0, maxLon: 13.5, maxLat: 56.25 };
const WHOLE_WORLD: BoundingBox = { minLon: -180, minLat: -90, maxLon: 180, maxLat: 90 };
const GULF_OF_GUINEA: BoundingBox = { minLon: 0, minLat: 0, maxLon: 1, maxLat: 1 };

interface FilterCase {
  filter: string;
  criteria: Partial<AssetSearch>;
  ids: string[];
  counts: StatusCounts;
}

const FILTER_CASES: FilterCase[] = [
  { filter: 'nothing', criteria: {}, ids: BY_REGISTRATION, counts: FLEET_COUNTS },
  {
    filter: 'customer (a reassigned asset counts for its new one)',
    criteria: { customerId: GREEN },
    ids: [TRACTOR, MILK_TANKER, FEED_TRUCK, FLATBED, SPARE_TRAILER],
    counts: { online: 3, offline: 1, unknown: 1 },
  },
  {
    filter: 'customer without the decommissioned or reassigned',
    criteria: { customerId: NORDIC },
    ids: [REFRIGERATED_VAN, TIPPER, REFRIGERATED_TRUCK, CRANE_TRUCK],
    counts: { online: 2, offline: 1, unknown: 1 },
  },
  {
    filter: 'status online',
    criteria: { status: 'online' },
    ids: [REFRIGERATED_VAN, REFRIGERATED_TRUCK, MILK_TANKER, RYANAIR_737, FEED_TRUCK, SAS_737_MAX, FLATBED, NORWEGIAN_JET],
    counts: FLEET_COUNTS,
  },
  { filter: 'status offline', criteria: { status: 'offline' }, ids: [TIPPER, TRACTOR, SAS_A320], counts: FLEET_COUNTS },
  { filter: 'status unknown', criteria: { status: 'unknown' }, ids: [CRANE_TRUCK, SPARE_TRAILER], counts: FLEET_COUNTS },
  {
    filter: 'kind aircraft',
    criteria: { kind: 'aircraft' },
    ids: [RYANAIR_737, SAS_737_MAX, SAS_A320, NORWEGIAN_JET],
    counts: { online: 3, offline: 1, unknown: 0 },
  },
  {
    filter: 'kind vehicle',
    criteria: { kind: 'vehicle' },
    ids: [REFRIGERATED_VAN, TIPPER, REFRIGERATED_TRUCK, CRANE_TRUCK, TRACTOR, MILK_TANKER, FEED_TRUCK, FLATBED, SPARE_TRAILER],
    counts: { online: 5, offline: 2, unknown: 2 },
  },
  {
    filter: 'bbox Stockholm',
    criteria: { bbox: STOCKHOLM },
    ids: [TIPPER, REFRIGERATED_TRUCK],
    counts: { online: 1, offline: 1, unknown: 0 },
  },
  {
    filter: 'bbox Gothenburg (the tanker by its newest position)',
    criteria: { bbox: GOTHENBURG },
    ids: [REFRIGERATED_VAN, MILK_TANKER, SAS_A320],
    counts: { online: 2, offline: 1, unknown: 0 },
  },
  {
    filter: 'bbox with a position on its edges (inclusive)',
    criteria: { bbox: SOUTH_WITH_EDGE },
    ids: [TRACTOR, FLATBED, NORWEGIAN_JET],
    counts: { online: 2, offline: 1, unknown: 0 },
  },
  {
    filter: 'bbox of the world (assets without a position are outside)',
    criteria: { bbox: WHOLE_WORLD },
    ids: [REFRIGERATED_VAN, TIPPER, REFRIGERATED_TRUCK, TRACTOR, MILK_TANKER, RYANAIR_737, FEED_TRUCK, SAS_A320, FLATBED, NORWEGIAN_JET],
    counts: { online: 7, offline: 3, unknown: 0 },
  },
  { filter: 'bbox without assets', criteria: { bbox: GULF_OF_GUINEA }, ids: [], counts: { online: 0, offline: 0, unknown: 0 } },
  {
    filter: 'customer and status',
    criteria: { customerId: NORDIC, status: 'online' },
    ids: [REFRIGERATED_VAN, REFRIGERATED_TRUCK],
    counts: { online: 2, offline: 1, unknown: 1 },
  },
  {
    filter: 'text and status',
    criteria: { q: 'truck', status: 'online' },
    ids: [REFRIGERATED_TRUCK, FEED_TRUCK],
    counts: { online: 2, offline: 0, unknown: 1 },
  },
  {
    filter: 'kind and bbox',
    criteria: { kind: 'vehicle', bbox: STOCKHOLM },
    ids: [TIPPER, REFRIGERATED_TRUCK],
    counts: { online: 1, offline: 1, unknown: 0 },
  },
  {
    filter: 'bbox and status',
    criteria: { bbox: GOTHENBURG, status: 'offline' },
    ids: [SAS_A320],
    counts: { online: 2, offline: 1, unknown: 0 },
  },
  {
    filter: 'text, kind and customer',
    criteria: { q: 'boeing', kind: 'aircraft', customerId: SKYLINE },
    ids: [RYANAIR_737, SAS_737_MAX],
    counts: { online: 2, offline: 0, unknown: 0 },
  },
  {
    filter: 'text, bbox and a sort',
    criteria: { q: 'greenfield', bbox: SOUTH_WITH_EDGE, sort: { field: 'lastSeenAt', direction: 'desc' } },
    ids: [FLATBED, TRACTOR],
    counts: { online: 1, offline: 1, unknown: 0 },
  },
  { filter: 'a customer that does not exist', criteria: { customerId: 'nobody' }, ids: [], counts: { online: 0, offline: 0, unknown: 0 } },
];

export function describeSearchFilters(readModel: ReadModelOf): void {
  describe('filters (total counts the result, counts the same filter without status)', () => {
    it.each(FILTER_CASES)('by $filter', async ({ criteria, ids, counts }) => {
      const result = await searchAt(readModel, criteria);
      expect(idsOf(result)).toEqual(ids);
      expect(result.total).toBe(ids.length);
      expect(result.counts).toEqual(counts);
      expect(result.nextCursor).toBeNull();
    });

    it('reports the status of each item against now', async () => {
      const result = await searchAt(readModel, { customerId: NORDIC });
      expect(result.items.map((item) => item.status)).toEqual(['online', 'offline', 'online', 'unknown']);
    });
  });
}
