/** The benchmark's customer and its vehicles, registered through the API as an operator would. */
export const CUSTOMER_ID = 'bench-fleet';
export const ASSET_COUNT = 1_000;
const CONCURRENT_REGISTRATIONS = 8;

/**
 * VIN-length ids (17 characters), so bodies, URLs and index keys are the size of real ones. The
 * batches go to the first `ASSET_COUNT`, the single heartbeats (ping.lua) to the next as many.
 */
export function assetIds(count: number = ASSET_COUNT, first = 0): string[] {
  return Array.from({ length: count }, (_, i) => `BENCHVIN${String(first + i).padStart(9, '0')}`);
}

/** POST /api/v1/customers, then POST /api/v1/assets for every id (a few at a time). */
export async function registerFleet(url: string, adminKey: string, ids: readonly string[]): Promise<void> {
  await post(url, adminKey, '/api/v1/customers', { id: CUSTOMER_ID, name: 'Benchmark fleet' });
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < ids.length; i = next++) {
      await post(url, adminKey, '/api/v1/assets', { id: ids[i], kind: 'vehicle', customerId: CUSTOMER_ID, registration: `BEN${i}` });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT_REGISTRATIONS }, worker));
}

/** POST of a JSON body with the admin key; anything but 201 Created fails the benchmark. */
export async function post(url: string, adminKey: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
}
