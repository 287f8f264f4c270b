import { Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type {
  AssetStatus,
  SearchAssetsResponse,
  StatusCounts,
} from '@beacon/contracts';
import type { Observable } from 'rxjs';
import { Subject, exhaustMap, startWith, switchMap, timer } from 'rxjs';
import { Clock } from '../shared/clock';
import { retryWithBackoff } from './backoff';
import type { CustomerSummary } from './customer';
import { FleetApi } from './fleet-api';
import type { FleetQuery } from './fleet-query';
import { EMPTY_QUERY } from './fleet-query';
import { isStale } from './staleness';

/** A heartbeat must show within 2 s: a 1 s poll leaves the rest for the projection. */
export const POLL_INTERVAL_MS = 1_000;
export const SEARCH_DEBOUNCE_MS = 250;
/** Customers change rarely; refreshing now and then lets new ones appear in the filter. */
export const CUSTOMERS_REFRESH_MS = 60_000;

const NO_COUNTS: StatusCounts = { online: 0, offline: 0, unknown: 0 };

/** A new query, and how long to wait before asking the server about it. */
interface QueryChange {
  filters: FleetQuery;
  delayMs: number;
}

/**
 * The fleet page's state. It starts polling the asset search when first injected and stops when the
 * app is destroyed; it exposes what it learns as signals, and components only read those and call
 * the setters.
 */
@Injectable({ providedIn: 'root' })
export class FleetStore {
  private readonly api = inject(FleetApi);
  private readonly clock = inject(Clock);
  private readonly startedAt = this.clock.read();
  private readonly queries = new Subject<QueryChange>();

  private readonly filtersState = signal<FleetQuery>(EMPTY_QUERY);
  private readonly response = signal<SearchAssetsResponse | null>(null);
  private readonly customersState = signal<CustomerSummary[]>([]);
  private readonly lastSuccessAtState = signal<number | null>(null);
  private readonly failingState = signal(false);

  readonly filters = this.filtersState.asReadonly();
  readonly customers = this.customersState.asReadonly();
  readonly lastSuccessAt = this.lastSuccessAtState.asReadonly();
  /** True while the latest request failed; cleared by the next good answer. */
  readonly failing = this.failingState.asReadonly();

  readonly assets = computed(() => this.response()?.items ?? []);
  readonly total = computed(() => this.response()?.total ?? 0);
  readonly counts = computed(() => this.response()?.counts ?? NO_COUNTS);
  readonly loaded = computed(() => this.response() !== null);
  readonly stale = computed(() =>
    isStale(
      this.lastSuccessAt() ?? this.startedAt,
      this.failing(),
      this.clock.now(),
    ),
  );

  constructor() {
    this.queries
      .pipe(
        startWith<QueryChange>({ filters: EMPTY_QUERY, delayMs: 0 }),
        // A new query drops the old poll, including a request still in flight for stale filters.
        switchMap(({ filters, delayMs }) => this.poll(filters, delayMs)),
        takeUntilDestroyed(),
      )
      .subscribe((response) => this.accept(response));

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

  private update(patch: Partial<FleetQuery>, delayMs: number): void {
    const filters = { ...this.filtersState(), ...patch };
    this.filtersState.set(filters);
    this.queries.next({ filters, delayMs });
  }

  private poll(
    filters: FleetQuery,
    delayMs: number,
  ): Observable<SearchAssetsResponse> {
    return timer(delayMs, POLL_INTERVAL_MS).pipe(
      // Ticks that come while a request is slow or backing off after errors are skipped, so
      // retries keep their growing pauses instead of being overtaken by the poll.
      exhaustMap(() =>
        this.api
          .searchAssets(filters)
          .pipe(retryWithBackoff(() => this.failingState.set(true))),
      ),
    );
  }

  private accept(response: SearchAssetsResponse): void {
    this.response.set(response);
    this.lastSuccessAtState.set(this.clock.read());
    this.failingState.set(false);
  }
}
