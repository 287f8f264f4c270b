import { Controller, Get, Header } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { Public } from '../auth/access.decorators';
import { UNLIMITED } from '../http/install-rate-limit';
import { BeaconMetrics } from './beacon-metrics';

@Controller('metrics')
@Public()
export class MetricsController {
  constructor(private readonly metrics: BeaconMetrics) {}

  /** Prometheus text format; scraped from inside the stack, so it needs no key. */
  @Get()
  @RouteConfig(UNLIMITED)
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
