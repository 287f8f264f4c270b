import type { AircraftItem } from '@beacon/ingest-formats';
import { DomainError } from '@beacon/domain';
import { ConcurrencyError } from '@beacon/event-store';
import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { RegisterAssetCommand } from '../../assets/register-asset/register-asset.command';
import { AssetDirectory } from '../../heartbeats/asset-directory';
import type { RequestMetadata } from '../../http/request-metadata';

/**
 * A feed reports every aircraft in range, most never seen before: each unknown one is registered
 * (through the same command an operator would send) under the feed's customer. Two feeds racing
 * to register the same aircraft is fine: the loser finds it registered.
 */
@Injectable()
export class RegisterUnknownAircraft {
  constructor(
    private readonly commands: CommandBus,
    private readonly directory: AssetDirectory,
  ) {}

  async registerMissing(items: readonly AircraftItem[], customerId: string, metadata: RequestMetadata): Promise<void> {
    const unique = new Map(items.map((item) => [item.assetId, item]));
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
        const registeredMeanwhile = error instanceof ConcurrencyError || (error instanceof DomainError && /already_exists|decommissioned/.test(error.code));
        if (!registeredMeanwhile) throw error;
      }
    }
  }
}
