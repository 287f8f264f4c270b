import { InjectionToken } from '@angular/core';
import type { OperatorFunction, SchedulerLike } from 'rxjs';
import { Observable, Subscription, asyncScheduler } from 'rxjs';

/**
 * How long live events wait to be applied together. The stream may bring a thousand messages a
 * second, each its own browser task; applied one by one, each would copy the loaded rows and bring
 * the table and the map up to date, and the page would spend most of its time in long tasks
 * (bench/README.md "dashboard"). A tenth of a second is still "at once" to a dispatcher.
 */
export interface LiveBatching {
  windowMs: number;
  scheduler: SchedulerLike;
}

export const LIVE_BATCHING = new InjectionToken<LiveBatching>('LIVE_BATCHING', {
  factory: () => ({ windowMs: 100, scheduler: asyncScheduler }),
});

/**
 * The values of each window as one array: a window opens with the first value after a quiet spell
 * and closes `windowMs` later, so nothing is scheduled while nothing comes. What is still waiting
 * when the source completes is passed on first.
 */
export function inBatches<T>({ windowMs, scheduler }: LiveBatching): OperatorFunction<T, T[]> {
  return (source) =>
    new Observable<T[]>((subscriber) => {
      let waiting: T[] = [];
      const flushes = new Subscription();
      const flush = (): void => {
        const batch = waiting;
        waiting = [];
        if (batch.length > 0) subscriber.next(batch);
      };
      const upstream = source.subscribe({
        next: (value) => {
          waiting.push(value);
          // The first value of a window schedules its end (a scheduler may run the flush at once).
          if (waiting.length === 1) flushes.add(scheduler.schedule(flush, windowMs));
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => {
          flush();
          subscriber.complete();
        },
      });
      return () => {
        flushes.unsubscribe();
        upstream.unsubscribe();
      };
    });
}
