import { DatePipe } from '@angular/common';
import type { ElementRef } from '@angular/core';
import { ChangeDetectionStrategy, Component, afterRenderEffect, computed, inject, input, viewChild } from '@angular/core';
import { formatDuration } from '../../shared/duration';
import { RelativeTimePipe } from '../../shared/relative-time.pipe';
import { StatusBadge } from '../status-badge/status-badge';
import { TrackProfile } from '../track-profile/track-profile';
import { TrackRangePicker } from '../track-range/track-range-picker';
import { TrackReplay } from '../track-replay/track-replay';
import { AssetDetailStore } from './asset-detail-store';
import { describePosition } from './position-text';
import { describeReport } from './report-text';
import { Units } from '../../shared/units/units-choice';
import { trackSpanMs } from './track';

/** The open asset's fields and its track over a chosen period (drawn on the fleet map), its speed chart and its replay. */
@Component({
  selector: 'bcn-asset-detail',
  imports: [DatePipe, RelativeTimePipe, StatusBadge, TrackProfile, TrackRangePicker, TrackReplay],
  templateUrl: './asset-detail.html',
  styleUrl: './asset-detail.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown.escape)': 'store.close()' },
})
export class AssetDetail {
  protected readonly store = inject(AssetDetailStore);
  /** The page's ticking clock, so "last seen" moves on like the table's. */
  readonly now = input.required<number>();
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  protected readonly title = computed(() => {
    const asset = this.store.asset();
    if (!asset) return this.store.selectedId() ?? '';
    return asset.registration ?? asset.callsign ?? asset.label ?? asset.id;
  });
  protected readonly span = computed(() => formatDuration(trackSpanMs(this.store.track())));
  protected readonly first = computed(() => this.store.track()[0] ?? null);
  protected readonly last = computed(() => this.store.track().at(-1) ?? null);
  protected readonly spanTitle = computed(() => {
    const first = this.first();
    const last = this.last();
    return first && last ? `${first.timestamp} – ${last.timestamp}` : null;
  });
  private readonly units = inject(Units).choice;
  protected readonly aircraft = computed(() => this.store.asset()?.kind === 'aircraft');
  protected readonly report = computed(() => {
    const asset = this.store.asset();
    return asset ? describeReport(asset, this.units()) : [];
  });
  protected readonly position = computed(() => {
    const position = this.store.asset()?.position;
    return position ? describePosition(position, this.units()) : null;
  });

  constructor() {
    // Keyboard and screen reader users land in the panel they opened, on its title; Escape (above)
    // closes it, and the table puts focus back on the row's button.
    afterRenderEffect(() => {
      if (this.store.selectedId() !== null) this.heading().nativeElement.focus();
    });
  }
}
