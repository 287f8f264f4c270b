import type { SimulatedHeartbeat } from '@beacon/simulation';
import { setTimeout as sleep } from 'node:timers/promises';
import { encodeRequests } from '../formats/encode-requests';
import type { Formats } from '../formats/format';
import { FEED_CUSTOMER } from '../http/register-fleet';
import type { BeaconClient } from '../http/beacon-client';
import type { Tally } from '../report/tally';
import type { Limiter } from './limiter';

/** The heartbeats due at one moment of a run. */
export interface Tick {
  at: Date;
  heartbeats: SimulatedHeartbeat[];
}

export interface Sending {
  client: BeaconClient;
  limiter: Limiter;
  formats: Formats;
  tally: Tally;
  /** Stops scheduling further ticks; what is in flight is still answered and counted. */
  signal: AbortSignal;
  onTick(tick: Tick): Promise<void>;
  onAnswer(): void;
}

/**
 * Sends each tick when it is due, without waiting for the previous one's answers: a slow server makes
 * requests queue (and their latency grow) rather than the traffic thin out.
 */
export async function sendTicks(ticks: Iterable<Tick>, sending: Sending): Promise<void> {
  const inFlight = new Set<Promise<void>>();
  for (const tick of ticks) {
    const wait = tick.at.getTime() - Date.now();
    if (wait > 0) await sleep(wait, undefined, { signal: sending.signal }).catch(() => undefined);
    if (sending.signal.aborted) break;
    await sending.onTick(tick);
    for (const request of encodeRequests(tick.heartbeats, sending.formats, FEED_CUSTOMER.id)) {
      const sent = sending.limiter.run(async () => {
        sending.tally.add(request, await sending.client.send(request));
        sending.onAnswer();
      });
      inFlight.add(sent);
      void sent.finally(() => inFlight.delete(sent));
    }
  }
  await Promise.all(inFlight);
}
