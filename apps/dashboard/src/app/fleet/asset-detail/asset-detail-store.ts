import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { AssetDto } from '@beacon/contracts';
import type { MonoTypeOperatorFunction, Observable } from 'rxjs';
import { BehaviorSubject, EMPTY, Subject, catchError, merge, retry, switchMap, tap, throwError, timer } from 'rxjs';
import { Clock } from '../../shared/clock';
import { backoffMs } from '../backoff';
import { FleetStore } from '../fleet-store';
import { withPosition, withStatus } from '../live-events';
import type { LiveEvent } from '../live-stream';
import { AssetDetailApi } from './asset-detail-api';
import type { MapTrack } from '../fleet-map/track-features';
import type { TrackRange } from '../track-range/track-range';
import { DEFAULT_TRACK_RANGE, followsLive, sameRange, trackQueryFor } from '../track-range/track-range';
import { replayPositionAt } from '../track-replay/replay-position';
import type { TrackPoint } from './track';
import { TRACK_MAX_POINTS, appendPoint, toTrackPoint, withLivePoints } from './track';

export type DetailProblem = 'not_found' | 'unavailable';

/**
 * The asset panel's state: the open asset and its track over the chosen range, loaded once and then
 * kept up to date by the fleet's live events, and the moment of the track being replayed. Provided
 * by the page, so it lives as long as the page does, and the map can draw the track too.
 */
@Injectable()
export class AssetDetailStore {
  private readonly api = inject(AssetDetailApi);
  private readonly liveEvents = inject(FleetStore).liveEvents;
  private readonly clock = inject(Clock);
  private readonly loads = new Subject<string | null>();
  private readonly ranges = new BehaviorSubject<TrackRange>(DEFAULT_TRACK_RANGE);

  private readonly selectedIdState = signal<string | null>(null);
  private readonly assetState = signal<AssetDto | null>(null);
  private readonly loadedTrack = signal<readonly TrackPoint[] | null>(null);
  private readonly livePoints = signal<readonly TrackPoint[]>([]);
  private readonly trackThinnedState = signal(false);
  private readonly notFound = signal(false);
  private readonly assetFailing = signal(false);
  private readonly trackFailing = signal(false);
  private readonly rangeState = signal<TrackRange>(DEFAULT_TRACK_RANGE);
  private readonly replayAtState = signal<number | null>(null);

  readonly selectedId = this.selectedIdState.asReadonly();
  readonly asset = this.assetState.asReadonly();
  readonly trackLoaded = computed(() => this.loadedTrack() !== null);
  readonly track = computed(() => withLivePoints(this.loadedTrack() ?? [], this.livePoints()));
  /** The server thinned the loaded track: its points stand for more positions than it holds. */
  readonly trackThinned = this.trackThinnedState.asReadonly();
  /** The window the track covers; kept when another asset is opened. */
  readonly range = this.rangeState.asReadonly();
  /** The replayed moment (epoch ms), or null while the replay is at rest. */
  readonly replayAt = this.replayAtState.asReadonly();
  readonly replayPosition = computed(() => {
    const time = this.replayAtState();
    return time === null ? null : replayPositionAt(this.track(), time);
  });
  /** The track for the map; its key changes only when another asset or range is shown, so the map frames it once. */
  readonly mapTrack = computed<MapTrack | null>(() => {
    const id = this.selectedIdState();
    if (id === null || !this.trackLoaded()) return null;
    return { key: `${id} ${JSON.stringify(this.rangeState())}`, points: this.track() };
  });
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

  /** Shows the track over another window: the open asset's track is loaded again, its fields are kept. */
  setRange(range: TrackRange): void {
    if (sameRange(range, this.rangeState())) return;
    this.rangeState.set(range);
    this.resetTrack();
    this.ranges.next(range);
  }

  setReplayAt(time: number | null): void {
    this.replayAtState.set(time);
  }

  private reset(id: string | null): void {
    this.selectedIdState.set(id);
    this.assetState.set(null);
    this.notFound.set(false);
    this.assetFailing.set(false);
    this.resetTrack();
  }

  private resetTrack(): void {
    this.loadedTrack.set(null);
    this.livePoints.set([]);
    this.trackThinnedState.set(false);
    this.trackFailing.set(false);
    this.replayAtState.set(null);
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
    // Another range drops the request for the one before.
    const track = this.ranges.pipe(
      switchMap((range) =>
        this.api.getTrack(id, trackQueryFor(range, this.clock.read(), TRACK_MAX_POINTS)).pipe(
          retryUnlessNotFound(() => this.trackFailing.set(true)),
          catchError(() => [{ points: [], thinned: false }]),
        ),
      ),
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
    if (!followsLive(this.rangeState())) return;
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
