import { EventStore } from '@beacon/event-store';
import { ASSET_READ_MODEL, LiveEngine, type AssetReadModel, type LiveConnection, type LiveFilter, type Resume } from '@beacon/read-models';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Pool } from 'pg';
import type { BeaconConfig } from '../../config/beacon-config';
import { BEACON_CONFIG, PG_POOL } from '../../config/config.tokens';
import { ASSETS_PROJECTION, type AssetsProjection } from '../assets-projection';
import { LiveMetrics } from './live-metrics';

/** This process's live engine, started and stopped with the server, reporting to its metrics and log. */
@Injectable()
export class LiveFeed implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(LiveFeed.name);
  private readonly engine: LiveEngine;

  constructor(
    @Inject(PG_POOL) pool: Pool,
    @Inject(BEACON_CONFIG) config: BeaconConfig,
    store: EventStore,
    @Inject(ASSET_READ_MODEL) readModel: AssetReadModel,
    @Inject(ASSETS_PROJECTION) projection: AssetsProjection,
    metrics: LiveMetrics,
  ) {
    this.engine = new LiveEngine({
      pool,
      store,
      readModel,
      projectionName: projection.name,
      idleAfterMs: config.liveIdleSeconds * 1000,
      observer: {
        clients: (count) => metrics.clients.set(count),
        messagesSent: (count) => metrics.messages.inc(count),
        pushDelay: (seconds) => metrics.pushDelay.observe(seconds),
        clientDropped: () => metrics.dropped.inc(),
        following: (on) => metrics.following.set(on ? 1 : 0),
        info: (message) => this.logger.log(message),
        warn: (message) => this.logger.warn(message),
      },
    });
  }

  onApplicationBootstrap(): void {
    this.engine.start();
  }

  /** Before the HTTP server closes: it would otherwise wait for every open stream to be left. */
  beforeApplicationShutdown(): void {
    this.engine.endStreams();
  }

  onApplicationShutdown(): Promise<void> {
    return this.engine.stop();
  }

  connect(connection: LiveConnection, filter: LiveFilter, lastEventId: string | null): Promise<Resume> {
    return this.engine.connect(connection, filter, lastEventId);
  }

  disconnect(connection: LiveConnection, filter: LiveFilter): void {
    this.engine.disconnect(connection, filter);
  }

  dropped(): void {
    this.engine.dropped();
  }
}
