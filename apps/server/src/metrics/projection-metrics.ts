import type { ProjectorObserver } from '@beacon/projections';
import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram } from 'prom-client';
import { BeaconMetrics } from './beacon-metrics';

type LagSource = (now: Date) => Promise<number>;

/** Metrics of the projections, labelled by projection name, in Beacon's registry. */
@Injectable()
export class ProjectionMetrics {
  private readonly lagSources = new Map<string, LagSource>();

  /** Asked of the projector on each scrape, which looks at the log head at most once a second. */
  readonly lag: Gauge<'projection'>;
  readonly leader: Gauge<'projection'>;
  readonly events: Counter<'projection'>;
  readonly batchSeconds: Histogram<'projection'>;
  readonly errors: Counter<'projection'>;
  readonly deadLetters: Counter<'projection'>;

  constructor(metrics: BeaconMetrics) {
    const registers = [metrics.registry];
    const labelNames = ['projection'] as const;
    this.lag = new Gauge({
      name: 'beacon_projection_lag_seconds',
      help: 'Now minus the recorded time of the oldest event the projection has not applied; 0 when caught up',
      labelNames,
      registers,
      collect: async () => {
        const now = new Date();
        for (const [projection, lagMs] of this.lagSources) this.lag.set({ projection }, (await lagMs(now)) / 1000);
      },
    });
    this.leader = new Gauge({
      name: 'beacon_projection_leader',
      help: '1 while this process leads the projection, else 0',
      labelNames,
      registers,
    });
    this.events = new Counter({ name: 'beacon_projection_events_total', help: 'Events applied by the projection', labelNames, registers });
    this.batchSeconds = new Histogram({
      name: 'beacon_projection_batch_seconds',
      help: 'Time of one projected batch: read, apply, checkpoint, commit',
      labelNames,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.errors = new Counter({
      name: 'beacon_projection_errors_total',
      help: 'Failed batches (each retry counts)',
      labelNames,
      registers,
    });
    this.deadLetters = new Counter({
      name: 'beacon_projection_dead_letters_total',
      help: 'Events set aside as dead letters after the read model kept refusing them',
      labelNames,
      registers,
    });
  }

  /** Hooks for one projection; its series start at 0 so that rates are defined from the start. */
  observe(projection: string): ProjectorObserver {
    this.leader.set({ projection }, 0);
    this.events.inc({ projection }, 0);
    this.errors.inc({ projection }, 0);
    this.deadLetters.inc({ projection }, 0);
    return {
      leadershipChanged: (leader) => this.leader.set({ projection }, leader ? 1 : 0),
      batchProjected: (events, seconds) => {
        this.events.inc({ projection }, events);
        this.batchSeconds.observe({ projection }, seconds);
      },
      batchFailed: () => this.errors.inc({ projection }),
      eventDeadLettered: () => this.deadLetters.inc({ projection }),
    };
  }

  watchLag(projection: string, lagMs: LagSource): void {
    this.lagSources.set(projection, lagMs);
  }
}
