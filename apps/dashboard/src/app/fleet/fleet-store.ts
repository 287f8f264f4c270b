import { Injectable, InjectionToken, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { AssetKind, AssetStatus, SearchAssetsResponse } from '@beacon/contracts';
import type { Observable } from 'rxjs';
import { Subject, distinctUntilChanged, exhaustMap, map, merge, skip, startWith, switchMap, tap } from 'rxjs';
import { Clock } from '../shared/clock';
import { appendPage } from './append-page';
import { retryWithBackoff } from './backoff';
import { FleetApi } from './fleet-api';
import type { FleetQuery } from './fleet-query';
import { EMPTY_QUERY, FLEET_PAGE_SIZE } from './fleet-query';
import type { FleetSort } from './fleet-sort';
import { LIVE_BATCHING, inBatches } from './live-batches';
import { applyEvents, type RowEvent } from './live-events';
import type { LiveEvent, LiveParams } from './live-stream';
import { LiveStream } from './live-stream';
import { pollTicks } from './poll-schedule';
import type { PageReader } from './search-pages';
import { readFromStart, readPagesAfter } from './search-pages';
import { isStale } from './staleness';

export const SEARCH_DEBOUNCE_MS = 250;

/** The filters the store starts with: the page gives those of its address (fleet-url/). */
export const FLEET_QUERY_AT_START = new InjectionToken<FleetQuery>('FLEET_QUERY_AT_START', { factory: () => EMPTY_QUERY });

const NO_COUNTS = { online: 0, offline: 0, unknown: 0 };

/** A new query, and how long to wait before asking the server about it. */
interface QueryChange {
  filters: FleetQuery;
  delayMs: number;
}

/**
 * The rows loaded so far (every page read, in order, with the latest total, counts and cursor) and the
 * filters they answer, so live events are judged against those.
 */
export interface ShownPage {
  filters: FleetQuery;
  page: SearchAssetsResponse;
}

/**
 * The fleet page's state. When first injected it starts polling the asset search and listening to
 * the live stream, and it stops when the app is destroyed; it exposes what it learns as signals,
 * and components only read those and call the setters.
 *
 * The search is read a page at a time: the first page, then the next whenever the table nears the
 * end of what is loaded (`loadMore`). A poll re-reads everything loaded, from the first page on, and
 * shows it at once, so a dispatcher who scrolled far keeps those rows, now fresh; a new filter or
 * sort starts again from one page.
 */
@Injectable({ providedIn: 'root' })
export class FleetStore {
  private readonly api = inject(FleetApi);
  private readonly clock = inject(Clock);
  private readonly live = inject(LiveStream);
  private readonly startedAt = this.clock.read();
  private readonly queries = new Subject<QueryChange>();
  private readonly liveEventsSubject = new Subject<LiveEvent>();
  private readonly liveWindowsSubject = new Subject<readonly RowEvent[]>();

  private readonly filtersState = signal<FleetQuery>(inject(FLEET_QUERY_AT_START));
  private readonly shown = signal<ShownPage | null>(null);
  private readonly lastPollAt = signal<number | null>(null);
  private readonly liveLostAt = signal<number | null>(null);
  private readonly failingState = signal(false);
  /** How many rows the user has come near: a refresh reads this many, `loadMore` raises it. */
  private readonly wanted = signal(FLEET_PAGE_SIZE);
  private readonly moreWanted = new Subject<void>();

  readonly filters = this.filtersState.asReadonly();
  /** True while the latest request failed; cleared by the next good answer. */
  readonly failing = this.failingState.asReadonly();
  /** Every live event, for views that follow one asset more closely than the table does. */
  readonly liveEvents = this.liveEventsSubject.asObservable();
  /** The row-changing events of each live window together, for views that hold rows of their own (the map's fleet). */
  readonly liveWindows = this.liveWindowsSubject.asObservable();

  readonly assets = computed(() => this.shown()?.page.items ?? []);
  readonly total = computed(() => this.shown()?.page.total ?? 0);
  readonly counts = computed(() => this.shown()?.page.counts ?? NO_COUNTS);
  readonly loaded = computed(() => this.shown() !== null);
  /** The search has more rows than are loaded. */
  readonly hasMore = computed(() => (this.shown()?.page.nextCursor ?? null) !== null);
  /** A stream only keeps rows true once there are rows to keep. */
  readonly liveConnected = computed(() => this.loaded() && this.live.state() === 'connected');
  /** The last moment the rows were known to be true: a poll answer, or the stream being up. */
  readonly lastSuccessAt = computed(() => {
    const pollAt = this.lastPollAt();
    const liveAt = this.liveConnected() ? this.clock.now() : this.liveLostAt();
    if (pollAt === null || liveAt === null) return pollAt ?? liveAt;
    return Math.max(pollAt, liveAt);
  });
  /** Stale only when neither the poll nor the live stream keeps the rows true. */
  readonly stale = computed(
    () => !this.liveConnected() && isStale(this.lastSuccessAt() ?? this.startedAt, this.failing(), this.clock.now()),
  );

  constructor() {
    const batching = inject(LIVE_BATCHING);
    const queries = this.queries.pipe(startWith<QueryChange>({ filters: this.filtersState(), delayMs: 0 }));
    queries
      .pipe(
        // A new query drops the old poll, including a request still in flight for stale filters.
        switchMap(({ filters, delayMs }) => this.follow(filters, delayMs)),
        takeUntilDestroyed(),
      )
      .subscribe();

    queries
      .pipe(
        // The stream carries what the table shows: a new customer or area is a new stream.
        map(({ filters }): LiveParams => ({ customerId: filters.customerId || undefined, bbox: filters.bbox || undefined })),
        distinctUntilChanged((a, b) => a.customerId === b.customerId && a.bbox === b.bbox),
        // Events still waiting for their window when the customer or area changes go with the old stream.
        switchMap((params) => this.live.connect(params).pipe(inBatches(batching))),
        takeUntilDestroyed(),
      )
      .subscribe((events) => this.applyLive(events));

    this.live.connected$.pipe(skip(1), takeUntilDestroyed()).subscribe((up) => {
      if (!up && this.loaded()) this.liveLostAt.set(this.clock.read());
    });
  }

  /** Typing waits for a pause in the keystrokes before asking the server. */
  search(q: string): void {
    this.update({ q }, SEARCH_DEBOUNCE_MS);
  }

  /** A select is a deliberate choice, so it re-queries at once. */
  selectCustomer(customerId: string): void {
    this.update({ customerId }, 0);
  }

  selectStatus(status: AssetStatus | ''): void {
    this.update({ status }, 0);
  }

  selectKind(kind: AssetKind | ''): void {
    this.update({ kind }, 0);
  }

  /** The search sorts, so every page comes in the new order: a new sort starts again from one page. */
  selectSort(sort: FleetSort | ''): void {
    this.update({ sort }, 0);
  }

  /** The map's area (`bbox`), or '' for the whole fleet: a button, so it re-queries at once. */
  selectArea(bbox: string): void {
    this.update({ bbox }, 0);
  }

  /** The next page, when the user nears the end of the rows; nothing while the rows answer older filters or the search has no more. */
  loadMore(): void {
    const shown = this.shown();
    if (shown?.filters !== this.filtersState() || shown.page.nextCursor === null) return;
    this.wanted.set(Math.max(this.wanted(), shown.page.items.length + FLEET_PAGE_SIZE));
    this.moreWanted.next();
  }

  /** All filters at once, from the address (Back, Forward, a link): re-queries at once if any changed. */
  applyQuery(query: FleetQuery): void {
    const current = this.filtersState();
    if ((Object.keys(query) as (keyof FleetQuery)[]).every((name) => query[name] === current[name])) return;
    this.update(query, 0);
  }

  private update(patch: Partial<FleetQuery>, delayMs: number): void {
    const filters = { ...this.filtersState(), ...patch };
    this.filtersState.set(filters);
    this.wanted.set(FLEET_PAGE_SIZE);
    this.queries.next({ filters, delayMs });
  }

  private follow(filters: FleetQuery, delayMs: number): Observable<unknown> {
    const polls = pollTicks(this.live.connected$, delayMs).pipe(map(() => 'refresh' as const));
    const more = this.moreWanted.pipe(map(() => 'more' as const));
    // One read at a time. Ticks that come while a read is slow or backing off after errors are
    // skipped, so retries keep their growing pauses instead of being overtaken by the poll; a wish
    // for more during a refresh is met by that refresh, which reads up to `wanted`.
    return merge(polls, more).pipe(exhaustMap((read) => (read === 'refresh' ? this.refresh(filters) : this.readMore(filters))));
  }

  /** Reads from the first page up to the rows wanted, then shows them all at once. */
  private refresh(filters: FleetQuery): Observable<unknown> {
    return readFromStart(this.reader(filters), () => this.wanted()).pipe(
      tap((page) => {
        this.shown.set({ filters, page });
        this.lastPollAt.set(this.clock.read());
      }),
    );
  }

  /** Appends pages after the loaded rows, each as it comes, until the rows wanted are in. */
  private readMore(filters: FleetQuery): Observable<unknown> {
    const loaded = () => (this.shown()?.filters === filters ? (this.shown()?.page ?? null) : null);
    return readPagesAfter(this.reader(filters), loaded, () => this.wanted()).pipe(
      tap((page) => this.updatePage((s) => appendPage(s.page, page))),
    );
  }

  private reader(filters: FleetQuery): PageReader {
    return (cursor, limit) =>
      this.api.searchAssets(filters, cursor, limit).pipe(
        retryWithBackoff(() => this.failingState.set(true)),
        tap(() => this.failingState.set(false)),
      );
  }

  /** The events of one window (live-batches.ts), applied to the rows in one go. */
  private applyLive(events: readonly LiveEvent[]): void {
    // A resync means the stream lost events it cannot replay: start the poll again, asking at once.
    if (events.some((event) => event.type === 'resync')) this.queries.next({ filters: this.filtersState(), delayMs: 0 });
    const rowEvents = events.filter((event): event is RowEvent => event.type !== 'resync');
    this.updatePage((s) => applyEvents(s.page, rowEvents, s.filters));
    this.liveWindowsSubject.next(rowEvents);
    for (const event of events) this.liveEventsSubject.next(event);
  }

  private updatePage(change: (shown: ShownPage) => SearchAssetsResponse): void {
    this.shown.update((shown) => {
      if (!shown) return shown;
      const page = change(shown);
      return page === shown.page ? shown : { ...shown, page };
    });
  }
}
