import type { HeartbeatsAcceptedResponse } from '@beacon/contracts';
import { customerStream } from '@beacon/domain';
import { EventStore } from '@beacon/event-store';
import { parseOpenSky, parseReadsb, type FeedResult } from '@beacon/ingest-formats';
import { Body, Controller, HttpCode, Inject, Post, Query, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { CurrentPrincipal, HeartbeatAccess } from '../../auth/access.decorators';
import type { Principal } from '../../auth/principal';
import type { BeaconConfig } from '../../config/beacon-config';
import { BEACON_CONFIG } from '../../config/config.tokens';
import { RecordHeartbeatsCommand, type RecordHeartbeatsResult } from '../../heartbeats/record-heartbeats/record-heartbeats.command';
import { ApiError } from '../../http/api-error';
import { requestMetadata } from '../../http/request-metadata';
import { SUMMARISED_ACCESS } from '../../logging/access-log';
import { feedCustomer } from './feed-customer';
import { refuseBeforeRegistering } from './refuse-before-registering';
import { RegisterUnknownAircraft } from './register-unknown-aircraft';

type Parser = (doc: unknown, receivedAt: Date) => FeedResult;

/**
 * ADS-B receivers' documents: readsb/tar1090 `aircraft.json` and OpenSky `/states/all`, applied
 * aircraft by aircraft (decision 023): one that cannot be read, registered or stored is rejected by
 * its index, and every other one is registered and gets its heartbeat.
 */
@Controller('api/v1/ingest')
@HeartbeatAccess()
export class AdsbFeedsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly registrar: RegisterUnknownAircraft,
    private readonly store: EventStore,
    @Inject(BEACON_CONFIG) private readonly config: BeaconConfig,
  ) {}

  @Post('readsb')
  @HttpCode(202)
  @RouteConfig(SUMMARISED_ACCESS)
  readsb(
    @Body() body: unknown,
    @Query('customerId') customerId: string | undefined,
    @Req() request: FastifyRequest,
    @CurrentPrincipal() sender: Principal,
  ) {
    return this.ingest(parseReadsb, 'readsb', body, customerId, request, sender);
  }

  @Post('opensky')
  @HttpCode(202)
  @RouteConfig(SUMMARISED_ACCESS)
  opensky(
    @Body() body: unknown,
    @Query('customerId') customerId: string | undefined,
    @Req() request: FastifyRequest,
    @CurrentPrincipal() sender: Principal,
  ) {
    return this.ingest(parseOpenSky, 'opensky', body, customerId, request, sender);
  }

  private async ingest(
    parse: Parser,
    source: string,
    body: unknown,
    customerIdParam: string | undefined,
    request: FastifyRequest,
    sender: Principal,
  ): Promise<HeartbeatsAcceptedResponse> {
    const metadata = requestMetadata(request, source);
    const parsed = parse(body, new Date(metadata.receivedAt));
    if (!parsed.ok) throw new ApiError('invalid_request', `not a valid ${source} document`, parsed.details);
    const customerId = feedCustomer(sender, customerIdParam);
    if ((await this.store.streamVersion(customerStream(customerId))) === 0) {
      throw new ApiError('invalid_request', `customer ${customerId} does not exist`, [{ field: 'customerId', reason: 'unknown customer' }]);
    }
    const inWindow = refuseBeforeRegistering(parsed.items, new Date(metadata.receivedAt), this.config.heartbeatMaxAgeDays);
    const registered = await this.registrar.registerMissing(inWindow.items, customerId, metadata);
    return this.commands.execute<RecordHeartbeatsCommand, RecordHeartbeatsResult>(
      new RecordHeartbeatsCommand(registered.items, metadata, sender, [...parsed.rejected, ...inWindow.rejected, ...registered.rejected]),
    );
  }
}
