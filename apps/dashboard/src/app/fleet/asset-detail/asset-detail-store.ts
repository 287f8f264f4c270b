import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { AssetDto } from '@beacon/contracts';
import type { MonoTypeOperatorFunction, Observable } from 'rxjs';
import { EMPTY, Subject, catchError, merge, retry, switchMap, tap, throwError, timer } from 'rxjs';
import { backoffMs } from '../backoff';
import { FleetStore } from '../fleet-store';
import { withPosition, withStatus } from '../live-events';
import type { LiveEvent } from '../live-stream';
import { AssetDetailApi } from './asset-detail-api';
import type { TrackPoint } from './track';
import { appendPoint, toTrackPoint, withLivePoints } from './track';

export type DetailProblem = 'not_found' | 'unavailable';

/**
 * The asset panel's state: the open asset and its track, loaded once and then kept up to date by
 * the fleet's live events. Provided by the page, so it lives as long as the page does.
 */
@Injectable()
export class AssetDetailStore {
  private readonly api = inject(AssetDetailApi);
  private readonly liveEvents = inject(FleetStore).liveEvents;
  private readonly loads = new Subject<string | null>();

  private readonly selectedIdState = signal<string | null>(null);
  private readonly assetState = signal<AssetDto | null>(null);
  private readonly loadedTrack = signal<readonly TrackPoint[] | null>(null);
  private readonly livePoints = signal<readonly TrackPoint[]>([]);
  private readonly trackThinnedState = signal(false);
  private readonly notFound = signal(false);
  private readonly assetFailing = signal(false);
  private readonly trackFailing = signal(false);

  readonly selectedId = this.selectedIdState.asReadonly();
  readonly asset = this.assetState.asReadonly();
  readonly trackLoaded = computed(() => this.loadedTrack() !== null);
  readonly track = computed(() => withLivePoints(this.loadedTrack() ?? [], this.livePoints()));
  /** The server thinned the loaded track: its points stand for more positions than it holds. */
  readonly trackThinned = this.trackThinnedState.asReadonly();
  readonly problem = computed<DetailProblem | null>(() => {
    if (this.notFound()) return 'not_found';
    return this.assetFailing() || this.trackFailing() ? 'unavailable' : null;
  });

  constructor() {
    this.loads
      .pipe(
        // Opening another asset drops the requests and live updates of the one before.
        switchMap((id) => (id === null ? EMPTY : this.follow(id))),
        takeUntilDestroyed(),
      )
      .subscribe();
  }

  open(id: string): void {
    if (id === this.selectedIdState()) return;
    this.reset(id);
    this.loads.next(id);
  }

  close(): void {
    this.reset(null);
    this.loads.next(null);
  }

  private reset(id: string | null): void {
    this.selectedIdState.set(id);
    this.assetState.set(null);
    this.loadedTrack.set(null);
    this.livePoints.set([]);
    this.trackThinnedState.set(false);
    this.notFound.set(false);
    this.assetFailing.set(false);
    this.trackFailing.set(false);
  }

  private follow(id: string): Observable<unknown> {
    const asset = this.api.getAsset(id).pipe(
      retryUnlessNotFound(() => this.assetFailing.set(true)),
      tap((loaded) => {
        this.assetState.set(loaded);
        this.assetFailing.set(false);
      }),
      catchError(() => {
        this.notFound.set(true);
        return EMPTY;
      }),
    );
    const track = this.api.getTrack(id).pipe(
      retryUnlessNotFound(() => this.trackFailing.set(true)),
      catchError(() => [{ points: [], thinned: false }]),
      tap(({ points, thinned }) => {
        this.loadedTrack.set(points);
        this.trackThinnedState.set(thinned);
        this.trackFailing.set(false);
      }),
    );
    const live = this.liveEvents.pipe(tap((event) => this.apply(id, event)));
    return merge(asset, track, live);
  }

  private apply(id: string, event: LiveEvent): void {
    if (event.type === 'resync') {
      // The stream lost events, track points among them: load again, showing what we have meanwhile.
      this.loads.next(id);
      return;
    }
    if (event.data.id !== id) return;
    if (event.type === 'status') {
      this.assetState.update((a) => a && withStatus(a, event.data));
      return;
    }
    this.assetState.update((a) => a && withPosition(a, event.data));
    const point = toTrackPoint(event.data.position);
    this.livePoints.update((points) => appendPoint(points, point));
  }
}

/** A missing asset will not appear by asking again; anything else is retried with backoff. */
function retryUnlessNotFound<T>(onFailure: () => void): MonoTypeOperatorFunction<T> {
  return retry({
    delay: (error: unknown, attempt) => {
      if (error instanceof HttpErrorResponse && error.status === 404) return throwError(() => error);
      onFailure();
      return timer(backoffMs(attempt));
    },
  });
}
