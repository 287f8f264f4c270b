import { EventStore, HeartbeatWriter } from '@beacon/event-store';
import { Global, Inject, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import type { BeaconConfig } from '../config/beacon-config';
import { BEACON_CONFIG, PG_POOL } from '../config/config.tokens';
import { BeaconMetrics } from '../metrics/beacon-metrics';

const logger = new Logger('Database');

/**
 * A transaction left open this long is ended by PostgreSQL: no code path keeps one open while it
 * waits for something else (Elasticsearch, a client), so only a stuck process gets there, and its
 * locks must not hold the log.
 */
const IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;

/**
 * An idle pooled connection that the server drops (a restart, a failover) emits 'error' on the pool;
 * without a listener that would end the process. The pool replaces the connection on next use.
 * Nothing waits without bound: a connection that cannot be made within 5 s, and a statement that
 * runs or waits for a lock longer than the configured timeout, fail the request (503).
 */
function createPool(databaseUrl: string, config: BeaconConfig): Pool {
  const pool = new Pool({
    connectionString: databaseUrl,
    max: 20,
    connectionTimeoutMillis: 5000,
    // Sent with the connection's start-up packet: no extra round trip per connection.
    statement_timeout: config.databaseStatementTimeoutMs,
    idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_TIMEOUT_MS,
  });
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
        { provide: PG_POOL, inject: [BEACON_CONFIG], useFactory: (config: BeaconConfig) => createPool(databaseUrl, config) },
        { provide: EventStore, inject: [PG_POOL], useFactory: (pool: Pool) => new EventStore(pool) },
        {
          provide: HeartbeatWriter,
          inject: [PG_POOL, BeaconMetrics, BEACON_CONFIG],
          useFactory: (pool: Pool, metrics: BeaconMetrics, config: BeaconConfig) =>
            new HeartbeatWriter(pool, {
              maxQueuedRows: config.heartbeatQueueRows,
              onQueueFull: (rows) => metrics.queueRefused.inc(rows),
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
