// Step 4: a rolling update of query (a changed environment variable) while a client searches
// continuously: not one search may fail.
import { setTimeout as sleep } from 'node:timers/promises';
import { docker, runningContainers } from '../docker.mjs';
import { percentile, startLoad } from '../load.mjs';
import { CUSTOMER } from './ingest-and-search.mjs';

const CHANGE = 'BEACON_RATE_LIMIT_PER_SECOND=2500';

export async function rollingUpdate({ api, stack }) {
  const oldContainers = await runningContainers(stack, 'query');
  const load = startLoad({ concurrency: 4, send: () => api.get(`/api/v1/assets?customerId=${CUSTOMER}&limit=5`) });
  let updateSeconds;
  try {
    await sleep(2000);
    const started = performance.now();
    await docker('service', 'update', '--detach=false', '--no-resolve-image', '--env-add', CHANGE, `${stack}_query`);
    updateSeconds = (performance.now() - started) / 1000;
    await sleep(3000);
  } finally {
    await load.stop();
  }

  const newContainers = await runningContainers(stack, 'query');
  if (newContainers.some((c) => oldContainers.includes(c))) throw new Error('a query container of before the update still runs');
  for (const container of newContainers) {
    const env = await docker('inspect', '--format', '{{join .Config.Env "\\n"}}', container);
    if (!env.split('\n').includes(CHANGE)) throw new Error(`query container ${container} runs without ${CHANGE}`);
  }
  const failed = load.answers.filter((a) => a.status !== 200);
  if (failed.length > 0) {
    throw new Error(
      `${failed.length} of ${load.answers.length} searches failed during the update, e.g. ${JSON.stringify(failed.slice(0, 3))}`,
    );
  }
  const ms = load.answers.map((a) => a.ms);
  return {
    'update took s': updateSeconds.toFixed(1),
    searches: load.answers.length,
    'failed searches': failed.length,
    'search p50 ms': Math.round(percentile(ms, 50)),
    'search p99 ms': Math.round(percentile(ms, 99)),
    'search max ms': Math.round(Math.max(...ms)),
  };
}
