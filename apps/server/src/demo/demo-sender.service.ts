import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { SYSTEM } from '../auth/principal';
import { RecordHeartbeatsCommand } from '../heartbeats/record-heartbeats/record-heartbeats.command';
import { DEMO_FLEET } from './demo-fleet';
import { demoMetadata } from './demo-fleet.registrar';
import { demoPosition } from './demo-route';

const SEND_INTERVAL_MS = 3_000;

/** Drives the demo: every few seconds each non-silent vehicle reports where it is on its loop. */
@Injectable()
export class DemoSender implements OnApplicationShutdown {
  private readonly logger = new Logger(DemoSender.name);
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> | null = null;

  constructor(private readonly commands: CommandBus) {}

  start(): void {
    this.timer = setInterval(() => {
      this.inFlight ??= this.sendOnce().finally(() => (this.inFlight = null));
    }, SEND_INTERVAL_MS);
    void this.sendOnce();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.inFlight;
  }

  private async sendOnce(): Promise<void> {
    const now = new Date();
    const items = DEMO_FLEET.flatMap((customer) =>
      customer.vehicles
        .filter((vehicle) => !vehicle.silent)
        // Each vehicle of a customer on its own phase of the loop, so they do not drive in a pack.
        .map((vehicle, phase) => ({
          assetId: vehicle.vin,
          heartbeat: { timestamp: now.toISOString(), ...demoPosition(customer.home, phase * 2.1, now), battery: 87 },
        })),
    ).map((item, index) => ({ ...item, index }));
    try {
      await this.commands.execute(new RecordHeartbeatsCommand(items, demoMetadata(), SYSTEM));
    } catch (error) {
      this.logger.warn(`demo heartbeats not stored: ${(error as Error).message}`);
    }
  }
}
