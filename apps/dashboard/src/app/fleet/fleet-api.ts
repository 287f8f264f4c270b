import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CustomerDto,
  CustomerList,
  SearchAssetsResponse,
} from '@beacon/contracts';
import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import type { FleetQuery } from './fleet-query';
import { FLEET_PAGE_LIMIT } from './fleet-query';

/** The two reads the fleet page needs. URLs are relative: the server serves the dashboard itself. */
@Injectable({ providedIn: 'root' })
export class FleetApi {
  private readonly http = inject(HttpClient);

  searchAssets(filters: FleetQuery): Observable<SearchAssetsResponse> {
    return this.http.get<SearchAssetsResponse>('/api/v1/assets', {
      params: toSearchParams(filters),
    });
  }

  listCustomers(): Observable<CustomerDto[]> {
    return this.http
      .get<CustomerList>('/api/v1/customers')
      .pipe(map((response) => response.items));
  }
}

/** Unset filters are left out rather than sent empty (`status=` is not a valid status). */
export function toSearchParams(filters: FleetQuery): HttpParams {
  let params = new HttpParams().set('limit', FLEET_PAGE_LIMIT);
  const q = filters.q.trim();
  if (q) params = params.set('q', q);
  if (filters.customerId) params = params.set('customerId', filters.customerId);
  if (filters.status) params = params.set('status', filters.status);
  return params;
}
