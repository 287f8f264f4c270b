import { describe, expect, it } from '@jest/globals';
import { BY_REGISTRATION, BY_REGISTRATION_DESC } from './contract-answers';
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
  SPARE_TRAILER,
  TIPPER,
  TRACTOR,
} from './contract-fleet';
import { idsOf, searchAt, walkPages, type ReadModelOf } from './contract-search';

/** Greenfield's assets (FLATBED since its reassignment): the customer's name is one of their words. */
const GREENFIELD = [TRACTOR, MILK_TANKER, FEED_TRUCK, FLATBED, SPARE_TRAILER];

interface TextCase {
  finds: string;
  q: string;
  ids: string[];
}

/** Words are runs of letters and digits; results in the default order (registration). */
const TEXT_CASES: TextCase[] = [
  { finds: 'the start of a registration', q: 'abc', ids: [TIPPER, REFRIGERATED_TRUCK] },
  { finds: 'a later word of a registration', q: '123', ids: [REFRIGERATED_TRUCK] },
  { finds: 'nothing inside a word', q: '23', ids: [] },
  { finds: 'words in a row whatever the case and separator', q: 'ABC-1', ids: [REFRIGERATED_TRUCK] },
  { finds: 'a hyphen where the text has a space', q: 'abc-7', ids: [TIPPER] },
  { finds: 'nothing when a word before the last is only a prefix', q: 'ab-1', ids: [] },
  { finds: 'a word of the label, not the decommissioned "Old truck"', q: 'truck', ids: [REFRIGERATED_TRUCK, CRANE_TRUCK, FEED_TRUCK] },
  { finds: 'the start of a label word', q: 'refrig', ids: [REFRIGERATED_VAN, REFRIGERATED_TRUCK] },
  { finds: 'nothing by a label that was changed', q: 'cargo', ids: [] },
  { finds: 'the customer name', q: 'Nordic', ids: [REFRIGERATED_VAN, TIPPER, REFRIGERATED_TRUCK, CRANE_TRUCK] },
  { finds: 'a word beyond ASCII in another case', q: 'ÅKERI', ids: [REFRIGERATED_VAN, TIPPER, REFRIGERATED_TRUCK, CRANE_TRUCK] },
  { finds: 'the new customer after a reassignment', q: 'greenfield', ids: [TRACTOR, MILK_TANKER, FEED_TRUCK, FLATBED, SPARE_TRAILER] },
  { finds: 'the icao24 address', q: '4CA7', ids: [RYANAIR_737] },
  { finds: 'the start of a callsign', q: 'sas', ids: [SAS_737_MAX, SAS_A320] },
  { finds: 'a whole callsign', q: 'ryr4kc', ids: [RYANAIR_737] },
  { finds: 'the callsign a heartbeat reported', q: 'nsz81k', ids: [NORWEGIAN_JET] },
  { finds: 'the callsign a heartbeat reported, with a wrong letter', q: 'nsz82k', ids: [NORWEGIAN_JET] },
  { finds: 'nothing by a callsign a newer heartbeat replaced', q: 'nsz77', ids: [] },
  { finds: 'a callsign reported by a heartbeat that arrived late', q: 'sas902', ids: [SAS_A320] },
  { finds: 'nothing by the registered callsign a heartbeat replaced', q: 'sas1234', ids: [] },
  { finds: 'the id', q: 'wdb96', ids: [CRANE_TRUCK] },
  { finds: 'a word with a letter missing', q: 'truk', ids: [REFRIGERATED_TRUCK, CRANE_TRUCK, FEED_TRUCK] },
  { finds: 'a word with a wrong letter', q: 'refrigirated', ids: [REFRIGERATED_VAN, REFRIGERATED_TRUCK] },
  { finds: 'a word with an extra letter', q: 'tankerr', ids: [MILK_TANKER] },
  { finds: 'a word with two neighbours swapped', q: 'tarctor', ids: [TRACTOR] },
  { finds: 'a typo in a term of 4 characters', q: 'milc', ids: [MILK_TANKER] },
  { finds: 'no typo in a term of 3 characters', q: 'vam', ids: [] },
  { finds: 'nothing two typos away', q: 'tarktor', ids: [] },
  { finds: 'no typo in the start of a word (typos count against whole words)', q: 'refrigx', ids: [] },
  { finds: 'only what every term matches', q: 'truck nordic', ids: [REFRIGERATED_TRUCK, CRANE_TRUCK] },
  { finds: 'terms in different fields', q: 'skyline 737', ids: [RYANAIR_737, SAS_737_MAX] },
  { finds: 'two words of one label', q: 'refrigerated van', ids: [REFRIGERATED_VAN] },
  { finds: 'nothing without a match', q: 'zzz', ids: [] },
  { finds: 'everything for a term without letters or digits', q: ' - ', ids: BY_REGISTRATION },
];

export function describeTextSearch(readModel: ReadModelOf): void {
  describe('text search (q)', () => {
    it.each(TEXT_CASES)('finds $finds: "$q"', async ({ q, ids }) => {
      const result = await searchAt(readModel, { q });
      expect(idsOf(result)).toEqual(ids);
      expect(result.total).toBe(ids.length);
    });

    it('orders matches by registration either way, those without one last', async () => {
      const descending = await searchAt(readModel, { q: 'greenfield', sort: { field: 'registration', direction: 'desc' } });
      expect(idsOf(descending)).toEqual(BY_REGISTRATION_DESC.filter((id) => GREENFIELD.includes(id)));
    });

    it('walks the matches by cursor in either order, past the one without a registration', async () => {
      expect(await walkPages(readModel, { q: 'greenfield', limit: 2 }, 5)).toEqual([
        [TRACTOR, MILK_TANKER],
        [FEED_TRUCK, FLATBED],
        [SPARE_TRAILER],
      ]);
      const descending = { q: 'greenfield', limit: 2, sort: { field: 'registration', direction: 'desc' } } as const;
      expect(await walkPages(readModel, descending, 5)).toEqual([[FLATBED, FEED_TRUCK], [MILK_TANKER, TRACTOR], [SPARE_TRAILER]]);
    });

    it('narrows matches to a customer, as the asset belongs now, and to a kind', async () => {
      expect(idsOf(await searchAt(readModel, { q: 'truck', customerId: NORDIC }))).toEqual([REFRIGERATED_TRUCK, CRANE_TRUCK]);
      expect(idsOf(await searchAt(readModel, { q: 'truck', customerId: GREEN }))).toEqual([FEED_TRUCK]);
      expect(idsOf(await searchAt(readModel, { q: 'flatbed', customerId: NORDIC }))).toEqual([]);
      expect(idsOf(await searchAt(readModel, { q: 'flatbed', customerId: GREEN }))).toEqual([FLATBED]);
      expect(idsOf(await searchAt(readModel, { q: '737', kind: 'aircraft' }))).toEqual([RYANAIR_737, SAS_737_MAX]);
      expect(idsOf(await searchAt(readModel, { q: 'truck', kind: 'aircraft' }))).toEqual([]);
    });

    it('counts the matches by status, whatever the page size', async () => {
      const result = await searchAt(readModel, { q: 'truck', limit: 1 });
      expect(idsOf(result)).toEqual([REFRIGERATED_TRUCK]);
      expect(result.total).toBe(3);
      expect(result.counts).toEqual({ online: 2, offline: 0, unknown: 1 });
    });
  });
}
