import { describe, expect, it } from '@jest/globals';
import { InvalidCursorError } from '../../lib/invalid-cursor-error';
import type { AssetSort } from '../../lib/read-model.port';
import { BY_ID, BY_ID_DESC, BY_LAST_SEEN_ASC, BY_LAST_SEEN_DESC, BY_REGISTRATION, BY_REGISTRATION_DESC } from './contract-answers';
import {
  FEED_TRUCK,
  FLATBED,
  MILK_TANKER,
  NORWEGIAN_JET,
  REFRIGERATED_TRUCK,
  REFRIGERATED_VAN,
  RYANAIR_737,
  SAS_737_MAX,
} from './contract-fleet';
import { idsOf, searchAt, walkPages, type ReadModelOf } from './contract-search';

interface OrderCase {
  sort: AssetSort;
  ids: string[];
}

const ORDER_CASES: OrderCase[] = [
  { sort: { field: 'registration', direction: 'asc' }, ids: BY_REGISTRATION },
  { sort: { field: 'registration', direction: 'desc' }, ids: BY_REGISTRATION_DESC },
  { sort: { field: 'lastSeenAt', direction: 'desc' }, ids: BY_LAST_SEEN_DESC },
  { sort: { field: 'lastSeenAt', direction: 'asc' }, ids: BY_LAST_SEEN_ASC },
  { sort: { field: 'id', direction: 'asc' }, ids: BY_ID },
  { sort: { field: 'id', direction: 'desc' }, ids: BY_ID_DESC },
];

/** Page sizes chosen so that page breaks fall between equal keys and after a missing one. */
const PAGING_CASES: (OrderCase & { limit: number })[] = [
  { sort: { field: 'registration', direction: 'asc' }, limit: 3, ids: BY_REGISTRATION },
  { sort: { field: 'registration', direction: 'desc' }, limit: 3, ids: BY_REGISTRATION_DESC },
  { sort: { field: 'lastSeenAt', direction: 'desc' }, limit: 5, ids: BY_LAST_SEEN_DESC },
  { sort: { field: 'lastSeenAt', direction: 'asc' }, limit: 4, ids: BY_LAST_SEEN_ASC },
  { sort: { field: 'id', direction: 'desc' }, limit: 3, ids: BY_ID_DESC },
];

const chunks = (ids: string[], size: number): string[][] =>
  Array.from({ length: Math.ceil(ids.length / size) }, (_, i) => ids.slice(i * size, (i + 1) * size));

export function describeOrderAndPaging(readModel: ReadModelOf): void {
  describe('sort (missing values last either way, then id ascending)', () => {
    it.each(ORDER_CASES)('by $sort.field $sort.direction', async ({ sort, ids }) => {
      expect(idsOf(await searchAt(readModel, { sort }))).toEqual(ids);
    });
  });

  describe('paging by cursor', () => {
    it.each(PAGING_CASES)('walks $sort.field $sort.direction in pages of $limit', async ({ sort, limit, ids }) => {
      expect(await walkPages(readModel, { sort, limit }, ids.length)).toEqual(chunks(ids, limit));
    });

    it('walks a filtered result, counting all of it on every page', async () => {
      expect(await walkPages(readModel, { status: 'online', limit: 3 }, 8)).toEqual([
        [REFRIGERATED_VAN, REFRIGERATED_TRUCK, MILK_TANKER],
        [RYANAIR_737, FEED_TRUCK, SAS_737_MAX],
        [FLATBED, NORWEGIAN_JET],
      ]);
    });

    it('offers no next page when the last one is exactly full', async () => {
      const all = await searchAt(readModel, { limit: 13 });
      expect(idsOf(all)).toEqual(BY_REGISTRATION);
      expect(all.nextCursor).toBeNull();
      const allButOne = await searchAt(readModel, { limit: 12 });
      expect(allButOne.nextCursor).not.toBeNull();
      const rest = await searchAt(readModel, { limit: 12, cursor: allButOne.nextCursor ?? '' });
      expect(idsOf(rest)).toEqual(BY_REGISTRATION.slice(12));
      expect(rest.nextCursor).toBeNull();
    });

    it.each([
      ['not base64url', 'not a cursor!'],
      ['not JSON', Buffer.from('{"sort":').toString('base64url')],
      ['JSON of another shape', Buffer.from('{"page":2}').toString('base64url')],
    ])('refuses a cursor that is %s with InvalidCursorError', async (_, cursor) => {
      await expect(searchAt(readModel, { limit: 3, cursor })).rejects.toBeInstanceOf(InvalidCursorError);
    });
  });
}
