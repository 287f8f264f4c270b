import { median } from '../../lib/stats';
import type { Sample } from './server-sampler';

const MB = 1024 * 1024;

/** One second of the run, as `settings.timeline` keeps it (the report's charts read this shape). */
export interface TimelinePoint {
  /** Seconds since the load began. */
  second: number;
  /** Heartbeats stored per second over the second before. */
  acceptedPerSecond: number;
  lagMs: number;
  rssMb: number;
}

/**
 * The samples of the load itself: from the last one before the server stored its first heartbeat
 * (the simulator registers its fleet first, which is not the load) to the last one.
 */
export function loadWindow(samples: readonly Sample[]): Sample[] {
  const base = samples[0]?.accepted ?? 0;
  const firstStored = samples.findIndex((sample) => sample.accepted > base);
  if (firstStored < 1) throw new Error('the server stored no heartbeat while the simulator ran');
  return samples.slice(firstStored - 1);
}

/**
 * The simulator sends a tick a second and the samples are a second apart, so a count per second
 * aliases (a second with two ticks' answers, the next with none): the rate is over the seconds
 * before each sample, as a Prometheus `rate()` over a short range.
 */
const RATE_WINDOW_SAMPLES = 5;

export function timeline(window: readonly Sample[]): TimelinePoint[] {
  const start = window[0];
  if (!start) return [];
  return window.slice(1).map((sample, index) => {
    const earlier = window[Math.max(0, index + 1 - RATE_WINDOW_SAMPLES)] as Sample;
    return {
      second: Math.round((sample.atMs - start.atMs) / 1000),
      acceptedPerSecond: Math.round((sample.accepted - earlier.accepted) / ((sample.atMs - earlier.atMs) / 1000)),
      lagMs: Math.round(sample.lagMs),
      rssMb: Math.round((sample.rssBytes / MB) * 10) / 10,
    };
  });
}

/**
 * The median RSS over one fifth of the load (1–5): a minute of a 5-minute load. The first fifth is the
 * warm-up (JIT, pools, caches, the read model's first pages), so "flat memory" compares the last
 * fifth with the second, not with the first sample.
 */
export function rssOfFifth(points: readonly TimelinePoint[], fifth: number): number {
  const end = points.at(-1)?.second ?? 0;
  const inFifth = points.filter((point) => point.second > ((fifth - 1) * end) / 5 && point.second <= (fifth * end) / 5);
  if (inFifth.length === 0) throw new Error(`no sample in fifth ${fifth} of a ${end} s run`);
  return median(inFifth.map((point) => point.rssMb));
}

/** Cores each process used over the window (CPU seconds per second), up to its last sample: the simulator exits before the end. */
export function coresOver(window: readonly Sample[]): Record<string, number> {
  const first = window[0];
  if (!first) return {};
  return Object.fromEntries(
    Object.entries(first.cpuSeconds).flatMap(([name, before]) => {
      const last = [...window].reverse().find((sample) => sample.cpuSeconds[name] !== null);
      const after = last?.cpuSeconds[name];
      if (before === null || !last || after == null || last.atMs === first.atMs) return [];
      return [[name, Math.round(((after - before) / ((last.atMs - first.atMs) / 1000)) * 100) / 100]];
    }),
  );
}
