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
    jasmine.clock().mockDate(new Date('2026-11-25T12:00:00.000Z'));
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

  it('loads the asset and at most 500 points of its last 24 h', () => {
    store.open(ID);
    expect(store.selectedId()).toBe(ID);

    const asset = anAsset({ id: ID });
    expectAsset().flush(asset);
    const track = expectTrack();
    expect(track.request.params.get('maxPoints')).toBe('500');
    expect(track.request.params.get('from')).toBe('2026-11-24T12:00:00.000Z');
    expect(track.request.params.has('to')).withContext('the window ends now, at the server').toBeFalse();
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

  it('loads only the track again over another range, dropping what it had', () => {
    store.open(ID);
    expectAsset().flush(anAsset({ id: ID }));
    expectTrack().flush({ thinned: true, points: [aTrackPoint(0), aTrackPoint(1)] });
    store.setReplayAt(Date.parse(aTrackPoint(0).timestamp));

    store.setRange({ kind: 'last', hours: 1 });
    expect(store.trackLoaded()).toBeFalse();
    expect(store.replayAt()).withContext('the replay starts over').toBeNull();
    const lastHour = expectTrack();
    expect(lastHour.request.params.get('from')).toBe('2026-11-25T11:00:00.000Z');
    expect(lastHour.request.params.get('maxPoints')).toBe('500');
    http.expectNone(`/api/v1/assets/${ID}`);

    store.setRange({ kind: 'custom', from: '2026-11-20T08:00:00.000Z', to: '2026-11-20T17:00:00.000Z' });
    expect(lastHour.cancelled).toBeTrue();
    const custom = expectTrack();
    expect(custom.request.params.get('from')).toBe('2026-11-20T08:00:00.000Z');
    expect(custom.request.params.get('to')).toBe('2026-11-20T17:00:00.000Z');
    custom.flush({ thinned: false, points: [aTrackPoint(5)] });
    expect(minutes()).toEqual([5]);
    expect(store.trackThinned()).toBeFalse();
  });

  it('keeps the chosen range for the next asset', () => {
    store.setRange({ kind: 'last', hours: 1 });
    store.open(ID);
    expectAsset().flush(anAsset({ id: ID }));
    expect(expectTrack().request.params.get('from')).toBe('2026-11-25T11:00:00.000Z');
  });

  it('draws no live positions onto a custom range in the past, but still follows the asset', () => {
    store.setRange({ kind: 'custom', from: '2026-11-25T10:00:00.000Z', to: '2026-11-25T11:30:00.000Z' });
    store.open(ID);
    expectAsset().flush(anAsset({ id: ID }));
    expectTrack().flush({ thinned: false, points: [aTrackPoint(0), aTrackPoint(1)] });

    live.next(position(45));
    expect(minutes()).toEqual([0, 1]);
    expect(store.asset()?.position).toEqual(aPositionAt(45));
  });

  it('replays the track: the position at the chosen moment, and the track for the map keyed by asset and range', () => {
    store.open(ID);
    expect(store.mapTrack()).toBeNull();
    expectAsset().flush(anAsset({ id: ID }));
    expectTrack().flush({ thinned: false, points: [aTrackPoint(0), aTrackPoint(2)] });
    const key = store.mapTrack()?.key;
    expect(store.mapTrack()?.points.length).toBe(2);

    store.setReplayAt(Date.parse(aTrackPoint(1).timestamp));
    expect(store.replayPosition()?.lat).toBeCloseTo(aTrackPoint(1).lat, 9);
    live.next(position(3));
    expect(store.mapTrack()?.key).withContext('live points do not make a new track').toBe(key);
    expect(store.mapTrack()?.points.length).toBe(3);

    store.close();
    expect(store.mapTrack()).toBeNull();
    expect(store.replayPosition()).toBeNull();
  });
});
