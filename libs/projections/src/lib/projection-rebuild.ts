import { DeferredStatements, type EventStore, inTransaction, readCheckpoint, type RecordedEvent } from '@beacon/event-store';
import type { ReadModelProjection, ReadModelRebuilds } from '@beacon/read-models';
import type { Pool } from 'pg';

/** What a rebuild needs from the projector that runs it. */
export interface LiveProjectionControl {
  /** Stops the live projection; resolves when no batch of it is in flight. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  /** False once this process lost the lead: the rebuild must stop writing. */
  leading(): boolean;
}

export interface RebuildRun {
  pool: Pool;
  store: EventStore;
  /** The live projection's checkpoint name. */
  name: string;
  rebuilds: ReadModelRebuilds;
  live: LiveProjectionControl;
  batchSize: number;
  /** Wraps the fresh copy's projection (the projector sets aside events it refuses). */
  guard?: (projection: ReadModelProjection) => ReadModelProjection;
  onProgress?: (events: number) => void;
}

/**
 * Replays the whole log into a fresh copy of the read model and makes it the live one, while
 * queries keep reading the old copy. First the copy catches up with the live projection, which
 * keeps running; then the live projection pauses, the copy replays the last events up to the head,
 * the copy is swapped in, and the live projection resumes from where the copy stopped — so the
 * pause lasts one short catch-up and no event is missed or applied to only one copy.
 * Returns the number of events replayed.
 */
export async function runRebuild(run: RebuildRun): Promise<number> {
  const rebuild = await run.rebuilds.begin();
  const projection = run.guard ? run.guard(rebuild.projection) : rebuild.projection;
  let position = 0n;
  let replayed = 0;
  let paused = false;
  let completed = false;
  const apply = async (events: RecordedEvent[]): Promise<void> => {
    const last = events[events.length - 1];
    if (!last) return;
    if (!run.live.leading()) throw new Error('this projector lost the lead during the rebuild');
    const after = position;
    if (projection.transactional === false) {
      // Elasticsearch: no PostgreSQL transaction waits on its writes; what the guard records follows.
      const deferred = new DeferredStatements();
      await projection.apply(events, deferred.asClient(), after);
      await inTransaction(run.pool, (tx) => deferred.runIn(tx));
    } else {
      await inTransaction(run.pool, (tx) => projection.apply(events, tx, after));
    }
    position = last.globalPosition;
    replayed += events.length;
    run.onProgress?.(replayed);
  };
  const replayBatch = async (): Promise<boolean> => {
    const events = await run.store.readAll(position, run.batchSize);
    await apply(events);
    return events.length > 0;
  };
  try {
    // The long part, while the live projection runs: the next batch is read while this one is applied.
    if (position < (await readCheckpoint(run.pool, run.name))) {
      for await (const events of run.store.readAllPages(position, run.batchSize)) {
        await apply(events);
        if (position >= (await readCheckpoint(run.pool, run.name))) break;
      }
    }
    await run.live.pause();
    paused = true;
    while (await replayBatch());
    // The swap moves every process's writes (they go through the aliases): only a leader may.
    if (!run.live.leading()) throw new Error('this projector lost the lead during the rebuild');
    await rebuild.complete();
    completed = true;
    // Everything up to `position` is in the new copy; the live projection goes on from there.
    await run.pool.query('UPDATE subscription_checkpoints SET position = GREATEST(position, $2), updated_at = now() WHERE name = $1', [
      run.name,
      position.toString(),
    ]);
    return replayed;
  } catch (error) {
    if (!completed) await rebuild.abandon().catch(() => undefined);
    throw error;
  } finally {
    if (paused) await run.live.resume();
  }
}
