import { readRebuild, requestRebuild, type RebuildRecord } from '@beacon/projections';
import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import type { Pool } from 'pg';
import { AdminAccess } from '../auth/access.decorators';
import type { BeaconConfig } from '../config/beacon-config';
import { BEACON_CONFIG, PG_POOL } from '../config/config.tokens';
import { ApiError } from '../http/api-error';
import { elasticsearchAssetsProjectionName } from '../read-side/assets-projection';

/**
 * Zero-downtime rebuilds of the asset read model (Elasticsearch). Any process files the request;
 * the projector that leads runs it and records the outcome, which `GET …/rebuilds/:id` reports.
 */
@Controller('api/v1/admin/projections/assets')
export class RebuildProjectionController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(BEACON_CONFIG) private readonly config: BeaconConfig,
  ) {}

  @Post('rebuild')
  @HttpCode(202)
  @AdminAccess()
  rebuild(): Promise<RebuildRecord> {
    return requestRebuild(this.pool, this.projectionName());
  }

  @Get('rebuilds/:id')
  @AdminAccess()
  async status(@Param('id') id: string): Promise<RebuildRecord> {
    const record = await readRebuild(this.pool, id);
    if (!record || record.projection !== this.projectionName()) throw new ApiError('not_found', `rebuild ${id} is not known`);
    return record;
  }

  private projectionName(): string {
    if (this.config.elasticsearchUrl === null) {
      throw new ApiError(
        'invalid_request',
        'the PostgreSQL read model has no zero-downtime rebuild; only the Elasticsearch one (BEACON_ELASTICSEARCH_URL) does',
      );
    }
    return elasticsearchAssetsProjectionName(this.config.elasticsearchIndexPrefix);
  }
}
