import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AdminModule } from './admin/admin.module';
import { AuthModule } from './auth/auth.module';
import type { BeaconConfig } from './config/beacon-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DemoModule } from './demo/demo.module';
import { HealthController } from './health/health.controller';
import { Readiness } from './health/readiness';
import { ApiExceptionFilter } from './http/api-exception.filter';
import { MetricsModule } from './metrics/metrics.module';
import { OpenApiModule } from './openapi/openapi.module';
import { IngestModule } from './roles/ingest.module';
import { ProjectorModule } from './roles/projector.module';
import { QueryModule } from './roles/query.module';
import { ReadModelModule } from './read-side/read-model.module';

/** Beacon's server; `BEACON_ROLES` decides which parts this process runs. */
@Module({})
export class AppModule {
  static forRoot(config: BeaconConfig, databaseUrl: string): DynamicModule {
    const has = (role: 'ingest' | 'query' | 'projector'): boolean => config.roles.has(role);
    const roles: Type[] = [
      ...(has('ingest') ? [IngestModule] : []),
      ...(has('query') ? [QueryModule] : []),
      ...(has('projector') ? [ProjectorModule] : []),
      // The demo registers and moves its fleet through the command bus, so it lives with ingest.
      ...(config.demo && has('ingest') ? [DemoModule] : []),
    ];
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        CqrsModule.forRoot(),
        MetricsModule,
        DatabaseModule.forRoot(databaseUrl),
        AuthModule,
        OpenApiModule,
        AdminModule,
        ...(has('query') || has('projector') ? [ReadModelModule.forRoot(config)] : []),
        ...roles,
      ],
      controllers: [HealthController],
      providers: [Readiness, { provide: APP_FILTER, useClass: ApiExceptionFilter }],
    };
  }
}
