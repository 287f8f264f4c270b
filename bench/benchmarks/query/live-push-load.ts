import { percentile } from '../../lib/stats';
import type { Receipt } from './live-push-clients';

/** Where one heartbeat goes, for the server under test. */
export type SendHeartbeat = (assetId: string, body: { lat: number; lon: number; timestamp: string }) => Promise<void>;

export interface PushLatency {
  p50: number;
  p99: number;
  /** Heartbeats sent, those the server did not accept, and the share of (heartbeat, probe) pairs that arrived. */
  sent: number;
  failed: number;
  delivered: number;
}

/** After the last heartbeat, how long stragglers may take before they count as lost. */
const DRAIN_MS = 3_000;

/**
 * Sends `rate` heartbeats a second for `seconds`, each to the next asset in turn (so no asset
 * reports twice within the stream's one-per-second throttle), then matches every probe's receipts
 * with the send times: latency = message received − heartbeat sent. The send time is taken before
 * the request, so the figure includes the ingest's own answer: an upper bound of "accepted →
 * received".
 */
export async function pushHeartbeats(options: {
  assetIds: readonly string[];
  rate: number;
  seconds: number;
  send: SendHeartbeat;
  receipts: Receipt[];
  probes: number;
}): Promise<PushLatency> {
  const sentAt = new Map<string, number>();
  const total = Math.round(options.rate * options.seconds);
  const start = Date.now();
  const inFlight: Promise<void>[] = [];
  let failed = 0;
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / options.rate;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const assetId = options.assetIds[i % options.assetIds.length] as string;
    // Unique per heartbeat, so each message is matched to the one heartbeat that caused it.
    const timestamp = new Date(start + i).toISOString();
    const key = `${assetId}|${timestamp}`;
    sentAt.set(key, Date.now());
    // A server too busy to accept a heartbeat is a result, not a reason to stop measuring.
    const sending = options.send(assetId, { lat: 59 + (i % 100) / 1000, lon: 18 + (i % 77) / 1000, timestamp });
    inFlight.push(sending.catch(() => void failed++));
  }
  await Promise.all(inFlight);
  await new Promise((resolve) => setTimeout(resolve, DRAIN_MS));
  const latencies: number[] = [];
  for (const receipt of options.receipts) {
    const sent = sentAt.get(receipt.key);
    if (sent !== undefined) latencies.push(receipt.at - sent);
  }
  if (latencies.length === 0) throw new Error('no live message reached a probe: is the stream working?');
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    sent: total,
    failed,
    delivered: latencies.length / (total * options.probes),
  };
}
