import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, effect, inject, input, output } from '@angular/core';
import type { AssetDto } from '@beacon/contracts';
import { RelativeTimePipe } from '../../shared/relative-time.pipe';
import { StatusBadge } from '../status-badge/status-badge';

@Component({
  selector: 'bcn-fleet-table',
  imports: [RelativeTimePipe, StatusBadge],
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

  /** The id of the asset whose details were asked for. */
  readonly openAsset = output<string>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly injector = inject(Injector);

  constructor() {
    let open: string | null = null;
    effect(() => {
      const selected = this.selectedId();
      if (selected === null && open !== null) this.returnFocus(open);
      open = selected;
    });
  }

  /**
   * The panel closed: focus goes back to the button that opened it, rather than to the top of the
   * page with the panel's removed elements. Only when the focus was lost with the panel: a user
   * who pressed Escape while typing a search keeps the search box.
   */
  private returnFocus(id: string): void {
    afterNextRender(
      () => {
        const active = document.activeElement;
        if (active !== null && active !== document.body) return;
        this.host.querySelector<HTMLElement>(`[data-asset-id="${CSS.escape(id)}"] [data-testid="asset-open"]`)?.focus();
      },
      { injector: this.injector },
    );
  }
}
