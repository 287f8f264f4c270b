import type { HeartbeatsAcceptedResponse } from '@beacon/contracts';
import { parseOsmAnd, parseOsmAndJson, type QueryFields } from '@beacon/ingest-formats';
import { Body, Controller, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { CurrentPrincipal, HeartbeatAccess, KeyInQuery } from '../../auth/access.decorators';
import type { Principal } from '../../auth/principal';
import { RecordHeartbeatsCommand, type RecordHeartbeatsResult } from '../../heartbeats/record-heartbeats/record-heartbeats.command';
import { ApiError } from '../../http/api-error';
import { requestMetadata } from '../../http/request-metadata';
import { SUMMARISED_ACCESS } from '../../logging/access-log';

/**
 * The OsmAnd protocol of Traccar Client and other phone apps: fields in the query string (GET) or
 * a form body (POST), or the JSON body of Traccar Client 9. Answers 200, which is what those apps
 * wait for; an unknown device is a 400, as a Traccar server answers it. The key may come as
 * `?key=` or as the URL's last segment (`…/osmand/<key>`): Traccar Client set up by QR code or link
 * keeps the server URL's path but drops its query string.
 */
@Controller('api/v1/ingest/osmand')
@HeartbeatAccess()
@KeyInQuery()
export class OsmAndController {
  constructor(private readonly commands: CommandBus) {}

  @Get(['', ':key'])
  @HttpCode(200)
  @RouteConfig(SUMMARISED_ACCESS)
  viaQuery(
    @Query() query: QueryFields,
    @Req() request: FastifyRequest,
    @CurrentPrincipal() sender: Principal,
  ): Promise<HeartbeatsAcceptedResponse> {
    return this.record(query, request, sender);
  }

  @Post(['', ':key'])
  @HttpCode(200)
  @RouteConfig(SUMMARISED_ACCESS)
  viaBody(
    @Query() query: QueryFields,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @CurrentPrincipal() sender: Principal,
  ): Promise<HeartbeatsAcceptedResponse> {
    const isJson = /json/.test(request.headers['content-type'] ?? '');
    return this.record(isJson ? body : { ...query, ...(body as QueryFields | undefined) }, request, sender);
  }

  private async record(input: unknown, request: FastifyRequest, sender: Principal): Promise<HeartbeatsAcceptedResponse> {
    const metadata = requestMetadata(request, 'osmand');
    const receivedAt = new Date(metadata.receivedAt);
    const parsed = isTraccarJson(input) ? parseOsmAndJson(input, receivedAt) : parseOsmAnd(input as QueryFields, receivedAt);
    if (!parsed.ok) throw new ApiError('invalid_request', 'not a valid OsmAnd location report', parsed.details);
    const result = await this.commands.execute<RecordHeartbeatsCommand, RecordHeartbeatsResult>(
      new RecordHeartbeatsCommand([parsed.item], metadata, sender),
    );
    const [failure] = result.rejected;
    if (failure) {
      // Traccar answers an unknown device with 400; so does Beacon, whatever the reason.
      throw new ApiError(
        failure.error === 'forbidden' ? 'forbidden' : 'invalid_request',
        failure.details[0]?.reason ?? 'refused',
        failure.details,
      );
    }
    return result;
  }
}

/** Traccar Client 9 posts `{ device_id, location: { … } }` as JSON. */
function isTraccarJson(input: unknown): boolean {
  return typeof input === 'object' && input !== null && 'location' in input && typeof input.location === 'object';
}
