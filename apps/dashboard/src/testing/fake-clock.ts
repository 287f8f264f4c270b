import { signal } from '@angular/core';
import type { Clock } from '../app/shared/clock';

/** A Clock that only moves when a spec says so. */
export class FakeClock implements Pick<Clock, 'now' | 'read'> {
  readonly now = signal(Date.parse('2026-11-25T12:00:00.000Z'));

  read(): number {
    return this.now();
  }

  advance(ms: number): void {
    this.now.update((now) => now + ms);
  }
}
