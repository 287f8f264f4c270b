import { Controller, Get, Header, Inject, Req } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { Public } from '../auth/access.decorators';
import { keyDigest, presentedKey, sameDigest } from '../auth/api-key';
import { CallerIdentification } from '../auth/caller-identification';
import type { BeaconConfig } from '../config/beacon-config';
import { BEACON_CONFIG } from '../config/config.tokens';
import { UNLIMITED } from '../http/install-rate-limit';
import { BeaconMetrics } from './beacon-metrics';

@Controller('metrics')
@Public()
export class MetricsController {
  private readonly metricsDigest: Buffer | null;

  constructor(
    private readonly metrics: BeaconMetrics,
    private readonly callers: CallerIdentification,
    @Inject(BEACON_CONFIG) private readonly config: BeaconConfig,
  ) {
    this.metricsDigest = config.metricsKey ? keyDigest(config.metricsKey).bytes : null;
  }

  /**
   * Prometheus text format. With auth on, it tells too much about the fleet and the deployment to
   * be public: a scraper presents `BEACON_METRICS_KEY` (a bearer token in Prometheus' config) or an
   * admin key. Without auth (the local demo) it is open, like every read.
   */
  @Get()
  @RouteConfig(UNLIMITED)
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  async scrape(@Req() request: FastifyRequest): Promise<string> {
    if (this.config.auth && !this.isMetricsKey(request)) await this.callers.principalFor(request, 'admin');
    return this.metrics.registry.metrics();
  }

  private isMetricsKey(request: FastifyRequest): boolean {
    const key = presentedKey(request.headers);
    return key !== null && this.metricsDigest !== null && sameDigest(keyDigest(key).bytes, this.metricsDigest);
  }
}
