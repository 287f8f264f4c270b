import { dropExpiredHeartbeatPartitions } from '@beacon/event-store';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import type { BeaconConfig } from '../config/beacon-config';
import { BEACON_CONFIG, PG_POOL } from '../config/config.tokens';

const EVERY_HOUR_MS = 60 * 60 * 1000;

/**
 * `BEACON_RETENTION_DAYS`: once at start and then hourly, drops the daily heartbeat partitions that
 * have expired. Replicas may race to drop the same partition; `DROP TABLE IF EXISTS` makes that
 * harmless. Lifecycle events and the read models (the latest state of every asset) are kept.
 */
@Injectable()
export class DropExpiredHeartbeats implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DropExpiredHeartbeats.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(BEACON_CONFIG) private readonly config: BeaconConfig,
  ) {}

  onApplicationBootstrap(): void {
    const days = this.config.retentionDays;
    if (days === null) return;
    const run = (): void => void this.dropExpired(days);
    run();
    this.timer = setInterval(run, EVERY_HOUR_MS);
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async dropExpired(days: number): Promise<void> {
    try {
      const dropped = await dropExpiredHeartbeatPartitions(this.pool, days, new Date());
      if (dropped.length) this.logger.log(`retention: dropped heartbeats of ${dropped.map((d) => d.day).join(', ')}`);
    } catch (error) {
      this.logger.warn(`retention: ${(error as Error).message}`);
    }
  }
}
