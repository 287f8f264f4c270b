import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '../auth/access.decorators';
import { BeaconMetrics } from './beacon-metrics';

@Controller('metrics')
@Public()
export class MetricsController {
  constructor(private readonly metrics: BeaconMetrics) {}

  /** Prometheus text format; scraped from inside the stack, so it needs no key. */
  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
