import { EventStore } from '@beacon/event-store';
import { Projector } from '@beacon/projections';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import type { BeaconConfig } from '../config/beacon-config';
import { BEACON_CONFIG, PG_POOL } from '../config/config.tokens';
import { ProjectionMetrics } from '../metrics/projection-metrics';
import { ASSETS_PROJECTION, type AssetsProjection } from './assets-projection';

/**
 * Keeps the asset read model up to date by following the event log. Every projector process
 * campaigns; the one that leads projects, the others stand by to take over.
 */
@Injectable()
export class AssetsProjector implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly projector: Projector;

  constructor(
    @Inject(PG_POOL) pool: Pool,
    store: EventStore,
    @Inject(ASSETS_PROJECTION) { name, projection, rebuilds }: AssetsProjection,
    metrics: ProjectionMetrics,
    @Inject(BEACON_CONFIG) config: BeaconConfig,
  ) {
    this.projector = new Projector({
      pool,
      store,
      name,
      projection,
      ...(rebuilds ? { rebuilds } : {}),
      // Up to 50,000 events a batch: caught up, batches are what arrived since the last one; behind,
      // bigger batches write each asset's document once for more of its heartbeats (50,000 against
      // 20,000, measured: docs/performance-history.md "Projections").
      batchSize: 50_000,
      deadLetterAfter: config.deadLetterAfter,
      logger: new Logger(AssetsProjector.name),
      observer: metrics.observe(name),
    });
    metrics.watchLag(name, (now) => this.projector.lagMs(now));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.projector.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.projector.stop();
  }
}
