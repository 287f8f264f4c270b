import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

const HEARTBEAT_OUTCOMES = ['accepted', 'duplicate', 'rejected'] as const;
export type HeartbeatOutcome = (typeof HEARTBEAT_OUTCOMES)[number];
const API_KEY_LOOKUP_RESULTS = ['valid', 'invalid', 'failed'] as const;

/**
 * Beacon's Prometheus metrics, one registry per process (`GET /metrics`). Names follow Prometheus
 * conventions: base units (seconds), `_total` for counters.
 */
@Injectable()
export class BeaconMetrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'beacon_http_requests_total',
    help: 'HTTP requests answered, by method, route and status code',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'beacon_http_request_duration_seconds',
    help: 'Time from request to response, by method and route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  readonly heartbeats = new Counter({
    name: 'beacon_heartbeats_total',
    help: 'Heartbeats received, by outcome: accepted (stored), duplicate (already stored), rejected',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly flushRows = new Histogram({
    name: 'beacon_group_commit_batch_rows',
    help: 'Heartbeats per group-commit flush (one transaction)',
    buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000],
    registers: [this.registry],
  });

  readonly flushSeconds = new Histogram({
    name: 'beacon_group_commit_flush_seconds',
    help: 'Time of one group-commit flush, insert to durable commit',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [this.registry],
  });

  readonly eventLogErrors = new Counter({
    name: 'beacon_event_log_errors_total',
    help: 'Failed writes to the event log',
    registers: [this.registry],
  });

  readonly queueRefused = new Counter({
    name: 'beacon_heartbeat_queue_refused_total',
    help: 'Heartbeats refused with 503 because the group-commit queue was full (the database is not keeping up)',
    registers: [this.registry],
  });

  readonly apiKeyLookups = new Counter({
    name: 'beacon_api_key_lookups_total',
    help: 'API keys looked up in the database (a key not in memory: new, due for its recheck, or unknown), by result: valid, invalid (unknown, revoked or expired) or failed (the database did not answer)',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  readonly authFailuresLimited = new Counter({
    name: 'beacon_auth_failures_limited_total',
    help: 'Requests refused with 429 because their client address presented too many invalid keys',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'beacon_' });
    // Every outcome is exported from the start (a rate of 0, not a missing series), so the hot path
    // can skip increments by zero.
    for (const outcome of HEARTBEAT_OUTCOMES) this.heartbeats.inc({ outcome }, 0);
    for (const result of API_KEY_LOOKUP_RESULTS) this.apiKeyLookups.inc({ result }, 0);
  }

  /** Counts one request's heartbeats by outcome; each `inc` hashes its labels, so zeros are skipped. */
  countHeartbeats(counts: Record<HeartbeatOutcome, number>): void {
    for (const outcome of HEARTBEAT_OUTCOMES) {
      if (counts[outcome] > 0) this.heartbeats.inc({ outcome }, counts[outcome]);
    }
  }
}
