import { CdkFixedSizeVirtualScroll, CdkVirtualForOf, CdkVirtualScrollViewport } from '@angular/cdk/scrolling';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  output,
  viewChild,
} from '@angular/core';
import type { AssetDto } from '@beacon/contracts';
import { first } from 'rxjs';
import { RelativeTimePipe } from '../../shared/relative-time.pipe';
import { formatAltitude, formatSpeed, formatVerticalRate } from '../../shared/units/units';
import { Units } from '../../shared/units/units-choice';
import type { FleetSort, SortField } from '../fleet-sort';
import { nextSort, sortDirection, sortField } from '../fleet-sort';
import { StatusBadge } from '../status-badge/status-badge';
import type { FleetColumn } from './fleet-columns';
import { FLEET_COLUMNS, ROWS_BEFORE_END, ROW_HEIGHT_PX, VISIBLE_ROWS } from './fleet-columns';

/**
 * The fleet as a table whose rows are rendered only where the user looks (CDK virtual scroll, one
 * fixed row height), so a hundred thousand loaded assets scroll as smoothly as ten. ARIA's table
 * roles with `aria-rowcount` and `aria-rowindex` tell screen readers the whole table's size.
 */
@Component({
  selector: 'bcn-fleet-table',
  imports: [CdkVirtualScrollViewport, CdkFixedSizeVirtualScroll, CdkVirtualForOf, RelativeTimePipe, StatusBadge],
  templateUrl: './fleet-table.html',
  styleUrl: './fleet-table.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FleetTable {
  readonly assets = input.required<readonly AssetDto[]>();
  /** Passed in rather than read here so "last seen" moves with the page's one ticking clock. */
  readonly now = input.required<number>();
  /** Before the first answer an empty table means "wait", not "nothing matches". */
  readonly loading = input(false);
  /** The asset whose details are open, marked in the table. */
  readonly selectedId = input<string | null>(null);
  /** All assets that match, of which `assets` are loaded. */
  readonly total = input(0);
  /** The search has rows beyond those loaded. */
  readonly hasMore = input(false);
  /** The order of the rows ('' is the search's default). */
  readonly sort = input<FleetSort | ''>('');

  /** The id of the asset whose details were asked for. */
  readonly openAsset = output<string>();
  /** The user scrolled near the end of the loaded rows, or asked for more. */
  readonly loadMore = output();
  readonly sortChange = output<FleetSort | ''>();

  protected readonly columns = FLEET_COLUMNS;
  protected readonly rowHeight = ROW_HEIGHT_PX;
  protected readonly units = inject(Units).choice;
  protected readonly formatSpeed = formatSpeed;
  protected readonly formatAltitude = formatAltitude;
  protected readonly formatVerticalRate = formatVerticalRate;
  protected readonly viewportHeight = computed(() => Math.min(this.assets().length, VISIBLE_ROWS) * ROW_HEIGHT_PX);
  protected readonly rowCount = computed(() => Math.max(this.total(), this.assets().length) + 1);

  private readonly viewport = viewChild(CdkVirtualScrollViewport);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly injector = inject(Injector);

  constructor() {
    let open: string | null = null;
    effect(() => {
      const selected = this.selectedId();
      if (selected === null && open !== null) this.returnFocus(open);
      open = selected;
    });
    // The viewport measures itself once; a box that grew or shrank with its rows is measured again.
    effect(() => {
      this.viewportHeight();
      afterNextRender(() => this.viewport()?.checkViewportSize(), { injector: this.injector });
    });
  }

  /** Back to the first row, for rows of another search or order. */
  scrollToTop(): void {
    this.viewport()?.scrollToIndex(0);
  }

  protected byId(_index: number, asset: AssetDto): string {
    return asset.id;
  }

  protected count(value: number): string {
    return value.toLocaleString('en-GB');
  }

  protected onScrolled(firstVisible: number): void {
    if (this.hasMore() && firstVisible + VISIBLE_ROWS + ROWS_BEFORE_END >= this.assets().length) this.loadMore.emit();
  }

  protected sortBy(field: SortField): void {
    this.sortChange.emit(nextSort(this.sort(), field));
  }

  protected ariaSort(column: FleetColumn): 'ascending' | 'descending' | 'none' | null {
    if (!column.sort) return null;
    if (sortField(this.sort()) !== column.sort) return 'none';
    return sortDirection(this.sort()) === 'asc' ? 'ascending' : 'descending';
  }

  protected sortMark(column: FleetColumn): string {
    const sort = this.ariaSort(column);
    return sort === 'ascending' ? '▲' : sort === 'descending' ? '▼' : '';
  }

  /**
   * The panel closed: focus goes back to the button that opened it, rather than to the top of the
   * page with the panel's removed elements. Only when the focus was lost with the panel: a user
   * who pressed Escape while typing a search keeps the search box. A row scrolled out of view is
   * not rendered, so the table scrolls back to it first.
   */
  private returnFocus(id: string): void {
    afterNextRender(
      () => {
        const active = document.activeElement;
        if (active !== null && active !== document.body) return;
        const button = () => this.host.querySelector<HTMLElement>(`[data-asset-id="${CSS.escape(id)}"] [data-testid="asset-open"]`);
        if (button()) return button()?.focus();
        const index = this.assets().findIndex((asset) => asset.id === id);
        const viewport = this.viewport();
        if (index < 0 || !viewport) return;
        viewport.scrollToIndex(index);
        viewport.renderedRangeStream
          .pipe(first((range) => range.start <= index && index < range.end))
          .subscribe(() => afterNextRender(() => button()?.focus(), { injector: this.injector }));
      },
      { injector: this.injector },
    );
  }
}
