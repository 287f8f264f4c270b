import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import { anAsset } from '../../../testing/fleet-fixtures';
import { aPositionAt, aTrackPoint } from '../../../testing/track-fixtures';
import { FleetStore } from '../fleet-store';
import type { LiveEvent } from '../live-stream';
import { AssetDetail } from './asset-detail';
import { AssetDetailStore } from './asset-detail-store';

describe('AssetDetail', () => {
  const ID = 'YS2R4X20005399401';
  const now = Date.parse('2026-11-25T12:00:00.000Z');
  let http: HttpTestingController;
  let live: Subject<LiveEvent>;
  let store: AssetDetailStore;
  let fixture: ComponentFixture<AssetDetail>;
  let host: HTMLElement;

  const text = (id: string) => host.querySelector(`[data-testid="${id}"]`)?.textContent?.trim();

  function openAndAnswer(thinned = false): void {
    store.open(ID);
    http.expectOne(`/api/v1/assets/${ID}`).flush(
      anAsset({
        id: ID,
        registration: 'ABC123',
        customerName: 'Johans Bulk AB',
        status: 'online',
        lastSeenAt: aTrackPoint(59).timestamp,
        position: { ...aPositionAt(59), altitude: 40, speed: 12.5 },
      }),
    );
    http
      .expectOne((r) => r.url === `/api/v1/assets/${ID}/track`)
      .flush({ thinned, points: [aTrackPoint(0), aTrackPoint(30), aTrackPoint(59)] });
    fixture.detectChanges();
  }

  beforeEach(() => {
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
    fixture = TestBed.createComponent(AssetDetail);
    fixture.componentRef.setInput('now', now);
    host = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => http.verify());

  it('says it is loading until the server answers', () => {
    store.open(ID);
    fixture.detectChanges();
    expect(text('detail-title')).toBe(ID);
    expect(host.textContent).toContain('Loading…');
    expect(host.textContent).toContain('Loading track…');
    for (const request of http.match(() => true)) request.flush(null, { status: 404, statusText: 'Not Found' });
  });

  it('shows the asset’s fields', () => {
    openAndAnswer();

    expect(text('detail-title')).toBe('ABC123');
    expect(text('detail-id')).toBe(ID);
    expect(host.textContent).toContain('Johans Bulk AB');
    expect(host.querySelector('[data-testid="detail-status"] bcn-status-badge')?.getAttribute('data-status')).toBe('online');
    expect(text('detail-last-seen')).toBe('1 min ago');
    expect(text('detail-position')).toBe('59.24900, 17.73800');
    expect(text('detail-speed')).toBe('45 km/h');
  });

  it('sums up the track, charts its speed and offers its replay', async () => {
    openAndAnswer();
    // The chart is a deferred block: the first spec to show it (the order is random) waits for its chunk.
    await fixture.whenStable();
    fixture.detectChanges();

    expect(text('track-count')).toBe('3');
    expect(text('track-span')).toBe('59 min');
    expect(host.querySelector('[data-testid="track-summary"]')?.getAttribute('title')).toBe(
      '2026-11-25T11:00:00.000Z – 2026-11-25T11:59:00.000Z',
    );
    expect(text('track-thinned')).toBeUndefined();
    expect(host.querySelector('bcn-track-profile')).not.toBeNull();
    expect(host.querySelector('[data-testid="replay-slider"]')).not.toBeNull();
    expect(host.querySelector('svg')).withContext('the map draws the track, not the panel').toBeNull();
  });

  it('charts and replays a track of two points or more only: one point has no course over time', () => {
    store.open(ID);
    http.expectOne(`/api/v1/assets/${ID}`).flush(anAsset({ id: ID }));
    http.expectOne((r) => r.url === `/api/v1/assets/${ID}/track`).flush({ thinned: false, points: [aTrackPoint(0)] });
    fixture.detectChanges();

    expect(text('track-count')).toBe('1');
    expect(host.querySelector('bcn-track-profile')).toBeNull();
    expect(host.querySelector('bcn-track-replay')).toBeNull();
    expect(text('track-empty')).toBeUndefined();
  });

  it('says when the server thinned the track', () => {
    openAndAnswer(true);
    expect(text('track-thinned')).toBe(', thinned');
  });

  it('extends the drawn track with the asset’s live positions', () => {
    openAndAnswer();
    live.next({
      type: 'position',
      data: { id: ID, position: aPositionAt(75) },
    });
    fixture.detectChanges();

    expect(text('track-count')).toBe('4');
    expect(text('track-span')).toBe('1 h 15 min');
    expect(text('detail-last-seen')).toBe('0 s ago');
  });

  it('loads the track again over the period chosen', () => {
    openAndAnswer();
    const select = host.querySelector<HTMLSelectElement>('[data-testid="track-range"]');
    if (!select) throw new Error('no period');
    select.value = 'hour';
    select.dispatchEvent(new Event('change'));
    fixture.detectChanges();

    expect(host.textContent).toContain('Loading track…');
    const track = http.expectOne((r) => r.url === `/api/v1/assets/${ID}/track`);
    expect(track.request.params.has('from')).toBeTrue();
    track.flush({ thinned: false, points: [] });
    fixture.detectChanges();
    expect(text('track-empty')).toBe('No positions in this period.');
  });

  it('closes from its close button and from the Escape key', () => {
    openAndAnswer();
    host.querySelector<HTMLButtonElement>('[data-testid="detail-close"]')?.click();
    expect(store.selectedId()).toBeNull();

    store.open('other');
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(store.selectedId()).toBeNull();
    expect(http.match(() => true).every((r) => r.cancelled)).toBeTrue();
  });

  it('says when there is no such asset', () => {
    store.open('nope');
    for (const request of http.match(() => true)) request.flush(null, { status: 404, statusText: 'Not Found' });
    fixture.detectChanges();

    expect(text('detail-problem')).toBe('No asset with id nope.');
    expect(host.textContent).not.toContain('Loading…');
  });
});
