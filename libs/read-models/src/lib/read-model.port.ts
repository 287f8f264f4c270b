import type { AssetDto, AssetKind, AssetStatus, CustomerDto, SearchAssetsResponse, TrackPointDto } from '@beacon/contracts';
import type { RecordedEvent } from '@beacon/event-store';
import type { PoolClient } from 'pg';

/** A rectangle on the map; west ≤ east (a box across the antimeridian is two searches). */
export interface BoundingBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

export type AssetSortField = 'registration' | 'lastSeenAt' | 'id';

/**
 * The order of search results. Assets without a value for the field come last in either
 * direction; ties are broken by `id` ascending, so every order is total and pages are stable.
 * `registration` compares case-insensitively (lower-case, by code point).
 */
export interface AssetSort {
  field: AssetSortField;
  direction: 'asc' | 'desc';
}

export const DEFAULT_ASSET_SORT: AssetSort = { field: 'registration', direction: 'asc' };

/**
 * What a search asks for. Every criterion narrows the result (AND):
 * - `q`: each whitespace-separated term must match one of id, registration, label, callsign,
 *   icao24 or customer name, case-insensitively, as the start of a word in it (`abc` finds
 *   `ABC-123`) or as a word one typo away (`truk` finds `Truck`, terms of 4+ characters).
 * - `bbox`: the asset's latest position lies inside; assets without a position are excluded.
 * - `status`: decided against `now` (see AssetReadModel).
 * - `cursor`: the `nextCursor` of the previous page, with the same criteria; paging is by key
 *   (not offset), so a page never repeats or skips an asset that did not change meanwhile.
 */
export interface AssetSearch {
  q?: string;
  customerId?: string;
  status?: AssetStatus;
  kind?: AssetKind;
  bbox?: BoundingBox;
  sort?: AssetSort;
  limit: number;
  cursor?: string;
}

/** One customer with the size of its fleet, as the API lists it. */
export type CustomerView = CustomerDto;

/** One point of an asset's track, as the API returns it. */
export type TrackPoint = TrackPointDto;

/** Positions of one asset with `from` ≤ timestamp ≤ `to`, oldest first, at most `limit`. */
export interface TrackQuery {
  assetId: string;
  from: Date;
  to: Date;
  limit: number;
}

/**
 * A track read from a store. When the window holds more positions than the limit, it is cut into
 * `limit` equal spans of time (`trackBucketWidthMs`, the first starting at `from`) and the newest
 * position of each span is kept: the answer covers the whole window, its newest position last,
 * and `thinned` says so.
 */
export interface Track {
  points: TrackPoint[];
  thinned: boolean;
}

/** The span of time each kept position stands for when a window is thinned (both stores use it). */
export function trackBucketWidthMs(query: TrackQuery): number {
  return Math.ceil((query.to.getTime() - query.from.getTime() + 1) / query.limit);
}

/**
 * What the query side asks of a read model. Status is computed from `now` at query time, so an
 * asset goes offline the moment its timeout passes, whether or not a projection has run since:
 * `online` while lastSeenAt + timeout > now, `offline` once it is not, `unknown` when never seen.
 * `total` counts the whole result (all pages); `counts` count the same filter without `status`.
 */
export interface AssetReadModel {
  /** Which store answers, as `GET /api/v1/stats` reports it. */
  readonly kind: 'postgres' | 'elasticsearch';
  search(criteria: AssetSearch, now: Date): Promise<SearchAssetsResponse>;
  get(assetId: string, now: Date): Promise<AssetDto | null>;
  customers(): Promise<CustomerView[]>;
  track(query: TrackQuery): Promise<Track>;
  /** Answers when the store can be queried; throws otherwise (readiness checks). */
  ping(): Promise<void>;
}

export const ASSET_READ_MODEL = Symbol('AssetReadModel');

/**
 * The write side of a read model: applies a batch of the log in global order. Idempotent (a
 * replayed batch changes nothing) and never moves an asset's latest position or lastSeenAt
 * backwards when heartbeats arrive out of order. `tx` is the PostgreSQL transaction that also
 * stores the projection's checkpoint; an adapter on another store may ignore it. `after` is the
 * checkpoint the batch was read after: when it is not where this instance's last batch ended,
 * someone else projected in between.
 */
export interface ReadModelProjection {
  apply(events: RecordedEvent[], tx: PoolClient, after?: bigint): Promise<void>;
  /**
   * False for a store reached over the network (Elasticsearch): `apply` then runs with no
   * PostgreSQL transaction open, and `tx` only collects statements for the one that follows.
   */
  readonly transactional?: boolean;
  /**
   * Forgets whatever the projection remembers between batches: called when its process becomes
   * the leader, since another process may have written meanwhile.
   */
  reset?(): void;
  /**
   * True when `error` is the store refusing the data of the events applied (a value out of range,
   * a mapping conflict): the same events would fail again, unlike a store that is down or slow.
   * The projector sets such an event aside after a few tries (a dead letter) and goes on.
   */
  isDataError?(error: unknown): boolean;
}

/** A rebuild in progress: a projection filling a fresh copy of the read model, and how to finish it. */
export interface ReadModelRebuild {
  /** Writes into the fresh copy; fed the whole log from the start. */
  projection: ReadModelProjection;
  /** The fresh copy becomes the live one (queries and later batches); the old one is dropped. */
  complete(): Promise<void>;
  /** Drops the fresh copy; the live one was never touched. */
  abandon(): Promise<void>;
}

/** A read model that can be rebuilt next to the live one while queries go on (zero downtime). */
export interface ReadModelRebuilds {
  begin(): Promise<ReadModelRebuild>;
}
