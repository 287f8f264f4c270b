import { EventStore, HeartbeatWriter } from '@beacon/event-store';
import { Global, Inject, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '../config/config.tokens';
import { BeaconMetrics } from '../metrics/beacon-metrics';

const logger = new Logger('Database');

/**
 * An idle pooled connection that the server drops (a restart, a failover) emits 'error' on the pool;
 * without a listener that would end the process. The pool replaces the connection on next use.
 * A connection that cannot be made within 5 s fails the request (503) rather than holding it.
 */
function createPool(databaseUrl: string): Pool {
  const pool = new Pool({ connectionString: databaseUrl, max: 20, connectionTimeoutMillis: 5000 });
  pool.on('error', (error) => logger.warn(`idle database connection lost: ${error.message}`));
  return pool;
}

/** One connection pool per process, shared by the event store, projections and queries. */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly heartbeatWriter: HeartbeatWriter,
  ) {}

  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: PG_POOL, useFactory: () => createPool(databaseUrl) },
        { provide: EventStore, inject: [PG_POOL], useFactory: (pool: Pool) => new EventStore(pool) },
        {
          provide: HeartbeatWriter,
          inject: [PG_POOL, BeaconMetrics],
          useFactory: (pool: Pool, metrics: BeaconMetrics) =>
            new HeartbeatWriter(pool, {
              onFlush: ({ rows, seconds, error }) => {
                metrics.flushRows.observe(rows);
                metrics.flushSeconds.observe(seconds);
                if (error) metrics.eventLogErrors.inc();
              },
            }),
        },
      ],
      exports: [PG_POOL, EventStore, HeartbeatWriter],
    };
  }

  /** Heartbeats still gathering for a flush are written before the pool closes. */
  async onApplicationShutdown(): Promise<void> {
    await this.heartbeatWriter.close();
    await this.pool.end();
  }
}
