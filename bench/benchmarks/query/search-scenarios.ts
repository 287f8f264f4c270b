import type { AssetReadModel } from '@beacon/read-models';
import { formatNumber } from '../../lib/format';
import { repeatInRounds } from '../../lib/repeat';
import { median } from '../../lib/stats';
import type { BenchmarkContext, BenchmarkResult, Target } from '../../lib/types';
import { BASELINES } from './search-baselines';
import { latencyScenario, type LatencyScenario } from './search-latency';
import { searchQueries, trackQuery } from './search-queries';
import type { QueryFixture } from './seed-read-models';

/**
 * Calls per scenario and run: enough for a p95 that a few slow calls do not make on their own; 100
 * below scale 0.1 (the full run's size), where the whole benchmark must take minutes.
 */
function callsAt(scale: number): number {
  return scale < 0.1 ? 100 : 200;
}
/** Issue 23's target for a search's p95, in ms. */
const P95_TARGET: Target = { max: 50 };
/** What it holds for on PostgreSQL: whole-word and one-typo text (on Elasticsearch, every query). */
const POSTGRES_TARGETED = new Set(['text: label word', 'text: one typo']);

interface Store {
  label: string;
  readModel: AssetReadModel;
  baseline: LatencyScenario;
  /** The p95 target of a query of the mix on this store, if it has one. */
  targetOf: (query: string) => Target | undefined;
}

/** One query of the mix on both stores: the same calls, so they must find the same. */
type Pair = { name: string; on: LatencyScenario[] };

/**
 * Search and track latency on both read models side by side: every query of the mix as its own
 * scenario on each store, each store's baseline in the same rounds. Rows: the baselines, then per
 * query Elasticsearch's p50 and p95 and PostgreSQL's.
 */
export async function searchLatency(context: BenchmarkContext, fixture: QueryFixture): Promise<BenchmarkResult> {
  const calls = callsAt(context.scale);
  const { readModels, clock } = fixture;
  const baseline = (name: string, query: () => Promise<number>): LatencyScenario => latencyScenario({ name, baseline: name, calls, query });
  const stores: Store[] = [
    {
      label: 'Elasticsearch',
      readModel: readModels.elasticsearch,
      baseline: baseline(BASELINES.elasticsearch.name, BASELINES.elasticsearch.query(fixture.elasticsearch, fixture.indices)),
      targetOf: () => P95_TARGET,
    },
    {
      label: 'PostgreSQL',
      readModel: readModels.postgres,
      baseline: baseline(BASELINES.postgres.name, BASELINES.postgres.query(fixture.pool)),
      targetOf: (query) => (POSTGRES_TARGETED.has(query) ? P95_TARGET : undefined),
    },
  ];
  const pair = (name: string, query: (store: Store, call: number) => Promise<number>): Pair => ({
    name,
    on: stores.map((store) => {
      const target = store.targetOf(name);
      return latencyScenario({
        name: `${store.label} ${name}`,
        baseline: store.baseline.name,
        calls,
        query: (call) => query(store, call),
        ...(target ? { target } : {}),
      });
    }),
  });
  const queries = searchQueries(fixture.plan);
  const track = trackQuery(fixture.plan);
  const pairs = [
    ...queries.map((q) => pair(q.name, async (store, call) => (await store.readModel.search(q.criteria(call), clock.next())).total)),
    pair('track: 24 h', async (store, call) => (await store.readModel.track(track.query(call, clock.next()))).points.length),
  ];
  const scenarios = [...stores.map((store) => store.baseline), ...pairs.flatMap((p) => p.on)];

  context.log(`search latency: ${scenarios.length} scenarios × ${calls} calls, one at a time, in rounds`);
  await repeatInRounds(
    scenarios.map((s) => s.scenario),
    context,
  );
  reportFound(pairs, context.log);
  return {
    settings: {
      callsPerRun: calls,
      queries: Object.fromEntries([...queries.map((q) => [q.name, q.variants]), ['track: 24 h', track.variants]]),
      perScenario: Object.fromEntries(scenarios.map((s) => [s.name, s.details])),
    },
    measurements: scenarios.flatMap((s) => s.rows()),
  };
}

/**
 * What each query found per call (search: the total over all pages; track: points). Both stores
 * answer the same calls under the same contract, so a difference is worth a look; a query that
 * found nothing on either store measured nothing, and fails the benchmark.
 */
function reportFound(pairs: Pair[], log: (line: string) => void): void {
  for (const { name, on } of pairs) {
    const found = on.map((s) => median(s.details.found));
    if (found.every((mean) => mean === 0)) throw new Error(`"${name}" found nothing on either store: the query mix is broken`);
    const disagree = found.some((mean) => mean !== found[0]);
    log(
      `${name}: ${found.map(formatNumber).join(' / ')} found per call (Elasticsearch / PostgreSQL)${disagree ? ' — the stores DISAGREE' : ''}`,
    );
  }
}
