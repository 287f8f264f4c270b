/**
 * One load generator, run as its own process (`load-generators.ts` forks several): autocannon
 * with its own event loop, so the load is not limited by one thread, as it was when autocannon
 * ran in the harness. The process lives for the whole benchmark and runs one autocannon run per
 * `run` message, building each request as it goes; its raw result (latency histogram included)
 * goes back to the harness, which adds up those of every generator (`autocannon.aggregateResult`).
 */
import autocannon from 'autocannon';
import { assetIds } from './fleet';
import { HeartbeatClock, batchRequests, prebuilt, type HeartbeatRequest } from './heartbeat-bodies';

/** What each request carries: a batch built for it, or one of `prebuilt` batches built in advance (single heartbeats: wrk-pings.ts). */
export type RequestPlan = { kind: 'batch'; size: number; prebuilt?: number };

/** The generator's share of the benchmark: the `index`-th of `of`, all on one clock start. */
export interface GeneratorIdentity {
  index: number;
  of: number;
  clockStartMs: number;
}

export interface RunCommand {
  type: 'run';
  url: string;
  connections: number;
  seconds: number;
  adminKey: string;
  plan: RequestPlan;
}

export type GeneratorMessage = { type: 'ready' } | { type: 'result'; result: autocannon.Result } | { type: 'failed'; message: string };

function main(): void {
  const identity = JSON.parse(process.argv[2] ?? '{}') as GeneratorIdentity;
  const ids = assetIds();
  // Every generator steps each asset's timestamps by `of` ms from its own offset: no two collide.
  const clock = new HeartbeatClock(ids.length, identity.clockStartMs, identity.of, identity.index);
  // One source per plan for the whole benchmark, so no run repeats an earlier run's heartbeats.
  const sources = new Map<string, () => HeartbeatRequest>();
  const source = (plan: RequestPlan): (() => HeartbeatRequest) => {
    const key = JSON.stringify(plan);
    let next = sources.get(key);
    if (!next) {
      next = batchRequests(ids, clock, plan.size);
      if (plan.prebuilt) next = prebuilt(next, plan.prebuilt);
      sources.set(key, next);
    }
    return next;
  };
  const send = (message: GeneratorMessage): void => void process.send?.(message);
  process.on('message', (command: RunCommand) => {
    const next = source(command.plan);
    autocannon({
      url: command.url,
      connections: command.connections,
      pipelining: 1,
      duration: command.seconds,
      method: 'POST',
      headers: { authorization: `Bearer ${command.adminKey}`, 'content-type': 'application/json' },
      requests: [{ setupRequest: (request) => ({ ...request, ...next() }) }],
      // The harness adds up the generators' results, latency histograms included.
      skipAggregateResult: true,
    }).then(
      (result) => send({ type: 'result', result }),
      (error: unknown) => send({ type: 'failed', message: String(error) }),
    );
  });
  // The harness is gone (killed without a chance to stop us): do not linger.
  process.once('disconnect', () => process.exit(0));
  send({ type: 'ready' });
}

if (require.main === module) main();
