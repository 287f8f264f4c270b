import { type DeadLetter, listDeadLetters, requestDeadLetterRetry } from '@beacon/projections';
import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import type { Pool } from 'pg';
import { AdminAccess } from '../auth/access.decorators';
import type { BeaconConfig } from '../config/beacon-config';
import { BEACON_CONFIG, PG_POOL } from '../config/config.tokens';
import { ApiError } from '../http/api-error';
import { assetsProjectionName } from '../read-side/assets-projection';

/**
 * Events a projection set aside because its read model kept refusing them (decision 025): listed,
 * and applied again on request by the projector that leads — once the cause is fixed, a retried
 * event that applies leaves the list.
 */
@Controller('api/v1/admin/projections/:name/dead-letters')
export class DeadLettersController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(BEACON_CONFIG) private readonly config: BeaconConfig,
  ) {}

  @Get()
  @AdminAccess()
  async list(@Param('name') name: string): Promise<{ items: DeadLetter[] }> {
    return { items: await listDeadLetters(this.pool, this.known(name)) };
  }

  @Post('retry')
  @HttpCode(202)
  @AdminAccess()
  async retryAll(@Param('name') name: string): Promise<{ items: DeadLetter[] }> {
    return { items: await requestDeadLetterRetry(this.pool, this.known(name), 'all') };
  }

  @Post(':position/retry')
  @HttpCode(202)
  @AdminAccess()
  async retry(@Param('name') name: string, @Param('position') position: string): Promise<DeadLetter> {
    const projection = this.known(name);
    if (!/^[1-9]\d{0,17}$/.test(position)) {
      throw new ApiError('invalid_request', "position must be an event's global position", [
        { field: 'position', reason: 'must be a whole number from 1' },
      ]);
    }
    const [requested] = await requestDeadLetterRetry(this.pool, projection, BigInt(position));
    if (!requested) throw new ApiError('not_found', `no dead letter at position ${position} in projection ${projection}`);
    return requested;
  }

  /**
   * The projections of this deployment: the asset read model's, named for its store. From the
   * configuration, as every role serves these routes but only some load the read model.
   */
  private known(name: string): string {
    const projection = assetsProjectionName(this.config);
    if (name !== projection) throw new ApiError('not_found', `no projection named ${name}; this deployment runs ${projection}`);
    return name;
  }
}
