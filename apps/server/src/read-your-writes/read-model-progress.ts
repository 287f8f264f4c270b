import { readCheckpoint } from '@beacon/event-store';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import type { BeaconConfig } from '../config/beacon-config';
import { BEACON_CONFIG, PG_POOL } from '../config/config.tokens';
import { assetsProjectionName } from '../read-side/assets-projection';

/** How often the checkpoint is read while some command waits for it. */
const POLL_MS = 10;

interface Waiter {
  position: bigint;
  settle(reached: boolean): void;
  timer: NodeJS.Timeout;
}

/**
 * How far the deployment's read model has applied the log, so a command can answer once its own
 * event is readable. The projector stores its checkpoint in PostgreSQL in the same transaction as
 * its writes (PostgreSQL read model) or right after them (Elasticsearch), so every process — an
 * ingest process with the projector elsewhere too — can tell from the checkpoint alone. One query
 * per poll serves every waiting command, and nothing is read while none waits.
 */
@Injectable()
export class ReadModelProgress implements OnApplicationShutdown {
  private readonly projection: string;
  private readonly waitMs: number;
  private applied = 0n;
  private readonly waiters = new Set<Waiter>();
  private poll: NodeJS.Timeout | null = null;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(BEACON_CONFIG) config: BeaconConfig,
  ) {
    this.projection = assetsProjectionName(config);
    this.waitMs = config.readYourWritesMs;
  }

  /** True once the read model has applied `position`; false when the configured wait ran out first. */
  reached(position: bigint): Promise<boolean> {
    if (position <= this.applied) return Promise.resolve(true);
    if (this.waitMs === 0) return Promise.resolve(false);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        position,
        settle: (reached) => {
          clearTimeout(waiter.timer);
          this.waiters.delete(waiter);
          resolve(reached);
        },
        timer: setTimeout(() => waiter.settle(false), this.waitMs),
      };
      this.waiters.add(waiter);
      this.schedule(0);
    });
  }

  onApplicationShutdown(): void {
    for (const waiter of this.waiters) waiter.settle(false);
    if (this.poll) clearTimeout(this.poll);
  }

  private schedule(delayMs: number): void {
    if (this.poll || this.waiters.size === 0) return;
    this.poll = setTimeout(() => void this.readCheckpoint(), delayMs);
  }

  private async readCheckpoint(): Promise<void> {
    try {
      const checkpoint = await readCheckpoint(this.pool, this.projection);
      if (checkpoint > this.applied) this.applied = checkpoint;
    } catch {
      // The database is unreachable: the command itself was stored; its wait runs out and says so.
    }
    for (const waiter of this.waiters) if (waiter.position <= this.applied) waiter.settle(true);
    this.poll = null;
    this.schedule(POLL_MS);
  }
}
