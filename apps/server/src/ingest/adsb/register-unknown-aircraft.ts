import type { AircraftItem } from '@beacon/ingest-formats';
import { DomainError } from '@beacon/domain';
import { ConcurrencyError, isHeartbeatDataError } from '@beacon/event-store';
import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { RegisterAssetCommand } from '../../assets/register-asset/register-asset.command';
import { AssetDirectory } from '../../heartbeats/asset-directory';
import type { RejectedHeartbeat } from '../../heartbeats/record-heartbeats/record-heartbeats.command';
import type { RequestMetadata } from '../../http/request-metadata';

export interface Registered {
  /** The items whose aircraft is registered, now or before. */
  items: AircraftItem[];
  /** The items of aircraft that could not be registered, by index. */
  rejected: RejectedHeartbeat[];
}

/**
 * A feed reports every aircraft in range, most never seen before: each unknown one is registered
 * (through the same command an operator would send) under the feed's customer. Two feeds racing
 * to register the same aircraft is fine: the loser finds it registered. An aircraft whose
 * registration fails for its own data (the domain or PostgreSQL refusing it) costs only its own
 * items; a failure of the database itself still fails the request, which the client retries.
 */
@Injectable()
export class RegisterUnknownAircraft {
  constructor(
    private readonly commands: CommandBus,
    private readonly directory: AssetDirectory,
  ) {}

  async registerMissing(items: AircraftItem[], customerId: string, metadata: RequestMetadata): Promise<Registered> {
    const unique = new Map(items.map((item) => [item.assetId, item]));
    const refused = new Map<string, string>();
    for (const { assetId, aircraft } of unique.values()) {
      if (await this.directory.lookup(assetId)) continue;
      const asset = {
        id: assetId,
        kind: 'aircraft' as const,
        customerId,
        icao24: aircraft.icao24,
        ...(aircraft.callsign ? { callsign: aircraft.callsign } : {}),
      };
      try {
        await this.commands.execute(new RegisterAssetCommand(asset, metadata));
      } catch (error) {
        if (registeredMeanwhile(error)) continue;
        if (!(error instanceof DomainError || isHeartbeatDataError(error))) throw error;
        refused.set(assetId, (error as Error).message);
      }
    }
    if (refused.size === 0) return { items, rejected: [] };
    return {
      items: items.filter((item) => !refused.has(item.assetId)),
      rejected: items.flatMap(({ index, assetId }) => {
        const reason = refused.get(assetId);
        return reason === undefined ? [] : [{ index, error: 'invalid_request' as const, details: [{ field: '(item)', reason: `cannot be registered: ${reason}` }] }];
      }),
    };
  }
}

function registeredMeanwhile(error: unknown): boolean {
  return error instanceof ConcurrencyError || (error instanceof DomainError && /already_exists|decommissioned/.test(error.code));
}
