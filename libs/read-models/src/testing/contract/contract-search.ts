import type { SearchAssetsResponse } from '@beacon/contracts';
import { expect } from '@jest/globals';
import type { AssetReadModel, AssetSearch } from '../../lib/read-model.port';
import { NOW } from './contract-fleet';

/** The adapter under test; set once the harness exists (cases are declared before it does). */
export type ReadModelOf = () => AssetReadModel;

/** A search at NOW with room for the whole fleet unless the case says otherwise. */
export function searchAt(readModel: ReadModelOf, criteria: Partial<AssetSearch> = {}): Promise<SearchAssetsResponse> {
  return readModel().search({ limit: 100, ...criteria }, NOW);
}

export const idsOf = (response: SearchAssetsResponse): string[] => response.items.map((item) => item.id);

/** Follows nextCursor to the end, checking that every page reports the total of the whole result. */
export async function walkPages(readModel: ReadModelOf, criteria: Partial<AssetSearch>, total: number): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = await searchAt(readModel, { ...criteria, ...(cursor === undefined ? {} : { cursor }) });
    expect(page.total).toBe(total);
    pages.push(idsOf(page));
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined && pages.length <= total);
  return pages;
}
