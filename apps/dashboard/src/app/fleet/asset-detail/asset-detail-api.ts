import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AssetDto, TrackQueryParams, TrackResponse } from '@beacon/contracts';
import type { Observable } from 'rxjs';
import { toHttpParams } from '../../shared/query-params';

/** The two reads the asset panel needs. */
@Injectable({ providedIn: 'root' })
export class AssetDetailApi {
  private readonly http = inject(HttpClient);

  getAsset(id: string): Observable<AssetDto> {
    return this.http.get<AssetDto>(assetUrl(id));
  }

  getTrack(id: string, query: TrackQueryParams): Observable<TrackResponse> {
    return this.http.get<TrackResponse>(`${assetUrl(id)}/track`, { params: toHttpParams(query) });
  }
}

/** Aircraft ids may hold `~`; anything else odd in an id must not change the path. */
function assetUrl(id: string): string {
  return `/api/v1/assets/${encodeURIComponent(id)}`;
}
