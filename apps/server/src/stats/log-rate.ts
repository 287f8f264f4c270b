import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '../config/config.tokens';

interface Sample {
  at: number;
  head: bigint;
}

const SAMPLE_EVERY_MS = 1000;
/** The rate is averaged over this many seconds: steady enough to read, fresh enough to trust. */
const WINDOW_SAMPLES = 10;

/**
 * How fast the event log grows, from its head position sampled once a second (one sequence read,
 * whatever the size of the log). Positions come from one sequence, so the head is also the number
 * of events ever appended (a rolled-back append leaves a gap, which is rare and only counts high).
 */
@Injectable()
export class LogRate implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LogRate.name);
  private readonly samples: Sample[] = [];
  private timer: NodeJS.Timeout | null = null;
  private failing = false;

  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sample(), SAMPLE_EVERY_MS);
    this.timer.unref();
    void this.sample();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** The log's head position: every event appended so far. */
  async head(): Promise<bigint> {
    const result = await this.pool.query<{ head: string }>(
      'SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS head FROM event_global_position',
    );
    return BigInt(result.rows[0]?.head ?? 0);
  }

  /** Events per second over the last ten seconds (0 until two samples exist). */
  perSecond(): number {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last || last.at === first.at) return 0;
    return Number(last.head - first.head) / ((last.at - first.at) / 1000);
  }

  private async sample(): Promise<void> {
    try {
      this.samples.push({ at: Date.now(), head: await this.head() });
      if (this.samples.length > WINDOW_SAMPLES + 1) this.samples.shift();
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.logger.warn(`cannot sample the event log: ${(error as Error).message}`);
      this.failing = true;
    }
  }
}
