import type { PipeTransform } from '@angular/core';
import { Pipe } from '@angular/core';
import { formatRelativeTime } from './relative-time';

/** Pure: re-evaluated only when the time or `now` changes, so pass the ticking clock as `now`. */
@Pipe({ name: 'relativeTime' })
export class RelativeTimePipe implements PipeTransform {
  transform(iso: string | null, nowMs: number): string {
    return formatRelativeTime(iso, nowMs);
  }
}
