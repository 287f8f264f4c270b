import type { Sample } from './server-sampler';
import type { SimulatorSummary } from './simulator-summary';

export interface StoredCounts {
  /** Rows in the server's `heartbeats` table once the count stopped moving. */
  stored: number;
  /** Heartbeats the server counted as accepted (`beacon_heartbeats_total`) over the whole run. */
  serverAccepted: number;
  /** Requests it answered with anything but 2xx over the whole run, registrations included. */
  serverRefusedRequests: number;
}

/** The whole run's counts from the server's side: its first and last samples, and the table. */
export function storedCounts(samples: readonly Sample[], stored: number): StoredCounts {
  const first = samples[0];
  const last = samples.at(-1);
  return {
    stored,
    serverAccepted: (last?.accepted ?? 0) - (first?.accepted ?? 0),
    serverRefusedRequests: (last?.refusedRequests ?? 0) - (first?.refusedRequests ?? 0),
  };
}

/**
 * What makes the figures untrue, each as a sentence: a heartbeat refused, lost or counted twice.
 * Every heartbeat the simulator sent must be accepted, and stored exactly once.
 */
export function loadFailures(summary: SimulatorSummary, counts: StoredCounts): string[] {
  const failures: string[] = [];
  if (summary.rejected > 0) failures.push(`the simulator saw ${summary.rejected} heartbeats refused (${summary.rejections.join('; ')})`);
  if (summary.duplicates > 0) failures.push(`the server counted ${summary.duplicates} heartbeats as duplicates`);
  if (summary.accepted !== summary.sent)
    failures.push(`the simulator sent ${summary.sent} heartbeats and ${summary.accepted} were accepted`);
  if (counts.serverRefusedRequests > 0) failures.push(`the server answered ${counts.serverRefusedRequests} requests with a non-2xx status`);
  if (counts.serverAccepted !== summary.accepted) {
    failures.push(`the server counted ${counts.serverAccepted} heartbeats accepted, the simulator ${summary.accepted}`);
  }
  if (counts.stored !== summary.accepted)
    failures.push(`the heartbeats table holds ${counts.stored} rows for ${summary.accepted} accepted`);
  return failures;
}

/** Heartbeats refused or lost, for the report: whichever count says more. */
export function refusedOrLost(summary: SimulatorSummary, counts: StoredCounts): number {
  return Math.max(summary.rejected, summary.sent - summary.accepted, summary.accepted - counts.stored);
}
