import type { Client, estypes } from '@elastic/elasticsearch';
import type { RecordedEvent } from '@beacon/event-store';
import type { ReadModelProjection } from '../read-model.port';
import { DocumentChanges, type Versioned } from './apply-to-documents';
import type { AssetDocument, CustomerDocument } from './asset-document';
import type { ElasticsearchIndices, WriteTarget } from './elasticsearch-indices';

/** Thrown when Elasticsearch refused part of a bulk request; the batch is retried as a whole. */
export class BulkWriteError extends Error {
  constructor(readonly failures: string[]) {
    super(`Elasticsearch refused ${failures.length} write(s): ${failures.slice(0, 3).join('; ')}`);
    this.name = 'BulkWriteError';
  }
}

/**
 * Projects the log into Elasticsearch. Per batch: one multi-get of the documents the batch
 * touches, the events applied in memory (DocumentChanges), one bulk request. Every write carries
 * its global position as an external version, so Elasticsearch itself refuses anything older than
 * what it has: a replayed batch, or a deposed leader writing late, changes nothing.
 */
export class ElasticsearchAssetsProjection implements ReadModelProjection {
  constructor(
    private readonly client: Client,
    private readonly indices: ElasticsearchIndices,
    private target: WriteTarget,
  ) {}

  get writeTarget(): WriteTarget {
    return this.target;
  }

  /** Sends later batches to another generation (after a rebuild swapped the aliases). */
  retarget(target: WriteTarget): void {
    this.target = target;
  }

  async apply(events: RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const changes = new DocumentChanges(
      await this.load<AssetDocument>(this.target.assets, assetIdsOf(events)),
      await this.load<CustomerDocument>(this.target.customers, customerIdsOf(events)),
    );
    for (const event of events) changes.apply(event);
    await this.write(changes);
  }

  private async load<T>(index: string, ids: Set<string>): Promise<Map<string, Versioned<T>>> {
    const docs = new Map<string, Versioned<T>>();
    if (ids.size === 0) return docs;
    const response = await this.client.mget<T>({ index, ids: [...ids], realtime: true });
    for (const item of response.docs) {
      if ('found' in item && item.found && item._source !== undefined) {
        docs.set(item._id, { doc: item._source, version: BigInt(item._version ?? 0), dirty: false });
      } else if ('error' in item && item.error) {
        throw new Error(`Elasticsearch could not read ${item._id}: ${item.error.reason ?? item.error.type}`);
      }
    }
    return docs;
  }

  private async write(changes: DocumentChanges): Promise<void> {
    const operations: (estypes.BulkOperationContainer | object)[] = [];
    const put = (index: string, id: string, version: bigint, doc: object): void => {
      operations.push({ index: { _index: index, _id: id, version: Number(version), version_type: 'external' } }, doc);
    };
    for (const [id, entry] of changes.customers) if (entry.dirty && entry.doc) put(this.target.customers, id, entry.version, entry.doc);
    for (const [id, entry] of changes.assets) if (entry.dirty && entry.doc) put(this.target.assets, id, entry.version, entry.doc);
    for (const { globalPosition, heartbeat } of changes.positions) {
      put(this.indices.positionsIndex(heartbeat.timestamp), globalPosition.toString(), globalPosition, {
        assetId: heartbeat.assetId,
        timestamp: heartbeat.timestamp,
        lat: heartbeat.lat,
        lon: heartbeat.lon,
        altitude: heartbeat.altitude,
        speed: heartbeat.speed,
        heading: heartbeat.heading,
      });
    }
    if (operations.length === 0) return;
    const response = await this.client.bulk({ operations });
    if (!response.errors) return;
    const failures = response.items.flatMap((item) => {
      const result = item.index;
      // 409: the stored document is as new or newer — exactly what a replay should find.
      if (!result?.error || result.status === 409) return [];
      return [`${result._index}/${result._id}: ${result.error.type} ${result.error.reason ?? ''}`];
    });
    if (failures.length > 0) throw new BulkWriteError(failures);
  }
}

function assetIdsOf(events: RecordedEvent[]): Set<string> {
  const ids = new Set<string>();
  for (const event of events) {
    const assetId = event.data['assetId'];
    if (typeof assetId === 'string') ids.add(assetId);
  }
  return ids;
}

/** Customers a batch writes, or whose name an asset event copies. */
function customerIdsOf(events: RecordedEvent[]): Set<string> {
  const ids = new Set<string>();
  for (const event of events) {
    for (const key of ['customerId', 'toCustomerId']) {
      const id = event.data[key];
      if (typeof id === 'string' && event.type !== 'HeartbeatRecorded') ids.add(id);
    }
  }
  return ids;
}
