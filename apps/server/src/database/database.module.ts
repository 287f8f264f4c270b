import { EventStore } from '@beacon/event-store';
import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '../config/config.tokens';

/** One connection pool per process, shared by the event store, projections and queries. */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: PG_POOL, useFactory: () => new Pool({ connectionString: databaseUrl, max: 20 }) },
        { provide: EventStore, inject: [PG_POOL], useFactory: (pool: Pool) => new EventStore(pool) },
      ],
      exports: [PG_POOL, EventStore],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
