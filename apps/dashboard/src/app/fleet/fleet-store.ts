import { Injectable, InjectionToken, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { AssetKind, AssetStatus, CustomerDto, SearchAssetsResponse } from '@beacon/contracts';
import type { Observable } from 'rxjs';
import { Subject, distinctUntilChanged, exhaustMap, map, skip, startWith, switchMap, timer } from 'rxjs';
import { Clock } from '../shared/clock';
import { retryWithBackoff } from './backoff';
import { FleetApi } from './fleet-api';
import type { FleetQuery } from './fleet-query';
import { EMPTY_QUERY } from './fleet-query';
import { applyToPage } from './live-events';
import type { LiveEvent } from './live-stream';
import { LiveStream } from './live-stream';
import { pollTicks } from './poll-schedule';
import { isStale } from './staleness';

export const SEARCH_DEBOUNCE_MS = 250;
/** Customers change rarely; refreshing now and then lets new ones appear in the filter. */
export const CUSTOMERS_REFRESH_MS = 60_000;

/** The filters the store starts with: the page gives those of its address (fleet-url/). */
export const FLEET_QUERY_AT_START = new InjectionToken<FleetQuery>('FLEET_QUERY_AT_START', { factory: () => EMPTY_QUERY });

const NO_COUNTS = { online: 0, offline: 0, unknown: 0 };

/** A new query, and how long to wait before asking the server about it. */
interface QueryChange {
  filters: FleetQuery;
  delayMs: number;
}

/** An answer with the filters it answered, so live events are judged against those. */
interface ShownPage {
  filters: FleetQuery;
  page: SearchAssetsResponse;
}

/**
 * The fleet page's state. When first injected it starts polling the asset search and listening to
 * the live stream, and it stops when the app is destroyed; it exposes what it learns as signals,
 * and components only read those and call the setters.
 */
@Injectable({ providedIn: 'root' })
export class FleetStore {
  private readonly api = inject(FleetApi);
  private readonly clock = inject(Clock);
  private readonly live = inject(LiveStream);
  private readonly startedAt = this.clock.read();
  private readonly queries = new Subject<QueryChange>();
  private readonly liveEventsSubject = new Subject<LiveEvent>();

  private readonly filtersState = signal<FleetQuery>(inject(FLEET_QUERY_AT_START));
  private readonly shown = signal<ShownPage | null>(null);
  private readonly customersState = signal<CustomerDto[]>([]);
  private readonly lastPollAt = signal<number | null>(null);
  private readonly liveLostAt = signal<number | null>(null);
  private readonly failingState = signal(false);

  readonly filters = this.filtersState.asReadonly();
  readonly customers = this.customersState.asReadonly();
  /** True while the latest request failed; cleared by the next good answer. */
  readonly failing = this.failingState.asReadonly();
  /** Every live event, for views that follow one asset more closely than the table does. */
  readonly liveEvents = this.liveEventsSubject.asObservable();

  readonly assets = computed(() => this.shown()?.page.items ?? []);
  readonly total = computed(() => this.shown()?.page.total ?? 0);
  readonly counts = computed(() => this.shown()?.page.counts ?? NO_COUNTS);
  readonly loaded = computed(() => this.shown() !== null);
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
    const queries = this.queries.pipe(startWith<QueryChange>({ filters: this.filtersState(), delayMs: 0 }));
    queries
      .pipe(
        // A new query drops the old poll, including a request still in flight for stale filters.
        switchMap(({ filters, delayMs }) => this.poll(filters, delayMs)),
        takeUntilDestroyed(),
      )
      .subscribe((shown) => this.accept(shown));

    queries
      .pipe(
        map(({ filters }) => filters.customerId),
        distinctUntilChanged(),
        switchMap((customerId) => this.live.connect(customerId ? { customerId } : {})),
        takeUntilDestroyed(),
      )
      .subscribe((event) => this.applyLive(event));

    this.live.connected$.pipe(skip(1), takeUntilDestroyed()).subscribe((up) => {
      if (!up && this.loaded()) this.liveLostAt.set(this.clock.read());
    });

    timer(0, CUSTOMERS_REFRESH_MS)
      .pipe(
        exhaustMap(() => this.api.listCustomers().pipe(retryWithBackoff())),
        takeUntilDestroyed(),
      )
      .subscribe((customers) => this.customersState.set(customers));
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

  /** All filters at once, from the address (Back, Forward, a link): re-queries at once if any changed. */
  applyQuery(query: FleetQuery): void {
    const current = this.filtersState();
    if ((Object.keys(query) as (keyof FleetQuery)[]).every((name) => query[name] === current[name])) return;
    this.update(query, 0);
  }

  private update(patch: Partial<FleetQuery>, delayMs: number): void {
    const filters = { ...this.filtersState(), ...patch };
    this.filtersState.set(filters);
    this.queries.next({ filters, delayMs });
  }

  private poll(filters: FleetQuery, delayMs: number): Observable<ShownPage> {
    return pollTicks(this.live.connected$, delayMs).pipe(
      // Ticks that come while a request is slow or backing off after errors are skipped, so
      // retries keep their growing pauses instead of being overtaken by the poll.
      exhaustMap(() => this.api.searchAssets(filters).pipe(retryWithBackoff(() => this.failingState.set(true)))),
      map((page) => ({ filters, page })),
    );
  }

  private accept(shown: ShownPage): void {
    this.shown.set(shown);
    this.lastPollAt.set(this.clock.read());
    this.failingState.set(false);
  }

  private applyLive(event: LiveEvent): void {
    // A resync means the stream lost events it cannot replay: start the poll again, asking at once.
    if (event.type === 'resync') this.queries.next({ filters: this.filtersState(), delayMs: 0 });
    else this.updatePage((s) => applyToPage(s.page, event, s.filters.status));
    this.liveEventsSubject.next(event);
  }

  private updatePage(change: (shown: ShownPage) => SearchAssetsResponse): void {
    this.shown.update((shown) => {
      if (!shown) return shown;
      const page = change(shown);
      return page === shown.page ? shown : { ...shown, page };
    });
  }
}
