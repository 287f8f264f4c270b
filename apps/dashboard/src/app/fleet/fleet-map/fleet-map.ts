import { DecimalPipe } from '@angular/common';
import type { ElementRef } from '@angular/core';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import type { AssetDto } from '@beacon/contracts';
import { toAssetFeatures } from './asset-features';
import type { LatLon, MapTrack } from './track-features';
import { toTrackFeatures } from './track-features';
import type { FleetMapView, MapMove } from './fleet-map-view';
import { FLEET_MAP_FACTORY } from './fleet-map-view';
import type { MapCamera } from './map-camera';
import { Theme } from '../../shared/theme/theme';
import { readMapColours } from './map-colours';

type MapState = 'loading' | 'ready' | 'unavailable';

/**
 * The fleet on a map: the assets it is given (the page's `MapFleet`), coloured by status, clustered
 * when zoomed out. The map is made after the first render (it needs its element's size) and then
 * only fed: each new list of assets replaces the data of its one source, and the open asset is ringed.
 *
 * Once the user has moved the map (or it opened where its address said), "Search this area" offers
 * what it shows as the search's area, and its camera is reported for the address; until then the
 * map frames the fleet by itself and the address stays as it was.
 */
@Component({
  selector: 'bcn-fleet-map',
  imports: [DecimalPipe],
  templateUrl: './fleet-map.html',
  styleUrl: './fleet-map.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    'data-testid': 'fleet-map',
    '[attr.data-state]': 'state()',
    '[attr.data-feature-count]': 'shownCount()',
    '[attr.data-track-point-count]': 'shownTrackPoints()',
  },
})
export class FleetMap {
  readonly assets = input.required<readonly AssetDto[]>();
  /** Assets of the search the map was not given (a fleet larger than it holds), said on the map. */
  readonly leftOut = input(0);
  /** The asset whose details are open, ringed on the map. */
  readonly selectedId = input<string | null>(null);
  /** The open asset's track, drawn as a line; framed when another asset or range is shown. */
  readonly track = input<MapTrack | null>(null);
  /** The replayed moment of the track, marked on it. */
  readonly replay = input<LatLon | null>(null);
  /** Where the map opens; read once, when it is made. Null: it frames the first fleet it is shown. */
  readonly startCamera = input<MapCamera | null>(null);
  /** The area the fleet is searched in (`bbox`), '' for none. */
  readonly area = input('');
  /** The id of the asset whose point was clicked. */
  readonly openAsset = output<string>();
  /** Where the map came to rest, once the view is the user's. */
  readonly cameraChange = output<MapCamera>();
  /** The area to search in: what the map shows, or '' for the whole fleet. */
  readonly areaChange = output<string>();

  private readonly createMap = inject(FLEET_MAP_FACTORY);
  private readonly theme = inject(Theme);
  private readonly canvasHost = viewChild.required<ElementRef<HTMLElement>>('canvasHost');
  private readonly view = signal<FleetMapView | null>(null);
  private readonly features = computed(() => toAssetFeatures(this.assets()));

  protected readonly state = signal<MapState>('loading');
  /** How many assets the map's source holds, for end-to-end tests; absent until the map has them. */
  protected readonly shownCount = signal<number | null>(null);
  /** How many points the map's track line holds, for end-to-end tests; absent while no track is shown. */
  protected readonly shownTrackPoints = signal<number | null>(null);
  /** The search's `bbox` for what the map shows now. */
  private readonly shownArea = signal<string | null>(null);
  /** The user moved the map since the last search of its area. */
  private readonly moved = signal(false);
  /** The view is the user's (moved, or opened where the address said); before, the map frames the fleet and no camera is reported. */
  private positioned = false;
  protected readonly searchOffered = computed(() => this.moved() && this.shownArea() !== null && this.shownArea() !== this.area());

  constructor() {
    let destroyed = false;
    inject(DestroyRef).onDestroy(() => {
      destroyed = true;
      this.view()?.destroy();
    });
    afterNextRender(() => {
      const container = this.canvasHost().nativeElement;
      const camera = this.startCamera();
      this.positioned = camera !== null;
      this.moved.set(this.positioned);
      this.createMap({
        container,
        colours: readMapColours(container),
        camera,
        onAssetClick: (id) => this.openAsset.emit(id),
        onMove: (move) => this.rested(move),
      }).then(
        (view) => {
          if (destroyed) return view.destroy();
          this.view.set(view);
          this.state.set('ready');
        },
        // Most often a browser without WebGL; the table still shows the fleet.
        (error: unknown) => {
          console.warn('map unavailable', error);
          this.state.set('unavailable');
        },
      );
    });
    effect(() => {
      const view = this.view();
      const features = this.features();
      if (view === null) return;
      view.showAssets(features);
      this.shownCount.set(features.features.length);
    });
    effect(() => this.view()?.select(this.selectedId()));
    let framedKey: string | null = null;
    effect(() => {
      const view = this.view();
      const track = this.track();
      if (view === null) return;
      const points = track?.points ?? [];
      // Framed once per asset and range, when it first has points; live points leave the user's view alone.
      const frame = track !== null && points.length > 0 && track.key !== framedKey;
      if (frame) framedKey = track.key;
      if (track === null) framedKey = null;
      view.showTrack(toTrackFeatures(points), frame);
      this.shownTrackPoints.set(track === null ? null : points.length);
    });
    effect(() => this.view()?.showReplay(this.replay()));
    // The palette changed (the user's choice or the system's): repaint in place, keeping the view.
    let paintedScheme = this.theme.scheme();
    effect(() => {
      const scheme = this.theme.scheme();
      const view = this.view();
      if (view === null || scheme === paintedScheme) return;
      paintedScheme = scheme;
      view.recolour(readMapColours(this.canvasHost().nativeElement));
    });
  }

  protected searchShownArea(): void {
    const area = this.shownArea();
    if (area === null) return;
    this.moved.set(false);
    this.areaChange.emit(area);
  }

  protected clearArea(): void {
    this.areaChange.emit('');
  }

  private rested(move: MapMove): void {
    this.shownArea.set(move.area);
    if (move.byUser) {
      this.positioned = true;
      this.moved.set(true);
    }
    if (this.positioned) this.cameraChange.emit(move.camera);
  }
}
