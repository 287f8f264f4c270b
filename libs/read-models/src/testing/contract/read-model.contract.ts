import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AssetReadModel } from '../../lib/read-model.port';
import { BY_REGISTRATION, CUSTOMER_VIEWS, FEED_TRUCK_VIEW, FLEET_COUNTS, MILK_TANKER_VIEW } from './contract-answers';
import { FEED_TRUCK, FLATBED, loadContractFleet, MILK_TANKER, NOW, SCRAPPED_TRUCK, SPARE_TRAILER, TRACTOR } from './contract-fleet';
import { idsOf, searchAt } from './contract-search';
import { describeLookups } from './lookups.contract';
import type { ReadModelHarness } from './read-model-harness';
import { describeOrderAndPaging } from './search-order.contract';
import { describeSearchFilters } from './search-filters.contract';
import { describeTextSearch } from './text-search.contract';

/**
 * The behaviour every AssetReadModel adapter must show, as one Jest `describe`: the contract fleet
 * is appended to a real event log, projected through the adapter's own projection, and queried at
 * a fixed `now`. Every expected answer is written out in contract-answers.ts and the cases.
 * Test-only: not exported from the library, so it never reaches the server bundle.
 */
export function describeReadModelContract(adapterName: string, createHarness: () => Promise<ReadModelHarness>): void {
  describe(`the ${adapterName} read model keeps the AssetReadModel contract`, () => {
    let harness: ReadModelHarness | null = null;
    const readModel = (): AssetReadModel => {
      if (!harness) throw new Error('the contract harness did not start');
      return harness.readModel;
    };

    beforeAll(async () => {
      harness = await createHarness();
      await loadContractFleet(harness);
    }, 120_000);

    afterAll(async () => {
      await harness?.dispose();
    });

    it(`reports its kind as ${adapterName}`, () => {
      expect(readModel().kind).toBe(adapterName);
    });

    it('answers a ping', async () => {
      await expect(readModel().ping()).resolves.toBeUndefined();
    });

    describeTextSearch(readModel);
    describeSearchFilters(readModel);
    describeOrderAndPaging(readModel);
    describeLookups(readModel);

    // Last: projecting the whole log once more, as after a crash before a checkpoint, changes nothing.
    describe('after a replay of the whole log', () => {
      beforeAll(async () => {
        await harness?.replayAll();
      }, 120_000);

      it('gives the same answers', async () => {
        const all = await searchAt(readModel);
        expect(idsOf(all)).toEqual(BY_REGISTRATION);
        expect(all.counts).toEqual(FLEET_COUNTS);
        expect(await readModel().get(MILK_TANKER, NOW)).toEqual(MILK_TANKER_VIEW);
        expect(await readModel().get(SCRAPPED_TRUCK, NOW)).toBeNull();
        expect(await readModel().customers()).toEqual(CUSTOMER_VIEWS);
        expect(await readModel().get(FEED_TRUCK, NOW)).toEqual(FEED_TRUCK_VIEW);
        expect(idsOf(await searchAt(readModel, { q: 'greenfield' }))).toEqual([TRACTOR, MILK_TANKER, FEED_TRUCK, FLATBED, SPARE_TRAILER]);
      });
    });
  });
}
