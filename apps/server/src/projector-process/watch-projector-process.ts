import { readProjectionLag } from '@beacon/projections';
import type { INestApplication } from '@nestjs/common';
import type { Pool } from 'pg';
import { Counter } from 'prom-client';
import type { BeaconConfig } from '../config/beacon-config';
import { PG_POOL } from '../config/config.tokens';
import { BeaconMetrics } from '../metrics/beacon-metrics';
import { ProjectionMetrics } from '../metrics/projection-metrics';
import { assetsProjectionName } from '../read-side/assets-projection';
import type { ProjectorProcess } from './projector-process';

/**
 * The server's `/metrics` about the projector it runs in a child process: the projection's lag,
 * read from its checkpoint and the log as any process can (so it is right whichever process leads),
 * and how often the child had to be started again.
 */
export function watchProjectorProcess(app: INestApplication, config: BeaconConfig, projector: ProjectorProcess): void {
  const pool = app.get<Pool>(PG_POOL);
  const name = assetsProjectionName(config);
  app.get(ProjectionMetrics).watchLag(name, (now) => readProjectionLag(pool, name, now));
  let counted = 0;
  new Counter({
    name: 'beacon_projector_process_restarts_total',
    help: 'Times the projector process this server runs was started again after it exited',
    registers: [app.get(BeaconMetrics).registry],
    collect() {
      this.inc(projector.restarts - counted);
      counted = projector.restarts;
    },
  });
}
