import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '../config/config.tokens';

/** How often the last-use times gathered in memory are written. */
const FLUSH_MS = 5_000;

/**
 * When each key was last used. Writing on every request would put a database write on the path of
 * every heartbeat, so uses are noted in memory and written every few seconds, one statement for all
 * keys; the newest time wins when processes overlap. Good to a few seconds, which is what an admin
 * deciding whether a key is still in use needs.
 */
@Injectable()
export class ApiKeyUsage implements OnApplicationShutdown {
  private readonly logger = new Logger(ApiKeyUsage.name);
  private pending = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  used(keyId: string, at: number): void {
    this.pending.set(keyId, at);
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_MS);
  }

  /** Writes what was gathered; a failed write is retried with the next one. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    try {
      await this.pool.query(
        `INSERT INTO api_key_usage (key_id, last_used_at)
         SELECT key_id, to_timestamp(ms / 1000.0) FROM unnest($1::text[], $2::float8[]) AS t(key_id, ms)
         ON CONFLICT (key_id) DO UPDATE SET last_used_at = GREATEST(api_key_usage.last_used_at, excluded.last_used_at)`,
        [[...batch.keys()], [...batch.values()]],
      );
    } catch (error) {
      for (const [keyId, at] of batch) if (!this.pending.has(keyId)) this.pending.set(keyId, at);
      this.logger.warn(`cannot record when API keys were last used: ${(error as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.flush();
  }
}
