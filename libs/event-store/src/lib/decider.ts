import type { AppendResult, EventStore } from './event-store';
import type { EventMetadata, EventShape } from './recorded-event';

/** How a stream's events fold into the state its commands are decided on. */
export interface StreamFold<State, Event extends EventShape> {
  initial: State;
  evolve(state: State, event: Event): State;
}

/** A stream's state and the version it was read at. */
export interface LoadedState<State> {
  state: State;
  version: number;
}

/** Folds a stream into its state; the version is what an append must expect. */
export async function loadState<State, Event extends EventShape>(
  store: Pick<EventStore, 'readStream'>,
  streamId: string,
  fold: StreamFold<State, Event>,
): Promise<LoadedState<State>> {
  const events = await store.readStream<Event>(streamId);
  return { state: events.reduce((state, event) => fold.evolve(state, event), fold.initial), version: events.length };
}

/**
 * Load, decide, append: the command's events are appended expecting exactly the version the
 * stream was read at, so a concurrent writer turns into a `ConcurrencyError` (a 409), never a lost
 * write. `decide` sees the state (and the version it was read at) and returns the events, or throws
 * the domain's refusal. No events: nothing is appended, and the position is 0 (nothing to wait for).
 */
export async function decideAndAppend<State, Event extends EventShape>(
  store: Pick<EventStore, 'readStream' | 'append'>,
  streamId: string,
  fold: StreamFold<State, Event>,
  decide: (state: State, version: number) => Event[],
  metadata: EventMetadata,
): Promise<AppendResult> {
  const { state, version } = await loadState(store, streamId, fold);
  const events = decide(state, version);
  if (events.length === 0) return { version, position: 0n };
  return store.append(
    streamId,
    events.map((event) => ({ ...event, metadata })),
    { expectedVersion: version },
  );
}
