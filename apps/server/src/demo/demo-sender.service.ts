import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { SYSTEM } from '../auth/principal';
import { RecordHeartbeatsCommand } from '../heartbeats/record-heartbeats/record-heartbeats.command';
import { DEMO_AIR_OPERATOR, DEMO_FLEET } from './demo-fleet';
import { demoMetadata } from './demo-fleet.registrar';
import { DemoTraffic, type DemoReport } from './demo-traffic';

/**
 * Every 3 s: a vehicle's tracker reports about that often while it drives, and an ADS-B receiver's
 * feed (readsb's aircraft.json, OpenSky) is read every one to ten seconds.
 */
const SEND_INTERVAL_MS = 3_000;

/**
 * Drives the demo: every few seconds each non-silent vehicle reports where it is on its town's roads,
 * and each aircraft what its transponder says (position, altitude, climb, squawk, callsign).
 */
@Injectable()
export class DemoSender implements OnApplicationShutdown {
  private readonly logger = new Logger(DemoSender.name);
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> | null = null;
  private readonly traffic = new DemoTraffic(DEMO_FLEET, DEMO_AIR_OPERATOR);

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
    const timestamp = now.toISOString();
    const items = this.traffic
      .reportsAt(now)
      .map((report, index) => ({ index, assetId: report.assetId, heartbeat: heartbeatOf(report, timestamp) }));
    try {
      await this.commands.execute(new RecordHeartbeatsCommand(items, demoMetadata(), SYSTEM));
    } catch (error) {
      this.logger.warn(`demo heartbeats not stored: ${(error as Error).message}`);
    }
  }
}

/** A vehicle's tracker reports its battery too; an aircraft's transponder its squawk and callsign. */
function heartbeatOf(report: DemoReport, timestamp: string) {
  return report.kind === 'vehicle'
    ? { timestamp, ...report.fix, battery: 87 }
    : { timestamp, ...report.fix, squawk: report.squawk, callsign: report.callsign };
}
