// Step 3: `docker service scale` of ingest to 3, and requests reach all three replicas.
import { metricValue, metricsOf, runningContainers, scaleService } from '../docker.mjs';
import { startLoad, waitFor } from '../load.mjs';
import { FLEET } from './ingest-and-search.mjs';

const accepted = async (container) => metricValue(await metricsOf(container), 'beacon_heartbeats_total', { outcome: 'accepted' });

export async function scaleIngest({ api, stack }) {
  const started = performance.now();
  await scaleService(stack, 'ingest', 3);
  const scaledSeconds = (performance.now() - started) / 1000;
  const containers = await runningContainers(stack, 'ingest');
  if (containers.length !== 3) throw new Error(`ingest runs ${containers.length} containers after scaling to 3`);

  const before = new Map(await Promise.all(containers.map(async (c) => [c, await accepted(c)])));
  const load = startLoad({
    concurrency: 6,
    pauseMs: 5,
    send: (worker) => api.post(`/api/v1/assets/${FLEET[worker].id}/heartbeats`, { lat: 59.4, lon: 18.1 }),
  });
  let served;
  try {
    // The proxy finds the new replica by DNS and sends it work once its readiness check passes.
    served = await waitFor(
      'heartbeats reaching all three ingest replicas',
      async () => {
        const counts = await Promise.all(containers.map(async (c) => (await accepted(c)) - before.get(c)));
        return counts.every((n) => n > 0) ? counts : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 500 },
    );
  } finally {
    await load.stop();
  }
  const failed = load.answers.filter((a) => a.status !== 202);
  if (failed.length > 0) throw new Error(`${failed.length} heartbeats were not accepted while scaling, e.g. ${JSON.stringify(failed[0])}`);
  const servedAfter = (performance.now() - started) / 1000;

  await scaleService(stack, 'ingest', 2);
  return {
    'scaled to 3 in s': scaledSeconds.toFixed(1),
    'all 3 replicas serving after s': servedAfter.toFixed(1),
    'heartbeats per replica': served.join(' / '),
    'failed requests': failed.length,
  };
}
