import { Injectable } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { interval, map } from 'rxjs';

/**
 * The dashboard's "now". It ticks once a second so relative times and the stale flag move on even
 * when no new data arrives; specs replace it with a clock they set by hand.
 */
@Injectable({ providedIn: 'root' })
export class Clock {
  readonly now = toSignal(interval(1000).pipe(map(() => Date.now())), {
    initialValue: Date.now(),
  });

  /** The exact current time, for stamping events (the signal can lag by up to a second). */
  read(): number {
    return Date.now();
  }
}
