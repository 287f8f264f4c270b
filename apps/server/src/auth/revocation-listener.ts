import { LogListener } from '@beacon/event-store';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '../config/config.tokens';
import { API_KEY_REVOKED_CHANNEL } from './api-key-events';
import { ApiKeys } from './api-keys';

/**
 * Listens for key revocations announced by any process and drops the key from this one's memory at
 * once. After its connection was lost and made again, it drops every remembered key: an announcement
 * may have been missed meanwhile.
 */
@Injectable()
export class RevocationListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RevocationListener.name);
  private readonly listener: LogListener;

  constructor(@Inject(PG_POOL) pool: Pool, keys: ApiKeys) {
    this.listener = new LogListener(
      pool.options,
      (keyId) => (keyId ? keys.forget(keyId) : keys.forgetAll()),
      (error) => this.logger.warn(`key revocations: ${error.message}`),
      API_KEY_REVOKED_CHANNEL,
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.listener.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener.stop();
  }
}
