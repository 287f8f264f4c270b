import type { Client } from '@elastic/elasticsearch';
import type { ElasticsearchIndices } from './elasticsearch-indices';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Retention for tracks on Elasticsearch: deletes the daily positions indices of days that ended
 * more than `days` days before `now` (UTC), whole, as the event log drops its daily partitions.
 * Returns the days dropped. The assets index keeps every asset's latest position regardless.
 */
export async function dropExpiredPositionIndices(
  client: Client,
  indices: ElasticsearchIndices,
  days: number,
  now: Date,
): Promise<string[]> {
  const oldestKept = new Date(now.getTime() - days * DAY_MS).toISOString().slice(0, 10);
  const existing = await client.indices.get({ index: indices.positionsPattern, allow_no_indices: true, ignore_unavailable: true });
  const expired = Object.keys(existing).flatMap((index) => {
    const day = indices.positionsDay(index);
    return day !== null && day < oldestKept ? [{ index, day }] : [];
  });
  if (expired.length > 0) await client.indices.delete({ index: expired.map((e) => e.index), ignore_unavailable: true });
  return expired.map((e) => e.day).sort();
}
