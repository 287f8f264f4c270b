import { daysBetween, ensureHeartbeatPartitions } from '@beacon/event-store';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import type { BeaconConfig } from '../config/beacon-config';
import { BEACON_CONFIG, PG_POOL } from '../config/config.tokens';

const EVERY_HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 86_400_000;
/**
 * How far back partitions are made ahead of time: the accepted window, but no more than a month
 * (late heartbeats from devices that were offline for days are common; older ones are rare and
 * get their partition on demand).
 */
const MAX_DAYS_BACK = 31;

/**
 * Creates the daily heartbeat partitions of the accepted time window ahead of time — at start, then
 * hourly, always up to tomorrow (UTC) — so the request path finds them and runs no DDL. Each
 * partition is created in its own short transaction with a lock timeout and retried
 * (`ensureHeartbeatPartitions`); replicas racing to create the same day are serialised by the
 * database. A failed round is logged and tried again at the next.
 */
@Injectable()
export class CreatePartitionsAhead implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CreatePartitionsAhead.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(BEACON_CONFIG) private readonly config: BeaconConfig,
  ) {}

  onApplicationBootstrap(): void {
    // Not awaited: start-up does not wait for DDL; a heartbeat arriving first creates its own day.
    this.running = this.createAhead();
    this.timer = setInterval(() => {
      this.running ??= this.createAhead();
    }, EVERY_HOUR_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** The days whose partitions should exist now: the accepted window back to a month, and tomorrow. */
  static window(now: Date, maxAgeDays: number): string[] {
    const back = Math.min(maxAgeDays, MAX_DAYS_BACK);
    return daysBetween(new Date(now.getTime() - back * DAY_MS), new Date(now.getTime() + DAY_MS));
  }

  private async createAhead(): Promise<void> {
    try {
      // Newest first: today and tomorrow matter most.
      await ensureHeartbeatPartitions(this.pool, CreatePartitionsAhead.window(new Date(), this.config.heartbeatMaxAgeDays).reverse());
    } catch (error) {
      this.logger.warn(`cannot create heartbeat partitions ahead of time (next try in an hour): ${(error as Error).message}`);
    } finally {
      this.running = null;
    }
  }
}
