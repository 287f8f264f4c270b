import type { AssetDto, SearchAssetsResponse } from '@beacon/contracts';
import type { Pool } from 'pg';
import type { AssetReadModel, AssetSearch, CustomerView } from '../read-model.port';
import { SqlParams, assetFilter, statusCondition } from './asset-filter';
import { ASSET_COLUMNS, toAssetDto, type AssetRow } from './asset-row';

/** The read model on PostgreSQL: the one-machine default, no Elasticsearch needed. */
export class PostgresAssetReadModel implements AssetReadModel {
  constructor(private readonly pool: Pool) {}

  async search(criteria: AssetSearch, now: Date): Promise<SearchAssetsResponse> {
    const [items, counts] = await Promise.all([this.items(criteria, now), this.counts(criteria, now)]);
    return { items, ...counts, nextCursor: null };
  }

  async get(assetId: string, now: Date): Promise<AssetDto | null> {
    const result = await this.pool.query<AssetRow>(`SELECT ${ASSET_COLUMNS} FROM rm_assets WHERE id = $1`, [assetId]);
    const row = result.rows[0];
    return row ? toAssetDto(row, now) : null;
  }

  async customers(): Promise<CustomerView[]> {
    const result = await this.pool.query<{ id: string; name: string; address: string | null; asset_count: string }>(
      `SELECT c.id, c.name, c.address, count(a.id) AS asset_count
         FROM rm_customers c LEFT JOIN rm_assets a ON a.customer_id = c.id
        GROUP BY c.id ORDER BY c.name`,
    );
    return result.rows.map((r) => ({ id: r.id, name: r.name, address: r.address, assetCount: Number(r.asset_count) }));
  }

  private async items(criteria: AssetSearch, now: Date): Promise<AssetDto[]> {
    const params = new SqlParams();
    const where = `${assetFilter(criteria, params)} AND ${statusCondition(criteria.status, now, params)}`;
    const result = await this.pool.query<AssetRow>(
      `SELECT ${ASSET_COLUMNS} FROM rm_assets WHERE ${where}
        ORDER BY registration NULLS LAST, id LIMIT ${params.add(criteria.limit)}`,
      params.values,
    );
    return result.rows.map((r) => toAssetDto(r, now));
  }

  /** Counts by status over the filter without its status part; `total` with it. */
  private async counts(criteria: AssetSearch, now: Date): Promise<Pick<SearchAssetsResponse, 'total' | 'counts'>> {
    const params = new SqlParams();
    const where = assetFilter(criteria, params);
    const at = params.add(now);
    const result = await this.pool.query<{ online: string; offline: string; unknown: string; total: string }>(
      `SELECT count(*) FILTER (WHERE offline_at > ${at}) AS online,
              count(*) FILTER (WHERE offline_at <= ${at}) AS offline,
              count(*) FILTER (WHERE last_seen_at IS NULL) AS unknown,
              count(*) FILTER (WHERE ${statusCondition(criteria.status, now, params)}) AS total
         FROM rm_assets WHERE ${where}`,
      params.values,
    );
    const row = result.rows[0];
    return {
      total: Number(row?.total ?? 0),
      counts: { online: Number(row?.online ?? 0), offline: Number(row?.offline ?? 0), unknown: Number(row?.unknown ?? 0) },
    };
  }
}
