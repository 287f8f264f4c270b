import type { HttpParams } from '@angular/common/http';
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CustomerDto, CustomerList, SearchAssetsQueryParams, SearchAssetsResponse } from '@beacon/contracts';
import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import { toHttpParams } from '../shared/query-params';
import type { FleetQuery } from './fleet-query';
import { FLEET_PAGE_SIZE } from './fleet-query';

/** The two reads the fleet page needs. URLs are relative: the server serves the dashboard itself. */
@Injectable({ providedIn: 'root' })
export class FleetApi {
  private readonly http = inject(HttpClient);

  /** One page of the search: the first, or the one after `cursor` (a previous page's `nextCursor`). */
  searchAssets(filters: FleetQuery, cursor = '', limit = FLEET_PAGE_SIZE): Observable<SearchAssetsResponse> {
    return this.http.get<SearchAssetsResponse>('/api/v1/assets', {
      params: toSearchParams(filters, cursor, limit),
    });
  }

  listCustomers(): Observable<CustomerDto[]> {
    return this.http.get<CustomerList>('/api/v1/customers').pipe(map((response) => response.items));
  }
}

/** The search for what the user has chosen; unset filters ('') are left out of the query string. */
export function toSearchParams(filters: FleetQuery, cursor = '', limit = FLEET_PAGE_SIZE): HttpParams {
  const query: SearchAssetsQueryParams = {
    limit,
    q: filters.q.trim(),
    customerId: filters.customerId,
    status: filters.status,
    kind: filters.kind,
    bbox: filters.bbox,
    sort: filters.sort,
    cursor,
  };
  return toHttpParams(query);
}
