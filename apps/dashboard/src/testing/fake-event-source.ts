import type { Provider } from '@angular/core';
import type { LiveEventName } from '@beacon/contracts';
import { queueScheduler } from 'rxjs';
import type { LiveBatching } from '../app/fleet/live-batches';
import { LIVE_BATCHING } from '../app/fleet/live-batches';
import type { LiveEventSource } from '../app/fleet/live-stream';
import { EVENT_SOURCE } from '../app/fleet/live-stream';

const CONNECTING = 0;
const OPEN = 1;
const CLOSED = 2;

/** An EventSource that a spec opens, feeds and breaks by hand; it dispatches real DOM events. */
export class FakeEventSource extends EventTarget implements LiveEventSource {
  readyState = CONNECTING;
  closed = false;

  constructor(readonly url: string) {
    super();
  }

  open(): void {
    this.readyState = OPEN;
    this.dispatchEvent(new Event('open'));
  }

  emit(type: LiveEventName, data: unknown, id = '1'): void {
    this.emitRaw(type, JSON.stringify(data), id);
  }

  emitRaw(type: string, data: string, id = '1'): void {
    this.dispatchEvent(new MessageEvent(type, { data, lastEventId: id }));
  }

  /** The connection broke; the browser will retry by itself. */
  drop(): void {
    this.readyState = CONNECTING;
    this.dispatchEvent(new Event('error'));
  }

  /** The server answered with an error status; the browser gives up. */
  fail(): void {
    this.readyState = CLOSED;
    this.dispatchEvent(new Event('error'));
  }

  close(): void {
    this.readyState = CLOSED;
    this.closed = true;
  }
}

/** Every EventSource the code under test created, oldest first. */
export class FakeEventSources {
  readonly all: FakeEventSource[] = [];

  readonly create = (url: string): FakeEventSource => {
    const source = new FakeEventSource(url);
    this.all.push(source);
    return source;
  };

  get latest(): FakeEventSource {
    const source = this.all[this.all.length - 1];
    if (!source) throw new Error('no EventSource was opened');
    return source;
  }

  get open(): FakeEventSource[] {
    return this.all.filter((s) => !s.closed);
  }

  /**
   * These sources, and their events applied as they come (no batching window), so a spec sees an
   * event's effect right after `emit`; `live-batches.spec.ts` covers the window.
   */
  provider(): Provider {
    return [
      { provide: EVENT_SOURCE, useValue: this.create },
      { provide: LIVE_BATCHING, useValue: { windowMs: 0, scheduler: queueScheduler } satisfies LiveBatching },
    ];
  }
}
