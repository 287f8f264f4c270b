import { ElasticsearchIndices, dropExpiredPositionIndices } from '@beacon/read-models';
import type { Client } from '@elastic/elasticsearch';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { BeaconConfig } from '../config/beacon-config';
import { BEACON_CONFIG } from '../config/config.tokens';
import { ELASTICSEARCH_CLIENT } from '../read-side/read-model.module';

const EVERY_HOUR_MS = 60 * 60 * 1000;

/**
 * `BEACON_RETENTION_DAYS` for tracks on Elasticsearch: hourly, deletes the daily positions indices
 * that have expired, as DropExpiredHeartbeats drops the log's partitions. Projectors may race to
 * delete the same index; a missing one is not an error.
 */
@Injectable()
export class DropExpiredPositions implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DropExpiredPositions.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(ELASTICSEARCH_CLIENT) private readonly client: Client | null,
    private readonly indices: ElasticsearchIndices,
    @Inject(BEACON_CONFIG) private readonly config: BeaconConfig,
  ) {}

  onApplicationBootstrap(): void {
    const days = this.config.retentionDays;
    const client = this.client;
    if (days === null || client === null) return;
    const run = (): void => void this.dropExpired(client, days);
    run();
    this.timer = setInterval(run, EVERY_HOUR_MS);
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async dropExpired(client: Client, days: number): Promise<void> {
    try {
      const dropped = await dropExpiredPositionIndices(client, this.indices, days, new Date());
      if (dropped.length) this.logger.log(`retention: dropped positions of ${dropped.join(', ')}`);
    } catch (error) {
      this.logger.warn(`retention: ${(error as Error).message}`);
    }
  }
}
