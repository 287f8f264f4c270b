import { Injectable, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { CustomerDto } from '@beacon/contracts';
import { exhaustMap, timer } from 'rxjs';
import { retryWithBackoff } from './backoff';
import { FleetApi } from './fleet-api';

/** Customers change rarely; refreshing now and then lets new ones appear in the filter. */
export const CUSTOMERS_REFRESH_MS = 60_000;

/**
 * The customers the key may see, for the customer filter: read when first injected, then now and
 * then. A failure is retried with backoff and never marks the fleet's rows stale: the filter only
 * offers fewer choices meanwhile.
 */
@Injectable({ providedIn: 'root' })
export class FleetCustomers {
  private readonly api = inject(FleetApi);
  private readonly state = signal<CustomerDto[]>([]);

  readonly list = this.state.asReadonly();

  constructor() {
    timer(0, CUSTOMERS_REFRESH_MS)
      .pipe(
        exhaustMap(() => this.api.listCustomers().pipe(retryWithBackoff())),
        takeUntilDestroyed(),
      )
      .subscribe((customers) => this.state.set(customers));
  }
}
