import type { HeartbeatsAcceptedResponse } from '@beacon/contracts';
import type { Answer } from '../http/beacon-client';
import type { OutgoingRequest } from '../formats/outgoing-request';

export interface KindCounts {
  sent: number;
  accepted: number;
  duplicates: number;
  rejected: number;
}

/**
 * What the run came to: heartbeats sent, accepted, counted as duplicates and rejected, the
 * rejections by HTTP status and error code, and every request's latency.
 */
export class Tally {
  readonly byKind = { vehicle: emptyCounts(), aircraft: emptyCounts() };
  /** `404 unknown_asset`, `503 unavailable`, `0 ECONNREFUSED` → heartbeats refused so. */
  readonly rejections = new Map<string, number>();
  readonly latencies: number[] = [];
  requests = 0;

  add(request: OutgoingRequest, answer: Answer): void {
    const counts = this.byKind[request.kind];
    this.requests += 1;
    this.latencies.push(answer.latencyMs);
    counts.sent += request.heartbeats;
    const result = heartbeatsResult(answer);
    if (!result) {
      counts.rejected += request.heartbeats;
      this.reject(`${answer.status} ${answer.failure ?? errorCode(answer.body)}`, request.heartbeats);
      return;
    }
    counts.accepted += result.accepted;
    counts.duplicates += result.duplicates;
    counts.rejected += result.rejected.length;
    // Rejected one by one inside an answer that succeeded: the code says why (docs/API.md "Errors").
    for (const item of result.rejected) this.reject(`${answer.status} ${item.error}`, 1);
  }

  get errors(): number {
    return [...this.rejections.values()].reduce((sum, count) => sum + count, 0);
  }

  private reject(reason: string, heartbeats: number): void {
    this.rejections.set(reason, (this.rejections.get(reason) ?? 0) + heartbeats);
  }
}

/** The `p`-th percentile (0–100) of `values`, nearest rank; undefined when there are none. */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function emptyCounts(): KindCounts {
  return { sent: 0, accepted: 0, duplicates: 0, rejected: 0 };
}

function heartbeatsResult(answer: Answer): HeartbeatsAcceptedResponse | undefined {
  if (answer.status < 200 || answer.status >= 300) return undefined;
  const body = answer.body as Partial<HeartbeatsAcceptedResponse> | null;
  if (typeof body?.accepted !== 'number' || typeof body.duplicates !== 'number' || !Array.isArray(body.rejected)) return undefined;
  return body as HeartbeatsAcceptedResponse;
}

function errorCode(body: unknown): string {
  const error = (body as { error?: unknown } | null)?.error;
  return typeof error === 'string' ? error : 'unreadable answer';
}
