import { Subject, VirtualTimeScheduler, queueScheduler } from 'rxjs';
import { inBatches } from './live-batches';

describe('inBatches', () => {
  it('passes on the values of each window together, and schedules nothing while none come', () => {
    const scheduler = new VirtualTimeScheduler();
    const source = new Subject<number>();
    const batches: number[][] = [];
    source.pipe(inBatches({ windowMs: 100, scheduler })).subscribe((batch) => batches.push(batch));

    source.next(1);
    scheduler.maxFrames = 50;
    scheduler.flush();
    source.next(2);
    source.next(3);
    expect(batches).toEqual([]);
    scheduler.maxFrames = Infinity;
    scheduler.flush();
    expect(batches).toEqual([[1, 2, 3]]);

    source.next(4);
    scheduler.flush();
    expect(batches).toEqual([[1, 2, 3], [4]]);
    expect(scheduler.actions.length).withContext('nothing waits while nothing comes').toBe(0);
  });

  it('passes on what is still waiting when the source completes, and nothing after unsubscribing', () => {
    const scheduler = new VirtualTimeScheduler();
    const source = new Subject<string>();
    const batches: string[][] = [];
    let completed = false;
    source.pipe(inBatches({ windowMs: 100, scheduler })).subscribe({ next: (b) => batches.push(b), complete: () => (completed = true) });
    source.next('a');
    source.complete();
    expect(batches).toEqual([['a']]);
    expect(completed).toBeTrue();

    const other = new Subject<string>();
    const late: string[][] = [];
    const subscription = other.pipe(inBatches({ windowMs: 100, scheduler })).subscribe((b) => late.push(b));
    other.next('b');
    subscription.unsubscribe();
    scheduler.flush();
    expect(late).toEqual([]);
  });

  it('with a window of 0 on the queue scheduler, passes each value on at once', () => {
    const source = new Subject<number>();
    const batches: number[][] = [];
    source.pipe(inBatches({ windowMs: 0, scheduler: queueScheduler })).subscribe((batch) => batches.push(batch));
    source.next(1);
    source.next(2);
    expect(batches).toEqual([[1], [2]]);
  });
});
