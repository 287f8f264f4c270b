import { Global, Module } from '@nestjs/common';
import { BeaconMetrics } from './beacon-metrics';
import { MetricsController } from './metrics.controller';

@Global()
@Module({ providers: [BeaconMetrics], controllers: [MetricsController], exports: [BeaconMetrics] })
export class MetricsModule {}
