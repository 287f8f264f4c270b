import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { SYSTEM } from '../auth/principal';
import { RecordHeartbeatsCommand } from '../heartbeats/record-heartbeats/record-heartbeats.command';
import { DEMO_FLEET } from './demo-fleet';
import { demoMetadata } from './demo-fleet.registrar';
import { DemoTraffic } from './demo-traffic';

const SEND_INTERVAL_MS = 3_000;

/** Drives the demo: every few seconds each non-silent vehicle reports where it is on its town's roads. */
@Injectable()
export class DemoSender implements OnApplicationShutdown {
  private readonly logger = new Logger(DemoSender.name);
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> | null = null;
  private readonly traffic = new DemoTraffic(DEMO_FLEET);

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
    const items = this.traffic.reportsAt(now).map(({ assetId, fix }, index) => ({
      index,
      assetId,
      heartbeat: { timestamp: now.toISOString(), ...fix, battery: 87 },
    }));
    try {
      await this.commands.execute(new RecordHeartbeatsCommand(items, demoMetadata(), SYSTEM));
    } catch (error) {
      this.logger.warn(`demo heartbeats not stored: ${(error as Error).message}`);
    }
  }
}
