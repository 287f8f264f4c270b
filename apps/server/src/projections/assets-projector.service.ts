import { EventStore, Subscription } from '@beacon/event-store';
import { projectAssets } from '@beacon/read-models';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '../config/config.tokens';

/** Keeps the PostgreSQL `assets` read model up to date by following the event log. */
@Injectable()
export class AssetsProjector implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AssetsProjector.name);
  private readonly subscription: Subscription;

  constructor(@Inject(PG_POOL) pool: Pool, store: EventStore) {
    this.subscription = new Subscription(pool, store, {
      name: 'assets-read-model',
      batchSize: 1000,
      handle: projectAssets,
      onError: (error) => this.logger.error(`projection paused, retrying: ${error.message}`),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.subscription.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription.stop();
  }
}
