import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { AssetStatus } from '@beacon/contracts';

/** The status as a coloured pill; the word stays visible so colour is never the only signal. */
@Component({
  selector: 'bcn-status-badge',
  templateUrl: './status-badge.html',
  styleUrl: './status-badge.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.data-status]': 'status()' },
})
export class StatusBadge {
  readonly status = input.required<AssetStatus>();
}
