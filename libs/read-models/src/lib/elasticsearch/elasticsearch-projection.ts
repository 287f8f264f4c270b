import type { Client, estypes } from '@elastic/elasticsearch';
import type { RecordedEvent } from '@beacon/event-store';
import type { ReadModelProjection } from '../read-model.port';
import { DocumentChanges, type Versioned } from './apply-to-documents';
import type { AssetDocument, CustomerDocument } from './asset-document';
import type { ElasticsearchIndices, WriteTarget } from './elasticsearch-indices';

/**
 * By default a batch goes out as this many bulk requests at once: Elasticsearch runs each
 * shard-level part of a bulk on one write thread, so a single request indexes a day's positions on
 * one core (`npm run bench -- projections` measures both).
 */
const CONCURRENT_BULKS = 2;
/**
 * Writes per bulk request, at most: a few MB (asset documents are about 1 KB, positions a fifth of
 * that), the size Elasticsearch's guide suggests. A catch-up batch of 50,000 events can carry as
 * many writes; sent as two halves of 20–40 MB each, they went over the coordinating memory a
 * 512 MB node gives indexing (10 % of its heap) and were refused with 429 on every retry.
 */
const MAX_WRITES_PER_BULK = 5_000;
/** All a bulk answer is read for, item by item in request order: a tenth of the full answer. */
const BULK_ANSWER = ['errors', 'items.*.status', 'items.*.error'];

/** A document refused for what it holds: it would be refused again, whatever the cluster's state. */
const DOCUMENT_REFUSALS = new Set(['mapper_parsing_exception', 'document_parsing_exception', 'strict_dynamic_mapping_exception']);

/** One write a bulk answer refused. */
export interface RefusedWrite {
  status: number;
  type: string;
  /** `index/id: type reason`, for logs. */
  description: string;
}

/** Thrown when Elasticsearch refused part of a bulk request; the batch is retried as a whole. */
export class BulkWriteError extends Error {
  readonly failures: string[];

  constructor(readonly refused: RefusedWrite[]) {
    const failures = refused.map((r) => r.description);
    super(`Elasticsearch refused ${failures.length} write(s): ${failures.slice(0, 3).join('; ')}`);
    this.name = 'BulkWriteError';
    this.failures = failures;
  }

  /** Every refusal is about a document's content (a mapping conflict), none about the cluster. */
  get documentsRefused(): boolean {
    return this.refused.every((r) => r.status === 400 && DOCUMENT_REFUSALS.has(r.type));
  }
}

/**
 * Projects the log into Elasticsearch. Per batch: one multi-get of the documents the batch
 * touches, the events applied in memory (DocumentChanges), the writes sent as bulk requests of at
 * most 5,000 writes, two at a time. Every write carries its global position as an external
 * version, so Elasticsearch itself refuses anything older than what it has: a replayed batch, a
 * retried part, or a deposed leader writing late changes nothing.
 */
export class ElasticsearchAssetsProjection implements ReadModelProjection {
  /** Its writes go to Elasticsearch, versioned by position: no PostgreSQL transaction is held for them. */
  readonly transactional = false;

  /**
   * The documents as this process last wrote or read them, so a batch only fetches what it has
   * not seen. Sound only while no one else writes: cleared when leadership is (re)gained, after a
   * rebuild swapped the aliases, after any failure, and when Elasticsearch refuses a write as not newer than its own.
   */
  private readonly assets = new DocumentCache<AssetDocument>();
  private readonly customers = new DocumentCache<CustomerDocument>();
  /** Where this instance's last batch ended; the remembered documents are as of that point. */
  private projectedUpTo: bigint | null = null;

  private readonly concurrentBulks: number;
  private readonly maxWritesPerBulk: number;

  constructor(
    private readonly client: Client,
    private readonly indices: ElasticsearchIndices,
    /** `aliasesOf(indices)` for the live read model; a generation's indices for a rebuild filling them. */
    private readonly target: WriteTarget,
    options: { concurrentBulks?: number; maxWritesPerBulk?: number } = {},
  ) {
    this.concurrentBulks = options.concurrentBulks ?? CONCURRENT_BULKS;
    this.maxWritesPerBulk = options.maxWritesPerBulk ?? MAX_WRITES_PER_BULK;
  }

  get writeTarget(): WriteTarget {
    return this.target;
  }

  /** Only a document refused for its content: a cluster that is down, full or slow is retried. */
  isDataError(error: unknown): boolean {
    return error instanceof BulkWriteError && error.documentsRefused;
  }

  reset(): void {
    this.assets.clear();
    this.customers.clear();
    this.projectedUpTo = null;
  }

  /** `after`, when given, is the checkpoint the batch follows (see ReadModelProjection). */
  async apply(events: RecordedEvent[], _tx?: unknown, after?: bigint): Promise<void> {
    const last = events[events.length - 1];
    if (!last) return;
    if (after === undefined || after !== this.projectedUpTo) this.reset();
    try {
      const changes = new DocumentChanges(
        await this.load(this.target.assets, assetIdsOf(events), this.assets),
        await this.load(this.target.customers, customerIdsOf(events), this.customers),
      );
      for (const event of events) changes.apply(event);
      const refusedAsOlder = await this.write(changes);
      if (events.some(isCommandEvent)) await this.makeSearchable();
      if (refusedAsOlder) {
        this.reset(); // someone else wrote newer documents: what this batch computed may be stale
        return;
      }
      this.assets.remember(changes.assets);
      this.customers.remember(changes.customers);
      this.projectedUpTo = last.globalPosition;
    } catch (error) {
      this.reset();
      throw error;
    }
  }

  /**
   * A command's answer waits until its event is projected (read-your-writes), and the client then
   * searches: lifecycle changes are made searchable now rather than at the next periodic refresh.
   * Commands are rare next to heartbeats, whose batches do not pay for this.
   */
  private async makeSearchable(): Promise<void> {
    await this.client.indices.refresh({ index: [this.target.assets, this.target.customers] });
  }

  /** The documents of `ids`: remembered ones from memory, the others in one multi-get. */
  private async load<T>(index: string, ids: Set<string>, cache: DocumentCache<T>): Promise<Map<string, Versioned<T>>> {
    const docs = new Map<string, Versioned<T>>();
    const missing: string[] = [];
    for (const id of ids) {
      const known = cache.get(id);
      if (known) docs.set(id, known);
      else missing.push(id);
    }
    if (missing.length === 0) return docs;
    const response = await this.client.mget<T>({ index, ids: missing, realtime: true });
    for (const item of response.docs) {
      if ('found' in item && item.found && item._source !== undefined) {
        docs.set(item._id, { doc: item._source, version: BigInt(item._version ?? 0), dirty: false });
      } else if ('error' in item && item.error) {
        throw new Error(`Elasticsearch could not read ${item._id}: ${item.error.reason ?? item.error.type}`);
      }
    }
    return docs;
  }

  /** Writes the batch; true when Elasticsearch refused a document as not newer than its own. */
  private async write(changes: DocumentChanges): Promise<boolean> {
    const writes: DocumentWrite[] = [];
    const alias = this.target.generation === null;
    for (const [id, entry] of changes.customers) {
      if (entry.dirty && entry.doc) writes.push({ index: this.target.customers, id, version: entry.version, doc: entry.doc, alias });
    }
    for (const [id, entry] of changes.assets) {
      if (entry.dirty && entry.doc) writes.push({ index: this.target.assets, id, version: entry.version, doc: entry.doc, alias });
    }
    for (const { globalPosition, heartbeat } of changes.positions) {
      writes.push({
        index: this.indices.positionsIndex(heartbeat.timestamp),
        id: globalPosition.toString(),
        version: globalPosition,
        doc: {
          assetId: heartbeat.assetId,
          timestamp: heartbeat.timestamp,
          lat: heartbeat.lat,
          lon: heartbeat.lon,
          altitude: heartbeat.altitude,
          speed: heartbeat.speed,
          heading: heartbeat.heading,
        },
      });
    }
    if (writes.length === 0) return false;
    // Each document appears once per batch, so the parts may land in any order.
    const parts = splitInto(writes, Math.max(this.concurrentBulks, Math.ceil(writes.length / this.maxWritesPerBulk)));
    const outcomes: Awaited<ReturnType<typeof this.bulk>>[] = [];
    for (let next = 0; next < parts.length; next += this.concurrentBulks) {
      outcomes.push(...(await Promise.all(parts.slice(next, next + this.concurrentBulks).map((part) => this.bulk(part)))));
    }
    const refused = outcomes.flatMap((outcome) => outcome.refused);
    if (refused.length > 0) throw new BulkWriteError(refused);
    return outcomes.some((outcome) => outcome.refusedAsOlder);
  }

  private async bulk(writes: DocumentWrite[]): Promise<{ refused: RefusedWrite[]; refusedAsOlder: boolean }> {
    const operations: (estypes.BulkOperationContainer | object)[] = [];
    for (const { index, id, version, doc, alias } of writes) {
      operations.push(
        {
          index: { _index: index, _id: id, version: Number(version), version_type: 'external', ...(alias ? { require_alias: true } : {}) },
        },
        doc,
      );
    }
    const response = await this.client.bulk({ operations, filter_path: BULK_ANSWER });
    if (!response.errors) return { refused: [], refusedAsOlder: false };
    let refusedAsOlder = false;
    const refused = response.items.flatMap((item, n): RefusedWrite[] => {
      const result = item.index;
      if (!result?.error) return [];
      // 409: the stored document is as new or newer — exactly what a replay should find.
      if (result.status === 409) {
        refusedAsOlder = true;
        return [];
      }
      const write = writes[n];
      const description = `${write?.index}/${write?.id}: ${result.error.type} ${result.error.reason ?? ''}`;
      return [{ status: result.status, type: result.error.type, description }];
    });
    return { refused, refusedAsOlder };
  }
}

/** One document of a bulk request, with the global position it is as of (its external version). */
interface DocumentWrite {
  index: string;
  id: string;
  version: bigint;
  doc: object;
  /** `index` is an alias: a missing one fails the write instead of creating an index of its name. */
  alias?: boolean;
}

/** `items` in `parts` contiguous slices of about equal length (fewer when there are fewer items). */
function splitInto<T>(items: T[], parts: number): T[][] {
  const size = Math.ceil(items.length / parts);
  const slices: T[][] = [];
  for (let start = 0; start < items.length; start += size) slices.push(items.slice(start, start + size));
  return slices;
}

/** Remembered documents, bounded: past the bound it starts over (a fleet rarely gets there). */
class DocumentCache<T> {
  private static readonly MAX_DOCUMENTS = 200_000;
  private readonly docs = new Map<string, Versioned<T>>();

  get(id: string): Versioned<T> | undefined {
    const known = this.docs.get(id);
    return known ? { ...known, dirty: false } : undefined;
  }

  remember(written: Map<string, Versioned<T>>): void {
    if (this.docs.size + written.size > DocumentCache.MAX_DOCUMENTS) this.docs.clear();
    for (const [id, entry] of written) if (entry.doc !== null) this.docs.set(id, { ...entry, dirty: false });
  }

  clear(): void {
    this.docs.clear();
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

/** An event a command appended (a customer or asset change), as opposed to a heartbeat. */
function isCommandEvent(event: RecordedEvent): boolean {
  return event.type !== 'HeartbeatRecorded';
}
