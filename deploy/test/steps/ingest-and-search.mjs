// Step 2: heartbeats through the proxy are accepted and found by search within 2 s, on Elasticsearch.
import { setTimeout as sleep } from 'node:timers/promises';
import { percentile, waitFor } from '../load.mjs';

export const CUSTOMER = 'swarm-test';
export const FLEET = Array.from({ length: 10 }, (_, i) => ({ id: `SWARM-${String(i).padStart(4, '0')}`, registration: `SWM${100 + i}` }));
const SEARCH_WITHIN_MS = 2000;

export async function ingestAndSearch({ api }) {
  await api.expect([201], 'POST', '/api/v1/customers', { id: CUSTOMER, name: 'Swarm Test AB' });
  for (const { id, registration } of FLEET) {
    await api.expect([201], 'POST', '/api/v1/assets', { id, kind: 'vehicle', customerId: CUSTOMER, registration });
  }

  // Each heartbeat is timed from its 202 until a text search returns it as the vehicle's last position.
  const latencies = [];
  for (const [i, { id, registration }] of FLEET.entries()) {
    const timestamp = new Date().toISOString();
    await api.expect([202], 'POST', `/api/v1/assets/${id}/heartbeats`, { lat: 59.3 + i / 100, lon: 18.0, speed: 10, timestamp });
    const acknowledged = performance.now();
    await waitFor(
      `a search for ${registration} returning the heartbeat of ${timestamp}`,
      async () => {
        const { body } = await api.get(`/api/v1/assets?q=${registration}&customerId=${CUSTOMER}`);
        const found = body.items?.find((asset) => asset.id === id && Date.parse(asset.lastSeenAt) === Date.parse(timestamp));
        return found ? true : undefined;
      },
      { timeoutMs: 10_000, intervalMs: 25 },
    );
    latencies.push(performance.now() - acknowledged);
    // The next one at a random moment, as devices send: Elasticsearch shows writes at its refresh,
    // once a second, and a fixed pause would send every heartbeat at the same point of that cycle.
    await sleep(100 + Math.random() * 900);
  }
  const slowest = Math.max(...latencies);
  if (slowest > SEARCH_WITHIN_MS) throw new Error(`a heartbeat took ${Math.round(slowest)} ms to be found (limit ${SEARCH_WITHIN_MS} ms)`);

  const stats = await api.expect([200], 'GET', '/api/v1/stats');
  if (stats.readModel !== 'elasticsearch') throw new Error(`/api/v1/stats reports the read model "${stats.readModel}", not elasticsearch`);
  return {
    heartbeats: latencies.length,
    'found by search, median ms': Math.round(percentile(latencies, 50)),
    'found by search, slowest ms': Math.round(slowest),
    'read model': stats.readModel,
  };
}
