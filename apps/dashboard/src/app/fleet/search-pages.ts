import type { SearchAssetsResponse } from '@beacon/contracts';
import type { Observable } from 'rxjs';
import { EMPTY, concat, defer, of, switchMap } from 'rxjs';
import { appendPage } from './append-page';
import { FLEET_PAGE_SIZE, FLEET_REFRESH_LIMIT } from './fleet-query';

/** One page of a search: the first (`cursor` ''), or the one after a previous page's `nextCursor`. */
export type PageReader = (cursor: string, limit: number) => Observable<SearchAssetsResponse>;

/**
 * Reads a search from its first page until `wanted()` rows are in or it ends, and answers them as
 * one, so a refresh never shows fewer rows than it replaces. `wanted` is read before each request:
 * the user may scroll on meanwhile. Each answer is as large as the API allows while rows are missing.
 */
export function readFromStart(readPage: PageReader, wanted: () => number): Observable<SearchAssetsResponse> {
  const readOn = (rows: SearchAssetsResponse | null): Observable<SearchAssetsResponse> =>
    defer(() => {
      const missing = wanted() - (rows?.items.length ?? 0);
      if (rows !== null && (rows.nextCursor === null || missing <= 0)) return of(rows);
      const limit = Math.min(Math.max(missing, FLEET_PAGE_SIZE), FLEET_REFRESH_LIMIT);
      return readPage(rows?.nextCursor ?? '', limit).pipe(switchMap((page) => readOn(rows ? appendPage(rows, page) : page)));
    });
  return readOn(null);
}

/**
 * The pages after the rows loaded, one at a time as each comes, until `wanted()` rows are loaded
 * or the search ends. `loaded` is read before each request, as the caller appends each page (and
 * live events change rows) in between.
 */
export function readPagesAfter(
  readPage: PageReader,
  loaded: () => SearchAssetsResponse | null,
  wanted: () => number,
): Observable<SearchAssetsResponse> {
  return defer(() => {
    const rows = loaded();
    if (rows === null || rows.nextCursor === null || rows.items.length >= wanted()) return EMPTY;
    return concat(readPage(rows.nextCursor, FLEET_PAGE_SIZE), readPagesAfter(readPage, loaded, wanted));
  });
}
