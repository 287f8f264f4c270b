import type { AircraftItem } from '@beacon/ingest-formats';
import { DomainError } from '@beacon/domain';
import { ConcurrencyError, isHeartbeatDataError } from '@beacon/event-store';
import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { RegisterAssetCommand } from '../../assets/register-asset/register-asset.command';
import type { BeaconConfig } from '../../config/beacon-config';
import { BEACON_CONFIG } from '../../config/config.tokens';
import type { RejectedHeartbeat } from '../../heartbeats/record-heartbeats/record-heartbeats.command';
import type { RequestMetadata } from '../../http/request-metadata';
import { aircraftAssetIds } from './aircraft-asset-ids';
import { FleetAircraft } from './fleet-aircraft';

export interface Registered {
  /** The items whose aircraft is in the customer's fleet, now or before, with its asset's id. */
  items: AircraftItem[];
  /** The items of aircraft that could not be registered, by index. */
  rejected: RejectedHeartbeat[];
}

/** Why one aircraft was not registered: the item's error and reason. */
type Refusal = Pick<RejectedHeartbeat, 'error'> & { reason: string };

/**
 * A feed reports every aircraft in range, most never seen before. Each is looked up in the feed
 * customer's fleet by its ICAO address, and an unknown one is registered there (through the same
 * command an operator would send), whether or not another customer tracks it too (decision 030),
 * up to the customer's cap on aircraft its feeds register. Two feeds of one customer racing to
 * register an aircraft is fine: the loser finds it registered. An aircraft whose registration fails
 * for its own data (the domain or PostgreSQL refusing it) costs only its own items; a failure of the
 * database itself still fails the request, which the client retries.
 */
@Injectable()
export class RegisterUnknownAircraft {
  constructor(
    private readonly commands: CommandBus,
    private readonly fleet: FleetAircraft,
    @Inject(BEACON_CONFIG) private readonly config: BeaconConfig,
  ) {}

  async registerMissing(items: AircraftItem[], customerId: string, metadata: RequestMetadata): Promise<Registered> {
    const aircraft = new Map(items.map((item) => [item.aircraft.icao24, item.aircraft]));
    const found = await this.fleet.find(customerId, [...aircraft.keys()]);
    const assetOf = new Map<string, string>();
    const refused = new Map<string, Refusal>();
    const unknown: AircraftItem['aircraft'][] = [];
    for (const [icao24, entry] of found) {
      const info = aircraft.get(icao24);
      if (entry.kind === 'unknown' && info) unknown.push(info);
      // A decommissioned aircraft keeps its asset: the heartbeat handler refuses its items.
      else if (entry.kind !== 'unknown') assetOf.set(icao24, entry.assetId);
    }
    let room = unknown.length === 0 ? 0 : this.config.feedAircraftPerCustomer - (await this.fleet.registeredByFeeds(customerId));
    for (const info of unknown) {
      const { icao24 } = info;
      if (room <= 0) {
        refused.set(icao24, { error: 'limit_reached', reason: this.limitReason(customerId) });
        continue;
      }
      const outcome = await this.register(info, customerId, metadata);
      if (typeof outcome === 'string') {
        assetOf.set(icao24, outcome);
        room--;
      } else {
        refused.set(icao24, outcome);
      }
    }
    return {
      items: items.flatMap((item) => {
        const assetId = assetOf.get(item.aircraft.icao24);
        return assetId === undefined ? [] : [{ ...item, assetId }];
      }),
      rejected: items.flatMap(({ index, aircraft: { icao24 } }) => {
        const refusal = refused.get(icao24);
        return refusal === undefined ? [] : [{ index, error: refusal.error, details: [{ field: '(item)', reason: refusal.reason }] }];
      }),
    };
  }

  /** Registers the aircraft under the first of its ids that is free; its asset's id, or why not. */
  private async register(aircraft: AircraftItem['aircraft'], customerId: string, metadata: RequestMetadata): Promise<string | Refusal> {
    const ids = aircraftAssetIds(aircraft.icao24, customerId);
    for (const id of ids) {
      const asset = {
        id,
        kind: 'aircraft' as const,
        customerId,
        icao24: aircraft.icao24,
        ...(aircraft.callsign ? { callsign: aircraft.callsign } : {}),
      };
      try {
        await this.commands.execute(new RegisterAssetCommand(asset, metadata));
        return id;
      } catch (error) {
        if (!isTaken(error)) {
          if (!(error instanceof DomainError || isHeartbeatDataError(error))) throw error;
          return { error: 'invalid_request', reason: `cannot be registered: ${(error as Error).message}` };
        }
        // Taken: by this customer's other feed a moment ago, or by another fleet.
        const entry = (await this.fleet.find(customerId, [aircraft.icao24])).get(aircraft.icao24);
        if (entry && entry.kind !== 'unknown') return entry.assetId;
      }
    }
    return {
      error: 'invalid_request',
      reason: `cannot be registered: the asset ids ${ids.join(' and ')} are taken by other fleets; register it with icao24 ${aircraft.icao24} under an id of your choice`,
    };
  }

  private limitReason(customerId: string): string {
    return (
      `customer ${customerId} has reached its limit of ${this.config.feedAircraftPerCustomer} aircraft registered by feeds ` +
      '(BEACON_FEED_AIRCRAFT_PER_CUSTOMER): register it by hand, or decommission aircraft no longer needed'
    );
  }
}

function isTaken(error: unknown): boolean {
  return error instanceof ConcurrencyError || (error instanceof DomainError && /already_exists/.test(error.code));
}
