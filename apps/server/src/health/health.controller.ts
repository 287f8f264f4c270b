import { ASSET_READ_MODEL, type AssetReadModel } from '@beacon/read-models';
import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { Pool } from 'pg';
import { Public } from '../auth/access.decorators';
import { PG_POOL } from '../config/config.tokens';
import { ApiError } from '../http/api-error';
import { UNLIMITED } from '../http/install-rate-limit';
import { Readiness } from './readiness';

@Controller('health')
@Public()
export class HealthController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly readiness: Readiness,
    /** Absent in a process that only ingests: it reads no read model. */
    @Optional() @Inject(ASSET_READ_MODEL) private readonly readModel: AssetReadModel | null,
  ) {}

  /** The process is up and serving HTTP. */
  @Get('live')
  @RouteConfig(UNLIMITED)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** The process is not stopping, the event log is writable and, where it reads one, the read model answers. */
  @Get('ready')
  @RouteConfig(UNLIMITED)
  async ready(): Promise<{ status: 'ok' }> {
    if (this.readiness.draining) throw new ApiError('unavailable', 'the server is stopping', undefined, 1);
    let ready = false;
    try {
      const result = await this.pool.query<{ ready: boolean }>(
        `SELECT NOT pg_is_in_recovery() AND to_regclass('events') IS NOT NULL AS ready`,
      );
      ready = result.rows[0]?.ready === true;
      if (ready) await this.readModel?.ping();
    } catch {
      ready = false;
    }
    if (!ready) throw new ApiError('unavailable', 'the event log is not writable or the read model is missing', undefined, 5);
    return { status: 'ok' };
  }
}
