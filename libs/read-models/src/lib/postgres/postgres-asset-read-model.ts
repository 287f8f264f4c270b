import type { AssetDto, SearchAssetsResponse } from '@beacon/contracts';
import type { Pool } from 'pg';
import type { AssetReadModel, AssetSearch, CustomerView } from '../read-model.port';
import { assetFilter, statusCondition } from './asset-filter';
import { ASSET_COLUMNS, toAssetDto, type AssetRow } from './asset-row';

/** The read model on PostgreSQL: the one-machine default, no Elasticsearch needed. */
export class PostgresAssetReadModel implements AssetReadModel {
  constructor(private readonly pool: Pool) {}

  async search(criteria: AssetSearch, now: Date): Promise<SearchAssetsResponse> {
    const { where, params } = assetFilter(criteria, now);
    const withStatus = `${where} AND ${statusCondition(criteria.status)}`;
    const [items, counts] = await Promise.all([
      this.pool.query<AssetRow>(
        `SELECT ${ASSET_COLUMNS} FROM rm_assets WHERE ${withStatus}
          ORDER BY registration NULLS LAST, id LIMIT ${Math.trunc(criteria.limit)}`,
        params,
      ),
      this.pool.query<{ online: string; offline: string; unknown: string; total: string }>(
        `SELECT count(*) FILTER (WHERE offline_at > $1) AS online,
                count(*) FILTER (WHERE offline_at <= $1) AS offline,
                count(*) FILTER (WHERE last_seen_at IS NULL) AS unknown,
                count(*) FILTER (WHERE ${statusCondition(criteria.status)}) AS total
           FROM rm_assets WHERE ${where}`,
        params,
      ),
    ]);
    const row = counts.rows[0];
    return {
      items: items.rows.map((r) => toAssetDto(r, now)),
      total: Number(row?.total ?? 0),
      counts: { online: Number(row?.online ?? 0), offline: Number(row?.offline ?? 0), unknown: Number(row?.unknown ?? 0) },
      nextCursor: null,
    };
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
}
