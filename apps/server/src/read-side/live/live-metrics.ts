import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram } from 'prom-client';
import { BeaconMetrics } from '../../metrics/beacon-metrics';

/** The live stream's metrics, in Beacon's registry. */
@Injectable()
export class LiveMetrics {
  readonly clients: Gauge;
  readonly following: Gauge;
  readonly messages: Counter;
  readonly dropped: Counter;
  /** Heartbeat recorded (in the log) → its position framed for clients: the stream's own share of push latency. */
  readonly pushDelay: Histogram;

  constructor(metrics: BeaconMetrics) {
    const registers = [metrics.registry];
    this.clients = new Gauge({ name: 'beacon_live_clients', help: 'Open live streams (GET /api/v1/live)', registers });
    this.following = new Gauge({
      name: 'beacon_live_following',
      help: 'Whether this process follows the event log for live streams (1): only while clients are connected, or just were',
      registers,
    });
    this.messages = new Counter({ name: 'beacon_live_messages_total', help: 'Messages written to live streams', registers });
    this.dropped = new Counter({
      name: 'beacon_live_dropped_clients_total',
      help: 'Live streams closed because the client fell more than 1 MiB behind',
      registers,
    });
    this.pushDelay = new Histogram({
      name: 'beacon_live_push_delay_seconds',
      help: 'From an event being recorded in the log to its live message being written',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
  }
}
