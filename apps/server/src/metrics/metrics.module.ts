import { Global, Module } from '@nestjs/common';
import { BeaconMetrics } from './beacon-metrics';
import { MetricsController } from './metrics.controller';
import { ProjectionMetrics } from './projection-metrics';

@Global()
@Module({ providers: [BeaconMetrics, ProjectionMetrics], controllers: [MetricsController], exports: [BeaconMetrics, ProjectionMetrics] })
export class MetricsModule {}
