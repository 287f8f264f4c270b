import type { EventStore } from '@beacon/event-store';

/**
 * Folds a stream into the decider's state and returns the version it was read at; the append that
 * follows expects exactly that version, so a concurrent writer turns into a 409, never a lost write.
 */
export async function loadStreamState<State, Event extends { type: string; data: object }>(
  store: EventStore,
  streamId: string,
  evolve: (state: State, event: Event) => State,
  initial: State,
): Promise<{ state: State; version: number }> {
  const events = await store.readStream(streamId);
  const state = events.reduce((s, e) => evolve(s, { type: e.type, data: e.data } as Event), initial);
  return { state, version: events.length };
}
