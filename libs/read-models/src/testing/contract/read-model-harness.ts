import type { EventStore } from '@beacon/event-store';
import type { AssetReadModel } from '../../lib/read-model.port';

/**
 * One read-model adapter prepared for the contract suite: an event log on a fresh test database,
 * the adapter's read model, and `catchUp()`, which projects everything appended so far (from
 * the start of the log, in global order, through the adapter's ReadModelProjection) and makes
 * it visible to queries (Elasticsearch: a refresh).
 */
export interface ReadModelHarness {
  store: EventStore;
  readModel: AssetReadModel;
  catchUp(): Promise<void>;
  /** Projects the whole log once more from the start, as a crash before a checkpoint would. */
  replayAll(): Promise<void>;
  dispose(): Promise<void>;
}
