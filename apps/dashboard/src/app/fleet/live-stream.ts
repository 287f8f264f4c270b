import { Injectable, InjectionToken, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { LiveEventName, LivePositionEvent, LiveQueryParams, LiveResyncEvent, LiveStatusEvent } from '@beacon/contracts';
import { BehaviorSubject, Observable, defer, distinctUntilChanged, finalize, map, retry, switchMap, timer } from 'rxjs';
import { LiveTickets } from '../session/live-tickets';
import { queryPairs } from '../shared/query-params';
import { backoffMs } from './backoff';

/** What the dashboard needs of an EventSource: the browser's own, or a fake in specs. */
export interface LiveEventSource {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: Event) => void): void;
  close(): void;
}

export type EventSourceFactory = (url: string) => LiveEventSource;

export const EVENT_SOURCE = new InjectionToken<EventSourceFactory>('EVENT_SOURCE', {
  providedIn: 'root',
  factory: () => (url) => new EventSource(url),
});

export type LiveEvent =
  | { type: 'status'; data: LiveStatusEvent }
  | { type: 'position'; data: LivePositionEvent }
  | { type: 'resync'; data: LiveResyncEvent };

/** `reconnecting` covers both the browser's own retries and our reopening after it gave up. */
export type LiveState = 'idle' | 'connecting' | 'connected' | 'reconnecting';

/** What the dashboard watches: one customer's assets, or those in a box. */
export type LiveParams = Pick<LiveQueryParams, 'customerId' | 'bbox'>;

/** EventSource.CLOSED: the browser has given up (an HTTP error answer) and will not retry. */
const CLOSED = 2;
const EVENT_NAMES: readonly LiveEventName[] = ['status', 'position', 'resync'];
const REOPENED: LiveEvent = { type: 'resync', data: { reason: 'reopened' } };

/**
 * `GET /api/v1/live` as an Observable of typed events. The dashboard holds one stream at a time,
 * so the connection state lives here; a stream that was replaced no longer writes to it.
 */
@Injectable({ providedIn: 'root' })
export class LiveStream {
  private readonly createSource = inject(EVENT_SOURCE);
  private readonly tickets = inject(LiveTickets);
  private readonly stateSubject = new BehaviorSubject<LiveState>('idle');
  private current: object | null = null;

  readonly state$ = this.stateSubject.pipe(distinctUntilChanged());
  readonly state = toSignal(this.state$, { requireSync: true });
  readonly connected$ = this.state$.pipe(
    map((state) => state === 'connected'),
    distinctUntilChanged(),
  );

  connect(params: LiveParams = {}): Observable<LiveEvent> {
    return defer(() => {
      const connection = {};
      let failures = 0;
      /** The id of the last message received, so that a reopened stream resumes after it. */
      let lastEventId: string | null = null;
      this.current = connection;
      this.stateSubject.next('connecting');
      const setState = (state: LiveState) => {
        if (this.current === connection) this.stateSubject.next(state);
      };
      // Each (re)connection asks for a ticket of its own: one outlives its minute only in the browser's own retries.
      return defer(() => this.tickets.next()).pipe(
        switchMap((ticket) =>
          this.openOnce(
            liveUrl(params, failures > 0 ? lastEventId : null, ticket),
            failures > 0 && lastEventId === null,
            (state) => {
              if (state === 'connected') failures = 0;
              setState(state);
            },
            (id) => (lastEventId = id),
          ),
        ),
        retry({
          delay: () => {
            failures += 1;
            setState('reconnecting');
            return timer(backoffMs(failures));
          },
        }),
        finalize(() => {
          setState('idle');
          if (this.current === connection) this.current = null;
        }),
      );
    });
  }

  /**
   * One EventSource. Reopened after the browser gave up, it names the last message it had
   * (`?lastEventId=`, as a new EventSource cannot send the header), so the server replays what
   * was missed or answers `resync`; with nothing received yet, `reopenedBlind` emits that resync here.
   */
  private openOnce(
    url: string,
    reopenedBlind: boolean,
    onState: (state: LiveState) => void,
    onId: (id: string) => void,
  ): Observable<LiveEvent> {
    return new Observable<LiveEvent>((subscriber) => {
      const source = this.createSource(url);
      source.addEventListener('open', () => {
        onState('connected');
        if (reopenedBlind) subscriber.next(REOPENED);
      });
      source.addEventListener('error', () => {
        // While CONNECTING the browser retries by itself and sends Last-Event-ID, so the server
        // replays what we missed; once CLOSED only a new EventSource helps.
        if (source.readyState === CLOSED) subscriber.error(new Error(`live stream closed: ${url}`));
        else onState('reconnecting');
      });
      for (const type of EVENT_NAMES) {
        source.addEventListener(type, (event) => {
          if (event instanceof MessageEvent && event.lastEventId) onId(event.lastEventId);
          const data = parseData(event);
          if (data !== undefined) subscriber.next(toLiveEvent(type, data));
        });
      }
      return () => source.close();
    });
  }
}

export function liveUrl(params: LiveParams, lastEventId: string | null = null, ticket: string | null = null): string {
  const query: LiveQueryParams = {
    customerId: params.customerId,
    bbox: params.bbox,
    lastEventId: lastEventId ?? undefined,
    ticket: ticket ?? undefined,
  };
  const search = new URLSearchParams(queryPairs(query)).toString();
  return search ? `/api/v1/live?${search}` : '/api/v1/live';
}

/** A message we cannot read is skipped: the next poll corrects whatever it carried. */
function parseData(event: Event): unknown {
  if (!(event instanceof MessageEvent) || typeof event.data !== 'string') return undefined;
  try {
    return JSON.parse(event.data) as unknown;
  } catch {
    return undefined;
  }
}

function toLiveEvent(type: LiveEventName, data: unknown): LiveEvent {
  switch (type) {
    case 'status':
      return { type, data: data as LiveStatusEvent };
    case 'position':
      return { type, data: data as LivePositionEvent };
    case 'resync':
      return { type, data: data as LiveResyncEvent };
    default: {
      const unexpected: never = type;
      throw new Error(`unexpected live event ${String(unexpected)}`);
    }
  }
}
