import { Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type { AssetDto, SearchAssetsResponse } from '@beacon/contracts';
import type { Observable } from 'rxjs';
import { EMPTY, bufferTime, exhaustMap, expand, filter, map, merge, of, switchMap, takeWhile, tap, throttle, timer } from 'rxjs';
import { appendPage } from './append-page';
import { retryWithBackoff } from './backoff';
import { FleetApi } from './fleet-api';
import type { FleetQuery } from './fleet-query';
import { FLEET_REFRESH_LIMIT } from './fleet-query';
import { FleetStore, type ShownPage } from './fleet-store';
import { applyEvents } from './live-events';

/** The most assets the map holds: beyond, it says how many it leaves out, and a smaller area shows them. */
export const MAP_MOST_ASSETS = 20_000;
/** The map's points move at most this often: a redraw of the whole map is the costly part of a live window. */
export const MAP_REDRAW_MS = 1_000;
/** The live stream keeps the map's fleet current; reading it again now and then catches what the stream cannot say (a new asset). */
export const MAP_REFRESH_MS = 60_000;

/**
 * The assets the map shows: the whole search, not just the rows the table has loaded. While the
 * table holds every row of the search (a fleet of a few hundred) the map shows those; once the
 * search has more, the map reads it whole on its own, a page of the API's largest size at a time,
 * each shown as it comes, up to `MAP_MOST_ASSETS`, then follows the live stream's windows and reads
 * it all again every `MAP_REFRESH_MS`. The sort does not matter to a map, so it never reads again
 * for one. Either way the map is given a new fleet at most once per `MAP_REDRAW_MS`.
 */
@Injectable({ providedIn: 'root' })
export class MapFleet {
  private readonly store = inject(FleetStore);
  private readonly api = inject(FleetApi);
  private readonly own = signal<ShownPage | null>(null);

  /** The filters the map reads itself, or null while the table's rows are the whole search. */
  private readonly ownFilters = computed(() => (this.store.hasMore() ? { ...this.store.filters(), sort: '' as const } : null), {
    equal: (a, b) => a === b || (a !== null && b !== null && sameFilters(a, b)),
  });
  private readonly current = computed<readonly AssetDto[]>(() => {
    const own = this.own();
    const wanted = this.ownFilters();
    return wanted !== null && own !== null && sameFilters(own.filters, wanted) ? own.page.items : this.store.assets();
  });

  private readonly shownState = signal<readonly AssetDto[]>([]);

  /** What the map draws now. */
  readonly assets = this.shownState.asReadonly();
  /** Assets of the search the map leaves out (beyond `MAP_MOST_ASSETS`). */
  readonly leftOut = computed(() => {
    const own = this.own();
    return this.ownFilters() !== null && own !== null && own.page.nextCursor !== null ? own.page.total - own.page.items.length : 0;
  });

  constructor() {
    toObservable(this.current)
      .pipe(
        // No assets yet (or none match) holds nothing back: the first fleet is drawn the moment it comes.
        throttle((assets) => (assets.length === 0 ? EMPTY : timer(MAP_REDRAW_MS)), { leading: true, trailing: true }),
        takeUntilDestroyed(),
      )
      .subscribe((assets) => this.shownState.set(assets));

    toObservable(this.ownFilters)
      .pipe(
        switchMap((filters) => (filters === null ? of(null) : this.follow(filters))),
        takeUntilDestroyed(),
      )
      .subscribe();
  }

  private follow(filters: FleetQuery): Observable<unknown> {
    const reads = timer(0, MAP_REFRESH_MS).pipe(
      exhaustMap((read) => {
        const pages = this.readAll(filters);
        // The first read shows each page as it comes; later ones replace the fleet whole, so it never shrinks meanwhile.
        return read === 0
          ? pages
          : pages.pipe(
              takeWhile((rows) => !isLast(rows), true),
              filter(isLast),
            );
      }),
      tap((page) => this.own.set({ filters, page })),
    );
    const live = this.store.liveWindows.pipe(
      bufferTime(MAP_REDRAW_MS),
      map((windows) => windows.flat()),
      filter((events) => events.length > 0),
      tap((events) => this.own.update((own) => own && { ...own, page: applyEvents(own.page, events, filters) })),
    );
    return merge(reads, live);
  }

  /** Every page of the search in turn, each answer carrying all rows so far, up to `MAP_MOST_ASSETS`. */
  private readAll(filters: FleetQuery): Observable<SearchAssetsResponse> {
    const read = (cursor: string) => this.api.searchAssets(filters, cursor, FLEET_REFRESH_LIMIT).pipe(retryWithBackoff());
    return read('').pipe(
      expand((rows) => (isLast(rows) ? EMPTY : read(rows.nextCursor ?? '').pipe(map((page) => appendPage(rows, page))))),
    );
  }
}

function isLast(rows: SearchAssetsResponse): boolean {
  return rows.nextCursor === null || rows.items.length >= MAP_MOST_ASSETS;
}

function sameFilters(a: FleetQuery, b: FleetQuery): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
