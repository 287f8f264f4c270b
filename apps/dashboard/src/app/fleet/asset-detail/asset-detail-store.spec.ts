import { provideHttpClient } from '@angular/common/http';
import type { TestRequest } from '@angular/common/http/testing';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import { anAsset } from '../../../testing/fleet-fixtures';
import { aPositionAt, aTrackPoint } from '../../../testing/track-fixtures';
import { FleetStore } from '../fleet-store';
import type { LiveEvent } from '../live-stream';
import { AssetDetailStore } from './asset-detail-store';

describe('AssetDetailStore', () => {
  const ID = 'WVWZZZ1JZXW000001';
  let http: HttpTestingController;
  let live: Subject<LiveEvent>;
  let store: AssetDetailStore;

  const expectAsset = (id = ID): TestRequest => http.expectOne(`/api/v1/assets/${id}`);
  const expectTrack = (id = ID): TestRequest => http.expectOne((r) => r.url === `/api/v1/assets/${id}/track`);
  const minutes = () => store.track().map((p) => new Date(p.timestamp).getUTCMinutes());
  const position = (minute: number, id = ID): LiveEvent => ({
    type: 'position',
    data: { id, position: aPositionAt(minute) },
  });

  beforeEach(() => {
    jasmine.clock().install();
    live = new Subject<LiveEvent>();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        AssetDetailStore,
        { provide: FleetStore, useValue: { liveEvents: live } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(AssetDetailStore);
  });

  afterEach(() => {
    http.verify();
    TestBed.resetTestingModule();
    jasmine.clock().uninstall();
  });

  it('loads the asset and at most 500 points of its track', () => {
    store.open(ID);
    expect(store.selectedId()).toBe(ID);

    const asset = anAsset({ id: ID });
    expectAsset().flush(asset);
    const track = expectTrack();
    expect(track.request.params.get('maxPoints')).toBe('500');
    expect(track.request.params.keys()).withContext('the server picks the last 24 h').toEqual(['maxPoints']);
    expect(store.trackLoaded()).toBeFalse();
    track.flush({ thinned: false, points: [aTrackPoint(0), aTrackPoint(1)] });

    expect(store.asset()).toEqual(asset);
    expect(store.trackLoaded()).toBeTrue();
    expect(minutes()).toEqual([0, 1]);
    expect(store.trackThinned()).toBeFalse();
    expect(store.problem()).toBeNull();
  });

  it('escapes the asset id in the path', () => {
    store.open('~a/b');
    expectAsset('~a%2Fb').flush(anAsset({ id: '~a/b' }));
    expectTrack('~a%2Fb').flush({ thinned: false, points: [] });
    expect(store.track()).toEqual([]);
  });

  it('draws the open asset’s live positions onto its track and into its fields', () => {
    store.open(ID);
    expectAsset().flush(anAsset({ id: ID, lastSeenAt: aTrackPoint(1).timestamp }));
    expectTrack().flush({ thinned: false, points: [aTrackPoint(0), aTrackPoint(1)] });

    live.next(position(2));
    live.next(position(9, 'someone-else'));
    live.next(position(1));
    live.next(position(3));

    expect(minutes()).toEqual([0, 1, 2, 3]);
    expect(store.asset()?.position).toEqual(aPositionAt(3));
    expect(store.asset()?.lastSeenAt).toBe(aTrackPoint(3).timestamp);
  });

  it('keeps live positions that came before the track answered, without doubling any', () => {
    store.open(ID);
    live.next(position(1));
    live.next(position(2));
    expectAsset().flush(anAsset({ id: ID }));
    expectTrack().flush({ thinned: false, points: [aTrackPoint(0), aTrackPoint(1)] });

    expect(minutes()).toEqual([0, 1, 2]);
  });

  it('follows the open asset’s status', () => {
    store.open(ID);
    expectAsset().flush(
      anAsset({
        id: ID,
        status: 'online',
        lastSeenAt: aTrackPoint(0).timestamp,
      }),
    );
    expectTrack().flush({ thinned: false, points: [] });

    live.next({
      type: 'status',
      data: { id: ID, status: 'offline', at: aTrackPoint(1).timestamp },
    });
    expect(store.asset()?.status).toBe('offline');
  });

  it('says so when the asset does not exist, and does not ask again', () => {
    store.open('nope');
    expectAsset('nope').flush({ error: 'unknown_asset' }, { status: 404, statusText: 'Not Found' });
    expectTrack('nope').flush({ error: 'unknown_asset' }, { status: 404, statusText: 'Not Found' });

    expect(store.problem()).toBe('not_found');
    expect(store.asset()).toBeNull();
    jasmine.clock().tick(60_000);
    http.expectNone(() => true);
  });

  it('retries other failures with backoff, saying the server is unreachable meanwhile', () => {
    store.open(ID);
    expectAsset().flush(null, { status: 503, statusText: 'Unavailable' });
    expectTrack().flush({ thinned: false, points: [aTrackPoint(0)] });
    expect(store.problem()).toBe('unavailable');

    jasmine.clock().tick(999);
    http.expectNone(`/api/v1/assets/${ID}`);
    jasmine.clock().tick(1);
    expectAsset().flush(anAsset({ id: ID }));
    expect(store.problem()).toBeNull();
    expect(store.asset()?.id).toBe(ID);
  });

  it('drops the first asset’s requests and updates when another is opened', () => {
    store.open('first');
    const firstAsset = expectAsset('first');
    const firstTrack = expectTrack('first');
    store.open(ID);

    expect(firstAsset.cancelled).toBeTrue();
    expect(firstTrack.cancelled).toBeTrue();
    expectAsset().flush(anAsset({ id: ID }));
    expectTrack().flush({ thinned: false, points: [] });
    live.next(position(5, 'first'));
    expect(store.track()).toEqual([]);
  });

  it('does not reload when the open asset is opened again', () => {
    store.open(ID);
    expectAsset().flush(anAsset({ id: ID }));
    expectTrack().flush({ thinned: false, points: [aTrackPoint(0)] });
    store.open(ID);
    http.expectNone(() => true);
    expect(store.trackLoaded()).toBeTrue();
  });

  it('forgets everything and stops listening when closed', () => {
    store.open(ID);
    expectAsset().flush(anAsset({ id: ID }));
    const track = expectTrack();
    store.close();

    expect(track.cancelled).toBeTrue();
    expect(store.selectedId()).toBeNull();
    expect(store.asset()).toBeNull();
    live.next(position(5));
    expect(store.track()).toEqual([]);
  });

  it('loads again after a resync, showing what it has meanwhile', () => {
    store.open(ID);
    expectAsset().flush(anAsset({ id: ID }));
    expectTrack().flush({ thinned: false, points: [aTrackPoint(0)] });
    live.next(position(1));

    live.next({ type: 'resync', data: { reason: 'events expired' } });
    expect(minutes()).toEqual([0, 1]);
    expectAsset().flush(anAsset({ id: ID }));
    expectTrack().flush({
      points: [aTrackPoint(0), aTrackPoint(1), aTrackPoint(2)],
      thinned: true,
    });
    expect(minutes()).toEqual([0, 1, 2]);
    expect(store.trackThinned()).withContext('the reloaded track was thinned').toBeTrue();

    live.next(position(3));
    expect(minutes()).withContext('still listening after the reload').toEqual([0, 1, 2, 3]);
  });
});
