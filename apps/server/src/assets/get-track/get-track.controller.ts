import { DEFAULT_TRACK_MAX_POINTS, trackQuerySchema, type TrackQueryParams, type TrackResponse } from '@beacon/contracts';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CurrentPrincipal, ReadAccess } from '../../auth/access.decorators';
import { readScope, type Principal } from '../../auth/principal';
import { ApiError } from '../../http/api-error';
import { compileSchema } from '../../http/schema-validator';
import { GetTrackQuery } from './get-track.query';

const DAY_MS = 24 * 60 * 60 * 1000;

const validate = compileSchema<TrackQueryParams>(trackQuerySchema);

@Controller('api/v1/assets')
export class GetTrackController {
  constructor(private readonly queries: QueryBus) {}

  /** The last 24 hours unless `from`/`to` say otherwise; at most `maxPoints`. */
  @Get(':id/track')
  @ReadAccess()
  track(@Param('id') id: string, @Query() query: Record<string, string>, @CurrentPrincipal() caller: Principal): Promise<TrackResponse> {
    const params = validate({ ...query, ...(query['maxPoints'] !== undefined ? { maxPoints: Number(query['maxPoints']) } : {}) });
    const to = params.to ? new Date(params.to) : new Date();
    const from = params.from ? new Date(params.from) : new Date(to.getTime() - DAY_MS);
    if (from > to) throw new ApiError('invalid_request', 'from must not be after to', [{ field: 'from', reason: 'is after to' }]);
    return this.queries.execute(new GetTrackQuery(id, from, to, params.maxPoints ?? DEFAULT_TRACK_MAX_POINTS, readScope(caller)));
  }
}
