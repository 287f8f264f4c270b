import { DomainError } from '@beacon/domain';
import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { RegisterAssetCommand } from '../assets/register-asset/register-asset.command';
import { RegisterCustomerCommand } from '../customers/register-customer/register-customer.command';
import { RecordHeartbeatsCommand } from '../heartbeats/record-heartbeats/record-heartbeats.command';
import { SYSTEM } from '../auth/principal';
import type { RequestMetadata } from '../http/request-metadata';
import { DEMO_AIR_OPERATOR, DEMO_FLEET } from './demo-fleet';

/** How long ago a silent vehicle was last heard of, so the demo starts with offline vehicles. */
const SILENT_LAST_SEEN_MS = 15 * 60 * 1000;

/**
 * Registers the demo fleet through the same commands an operator would send, so it is in the event
 * log like any other data. Already registered → skipped: a second start registers nothing twice.
 */
@Injectable()
export class DemoFleetRegistrar {
  private readonly logger = new Logger(DemoFleetRegistrar.name);

  constructor(private readonly commands: CommandBus) {}

  async registerMissing(): Promise<void> {
    let registered = 0;
    for (const customer of DEMO_FLEET) {
      const metadata = demoMetadata();
      if (await this.created(new RegisterCustomerCommand(customer.id, customer.name, customer.address, metadata))) registered++;
      for (const vehicle of customer.vehicles) {
        const asset = { id: vehicle.vin, kind: 'vehicle' as const, customerId: customer.id, registration: vehicle.registration };
        if (!(await this.created(new RegisterAssetCommand(asset, metadata)))) continue;
        registered++;
        if (vehicle.silent) await this.lastHeardLongAgo(vehicle.vin, customer.home, metadata);
      }
    }
    registered += await this.registerAircraft(demoMetadata());
    this.logger.log(registered ? `demo fleet: registered ${registered} customers and assets` : 'demo fleet: already registered');
  }

  /** The operator and its aircraft: each keyed by its ICAO address, starting with the callsign it flies under. */
  private async registerAircraft(metadata: RequestMetadata): Promise<number> {
    const operator = DEMO_AIR_OPERATOR;
    let registered = (await this.created(new RegisterCustomerCommand(operator.id, operator.name, operator.address, metadata))) ? 1 : 0;
    for (const { icao24, callsign } of operator.aircraft) {
      const asset = { id: icao24, kind: 'aircraft' as const, customerId: operator.id, icao24, callsign };
      if (await this.created(new RegisterAssetCommand(asset, metadata))) registered++;
    }
    return registered;
  }

  private async created(command: RegisterCustomerCommand | RegisterAssetCommand): Promise<boolean> {
    try {
      await this.commands.execute(command);
      return true;
    } catch (error) {
      const exists = error instanceof DomainError && /already_exists$|decommissioned$/.test(error.code);
      if (exists) return false;
      throw error;
    }
  }

  private async lastHeardLongAgo(assetId: string, home: { lat: number; lon: number }, metadata: RequestMetadata): Promise<void> {
    const timestamp = new Date(Date.now() - SILENT_LAST_SEEN_MS).toISOString();
    await this.commands.execute(new RecordHeartbeatsCommand([{ index: 0, assetId, heartbeat: { timestamp, ...home } }], metadata, SYSTEM));
  }
}

export function demoMetadata(): RequestMetadata {
  return { correlationId: `demo-${Date.now()}`, receivedAt: new Date().toISOString(), source: 'demo' };
}
