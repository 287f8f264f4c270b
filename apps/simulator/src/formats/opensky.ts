import type { SimulatedHeartbeat } from '@beacon/simulation';
import { feedRequests, feedTimes } from './feed-document';
import type { OutgoingRequest } from './outgoing-request';

/** OpenSky's category 4, "large", which Beacon maps to the ADS-B emitter category A3. */
const LARGE_AIRCRAFT = 4;

/** An OpenSky `/states/all` answer (with `extended=1`) of up to a thousand state vectors: already in SI. */
export function openSkyRequests(heartbeats: readonly SimulatedHeartbeat[], feedCustomerId: string): OutgoingRequest[] {
  return feedRequests('opensky', openSkyDocument, heartbeats, feedCustomerId);
}

export function openSkyDocument(heartbeats: readonly SimulatedHeartbeat[]) {
  const { now } = feedTimes(heartbeats);
  return {
    time: Math.floor(now),
    states: heartbeats.map((heartbeat) => {
      const seconds = Date.parse(heartbeat.timestamp) / 1000;
      // prettier-ignore
      return [
        heartbeat.assetId, (heartbeat.callsign ?? '').padEnd(8), 'Sweden', seconds, seconds,
        heartbeat.lon, heartbeat.lat, heartbeat.altitude ?? null, heartbeat.onGround ?? false,
        heartbeat.speed, heartbeat.heading, heartbeat.verticalRate ?? null, null, heartbeat.altitude ?? null,
        heartbeat.squawk ?? null, false, 0, LARGE_AIRCRAFT,
      ];
    }),
  };
}
