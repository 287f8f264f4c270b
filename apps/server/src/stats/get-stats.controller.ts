import type { StatusCounts } from '@beacon/contracts';
import { readProjectionLag } from '@beacon/projections';
import { ASSET_READ_MODEL, type AssetReadModel } from '@beacon/read-models';
import { Controller, Get, Inject } from '@nestjs/common';
import type { Pool } from 'pg';
import { CurrentPrincipal, ReadAccess } from '../auth/access.decorators';
import { readScope, type Principal } from '../auth/principal';
import { PG_POOL } from '../config/config.tokens';
import { ASSETS_PROJECTION, type AssetsProjection } from '../read-side/assets-projection';
import { LogRate } from './log-rate';

export interface StatsResponse {
  assets: StatusCounts & { total: number };
  events: { total: number };
  ingest: { perSecond: number };
  projection: { lagMs: number };
  readModel: 'elasticsearch' | 'postgres';
}

/** `GET /api/v1/stats`: the fleet at a glance. A scoped key counts its own customer's assets only. */
@Controller('api/v1/stats')
export class GetStatsController {
  constructor(
    @Inject(ASSET_READ_MODEL) private readonly readModel: AssetReadModel,
    @Inject(ASSETS_PROJECTION) private readonly projection: AssetsProjection,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly rate: LogRate,
  ) {}

  @Get()
  @ReadAccess()
  async stats(@CurrentPrincipal() caller: Principal): Promise<StatsResponse> {
    const now = new Date();
    const scope = readScope(caller);
    const [assets, head, lagMs] = await Promise.all([
      this.readModel.search({ limit: 1, ...(scope === null ? {} : { customerId: scope }) }, now),
      this.rate.head(),
      readProjectionLag(this.pool, this.projection.name, now),
    ]);
    return {
      assets: { total: assets.counts.online + assets.counts.offline + assets.counts.unknown, ...assets.counts },
      events: { total: Number(head) },
      ingest: { perSecond: Math.round(this.rate.perSecond()) },
      projection: { lagMs },
      readModel: this.readModel.kind,
    };
  }
}
