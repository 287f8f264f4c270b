import type { AssetDto, SearchAssetsResponse } from '@beacon/contracts';
import type { Pool } from 'pg';
import {
  DEFAULT_ASSET_SORT,
  type AssetReadModel,
  type AssetSearch,
  type CustomerView,
  type Track,
  type TrackQuery,
} from '../read-model.port';
import { ASSET_COLUMNS, toAssetDto, type AssetRow } from './asset-row';
import { readTrack } from './read-track';
import { countByStatus, readPage } from './search-assets';
import { decodeCursor } from './search-cursor';
import { normaliseTerms } from './text-match';

/** The read model on PostgreSQL: the one-machine default, no Elasticsearch needed. */
export class PostgresAssetReadModel implements AssetReadModel {
  readonly kind = 'postgres' as const;

  constructor(private readonly pool: Pool) {}

  /** Throws InvalidCursorError for a cursor this adapter did not issue for this sort. */
  async search(criteria: AssetSearch, now: Date): Promise<SearchAssetsResponse> {
    const sort = criteria.sort ?? DEFAULT_ASSET_SORT;
    const after = criteria.cursor === undefined ? null : decodeCursor(criteria.cursor, sort);
    const terms = await normaliseTerms(this.pool, criteria.q);
    const filter = { customerId: criteria.customerId, kind: criteria.kind, bbox: criteria.bbox, terms };
    const [page, counts] = await Promise.all([
      readPage(this.pool, { filter, status: criteria.status, sort, limit: criteria.limit, after }, now),
      countByStatus(this.pool, filter, criteria.status, now),
    ]);
    return { items: page.items, ...counts, nextCursor: page.nextCursor };
  }

  async get(assetId: string, now: Date): Promise<AssetDto | null> {
    const result = await this.pool.query<AssetRow>(`SELECT ${ASSET_COLUMNS} FROM rm_assets WHERE id = $1`, [assetId]);
    const row = result.rows[0];
    return row ? toAssetDto(row, now) : null;
  }

  /** By name, then id, both by code point like every other order of the port. */
  async customers(): Promise<CustomerView[]> {
    const result = await this.pool.query<{ id: string; name: string; address: string | null; asset_count: string }>(
      `SELECT c.id, c.name, c.address, count(a.id) AS asset_count
         FROM rm_customers c LEFT JOIN rm_assets a ON a.customer_id = c.id
        GROUP BY c.id ORDER BY c.name COLLATE "C", c.id COLLATE "C"`,
    );
    return result.rows.map((r) => ({ id: r.id, name: r.name, address: r.address, assetCount: Number(r.asset_count) }));
  }

  track(query: TrackQuery): Promise<Track> {
    return readTrack(this.pool, query);
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1 FROM rm_assets LIMIT 1');
  }
}
