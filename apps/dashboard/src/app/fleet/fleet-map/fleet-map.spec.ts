import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import type { PositionDto } from '@beacon/contracts';
import { anAsset } from '../../../testing/fleet-fixtures';
import type { AssetFeatures } from './asset-features';
import { FleetMap } from './fleet-map';
import type { FleetMapOptions, FleetMapView, MapMove } from './fleet-map-view';
import { FLEET_MAP_FACTORY } from './fleet-map-view';
import type { MapColours } from './map-colours';
import type { MapCamera } from './map-camera';
import type { LatLon, TrackFeatures } from './track-features';
import { Theme } from '../../shared/theme/theme';

/** Records what the component asks of its map; the real MapLibre map is held to it in `maplibre-map-view.spec.ts`. */
class FakeMapView implements FleetMapView {
  readonly shown: AssetFeatures[] = [];
  readonly selected: (string | null)[] = [];
  readonly recoloured: MapColours[] = [];
  readonly tracks: { track: TrackFeatures; frame: boolean }[] = [];
  readonly replays: (LatLon | null)[] = [];
  destroyed = false;
  showTrack(track: TrackFeatures, frame: boolean): void {
    this.tracks.push({ track, frame });
  }
  showReplay(position: LatLon | null): void {
    this.replays.push(position);
  }
  showAssets(assets: AssetFeatures): void {
    this.shown.push(assets);
  }
  select(id: string | null): void {
    this.selected.push(id);
  }
  recolour(colours: MapColours): void {
    this.recoloured.push(colours);
  }
  destroy(): void {
    this.destroyed = true;
  }
}

const at = (lat: number, lon: number): PositionDto => ({
  lat,
  lon,
  altitude: null,
  speed: null,
  heading: null,
  timestamp: '2026-11-25T11:59:48.000Z',
});

describe('FleetMap', () => {
  let view: FakeMapView;
  let options: FleetMapOptions | undefined;
  let fixture: ComponentFixture<FleetMap>;
  let host: HTMLElement;
  let makeMap: () => Promise<FleetMapView>;

  async function render(
    assets = [anAsset({ id: 'a', position: at(59.3, 18.1) })],
    setUp: (fixture: ComponentFixture<FleetMap>) => void = () => undefined,
  ): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        {
          provide: FLEET_MAP_FACTORY,
          useValue: (given: FleetMapOptions) => {
            options = given;
            return makeMap();
          },
        },
      ],
    });
    fixture = TestBed.createComponent(FleetMap);
    host = fixture.nativeElement as HTMLElement;
    fixture.componentRef.setInput('assets', assets);
    setUp(fixture);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  const SODERTALJE: MapCamera = { lat: 59.19, lon: 17.63, zoom: 10 };
  const byTestId = (id: string) => host.querySelector<HTMLButtonElement>(`[data-testid="${id}"]`);
  /** The map comes to rest over Södertälje, moved by the user or by the page. */
  async function rest(byUser: boolean): Promise<void> {
    const move: MapMove = { camera: SODERTALJE, area: '17.2,59.13,18.06,59.25', byUser };
    options?.onMove(move);
    fixture.detectChanges();
    await fixture.whenStable();
  }

  beforeEach(() => {
    view = new FakeMapView();
    options = undefined;
    makeMap = () => Promise.resolve(view);
  });

  it('makes its map in its own element, with the dashboard’s status colours', async () => {
    await render();

    expect(host.contains(options?.container ?? null)).toBeTrue();
    expect(options?.colours.status).toEqual({ online: '#0f7a3d', offline: '#b42318', unknown: '#5f6b7a' });
    expect(host.getAttribute('data-state')).toBe('ready');
  });

  it('shows the assets with a position, and replaces them in place when the fleet changes', async () => {
    await render([anAsset({ id: 'a', position: at(59.3, 18.1) }), anAsset({ id: 'never-seen', position: null })]);

    expect(view.shown.at(-1)?.features.map((f) => f.properties.id)).toEqual(['a']);
    expect(host.getAttribute('data-feature-count')).toBe('1');

    fixture.componentRef.setInput('assets', [anAsset({ id: 'a', position: at(59.4, 18.2) }), anAsset({ id: 'b', position: at(57.7, 12) })]);
    fixture.detectChanges();
    await fixture.whenStable();

    expect(view.shown.at(-1)?.features.map((f) => f.geometry.coordinates)).toEqual([
      [18.2, 59.4],
      [12, 57.7],
    ]);
    expect(host.getAttribute('data-feature-count')).toBe('2');
  });

  it('says how many assets of the search it was not given, and nothing when it has them all', async () => {
    await render();
    expect(byTestId('map-left-out')).toBeNull();

    fixture.componentRef.setInput('leftOut', 12500);
    fixture.detectChanges();
    expect(byTestId('map-left-out')?.textContent).toContain('12,500 more assets are not on the map');
  });

  it('rings the open asset', async () => {
    await render();
    expect(view.selected.at(-1)).toBeNull();

    fixture.componentRef.setInput('selectedId', 'a');
    fixture.detectChanges();
    await fixture.whenStable();

    expect(view.selected.at(-1)).toBe('a');
  });

  it('draws the open asset’s track, framing it once per asset and range, and clears it when closed', async () => {
    await render();
    expect(view.tracks.at(-1)).toEqual({ track: { type: 'FeatureCollection', features: [] }, frame: false });
    expect(host.getAttribute('data-track-point-count')).toBeNull();
    const show = async (track: { key: string; points: LatLon[] } | null) => {
      fixture.componentRef.setInput('track', track);
      fixture.detectChanges();
      await fixture.whenStable();
    };
    const points = [
      { lat: 59.3, lon: 18.1 },
      { lat: 59.4, lon: 18.2 },
    ];

    await show({ key: 'a day', points });
    expect(view.tracks.at(-1)?.frame).toBeTrue();
    expect(view.tracks.at(-1)?.track.features.length).withContext('line, start and end').toBe(3);
    expect(host.getAttribute('data-track-point-count')).toBe('2');

    await show({ key: 'a day', points: [...points, { lat: 59.5, lon: 18.3 }] });
    expect(view.tracks.at(-1)?.frame).withContext('a live point leaves the view alone').toBeFalse();
    expect(host.getAttribute('data-track-point-count')).toBe('3');

    await show({ key: 'a hour', points });
    expect(view.tracks.at(-1)?.frame).withContext('another range is framed').toBeTrue();

    await show(null);
    expect(view.tracks.at(-1)).toEqual({ track: { type: 'FeatureCollection', features: [] }, frame: false });
    expect(host.getAttribute('data-track-point-count')).toBeNull();
    await show({ key: 'a hour', points });
    expect(view.tracks.at(-1)?.frame).withContext('opened again, framed again').toBeTrue();
  });

  it('marks the replayed moment', async () => {
    await render();
    fixture.componentRef.setInput('replay', { lat: 59.3, lon: 18.1 });
    fixture.detectChanges();
    await fixture.whenStable();
    expect(view.replays.at(-1)).toEqual({ lat: 59.3, lon: 18.1 });
  });

  it('asks to open the asset whose point was clicked', async () => {
    await render();
    const opened: string[] = [];
    fixture.componentInstance.openAsset.subscribe((id) => opened.push(id));

    options?.onAssetClick('a');

    expect(opened).toEqual(['a']);
  });

  it('offers to search the area the user moved the map to, and reports where it rests from then on', async () => {
    await render();
    const areas: string[] = [];
    const cameras: MapCamera[] = [];
    fixture.componentInstance.areaChange.subscribe((area) => areas.push(area));
    fixture.componentInstance.cameraChange.subscribe((camera) => cameras.push(camera));
    expect(options?.camera).withContext('no camera in the address: the map frames the fleet').toBeNull();

    await rest(false);
    expect(byTestId('search-area')).withContext('the map framing the fleet itself').toBeNull();
    expect(cameras).toEqual([]);

    await rest(true);
    const search = byTestId('search-area');
    expect(search?.textContent?.trim()).toBe('Search this area');
    expect(cameras).toEqual([SODERTALJE]);

    search?.click();
    fixture.detectChanges();
    expect(areas).toEqual(['17.2,59.13,18.06,59.25']);
    expect(byTestId('search-area')).withContext('searched').toBeNull();

    await rest(false);
    expect(cameras.length).withContext('the view is the user’s: every rest is reported').toBe(2);
    expect(byTestId('search-area')).withContext('the page moved it, not the user').toBeNull();
  });

  it('opens where the address said, offering to search what it shows', async () => {
    await render(undefined, (f) => f.componentRef.setInput('startCamera', SODERTALJE));
    expect(options?.camera).toEqual(SODERTALJE);
    await rest(false);
    expect(byTestId('search-area')).not.toBeNull();
  });

  it('shows the searched area as a button that clears it', async () => {
    await render(undefined, (f) => f.componentRef.setInput('area', '17.2,59.13,18.06,59.25'));
    const areas: string[] = [];
    fixture.componentInstance.areaChange.subscribe((area) => areas.push(area));
    const clear = byTestId('clear-area');
    expect(clear?.getAttribute('aria-label')).toBe('Area: clear, show the whole fleet');
    expect(clear?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Area ✕');

    await rest(true);
    expect(byTestId('search-area')).withContext('the map shows the area searched').toBeNull();

    clear?.click();
    expect(areas).toEqual(['']);
  });

  it('says so when the browser cannot draw the map', async () => {
    spyOn(console, 'warn');
    makeMap = () => Promise.reject(new Error('Failed to initialize WebGL'));
    await render();

    expect(host.querySelector('[data-testid="map-unavailable"]')).not.toBeNull();
    expect(host.getAttribute('data-feature-count')).toBeNull();
  });

  it('repaints its map in the dark palette when the theme turns dark, and back', async () => {
    await render();
    const theme = TestBed.inject(Theme);
    try {
      theme.choose('dark');
      await fixture.whenStable();
      expect(view.recoloured.at(-1)?.status.online).toBe('#5fd68c');
      expect(view.recoloured.at(-1)?.basemap.sea).toBe('#0d1b27');
      theme.choose('light');
      await fixture.whenStable();
      expect(view.recoloured.at(-1)?.status.online).toBe('#0f7a3d');
      expect(view.recoloured.length).toBe(2);
    } finally {
      theme.choose('system');
    }
  });

  it('removes its map with it', async () => {
    await render();
    fixture.destroy();

    expect(view.destroyed).toBeTrue();
  });
});
