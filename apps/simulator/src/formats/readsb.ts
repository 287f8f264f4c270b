import type { SimulatedHeartbeat } from '@beacon/simulation';
import type { OutgoingRequest } from './outgoing-request';
import { feedRequests, feedTimes } from './feed-document';

const FOOT_M = 0.3048;
const KNOT_MPS = 1852 / 3600;

/** A readsb `aircraft.json` of up to a thousand aircraft, as a receiver posts it, in readsb's units. */
export function readsbRequests(heartbeats: readonly SimulatedHeartbeat[], feedCustomerId: string): OutgoingRequest[] {
  return feedRequests('readsb', readsbDocument, heartbeats, feedCustomerId);
}

export function readsbDocument(heartbeats: readonly SimulatedHeartbeat[]) {
  const { now, ages } = feedTimes(heartbeats);
  return {
    now,
    messages: heartbeats.length,
    aircraft: heartbeats.map((heartbeat, index) => ({
      hex: heartbeat.assetId,
      flight: (heartbeat.callsign ?? '').padEnd(8),
      category: 'A3',
      lat: heartbeat.lat,
      lon: heartbeat.lon,
      // readsb says "ground" instead of a barometric altitude for an aircraft on the ground.
      alt_baro: heartbeat.onGround ? 'ground' : Math.round((heartbeat.altitude ?? 0) / FOOT_M),
      alt_geom: Math.round((heartbeat.altitude ?? 0) / FOOT_M),
      gs: Math.round((heartbeat.speed / KNOT_MPS) * 10) / 10,
      track: heartbeat.heading,
      baro_rate: Math.round(((heartbeat.verticalRate ?? 0) / FOOT_M) * 60),
      squawk: heartbeat.squawk,
      seen_pos: ages[index],
      seen: ages[index],
    })),
  };
}
