import type { SimulatedHeartbeat } from '@beacon/simulation';
import type { OutgoingRequest } from './outgoing-request';

const KNOT_MPS = 1852 / 3600;

/**
 * The OsmAnd protocol as a phone app sends it: one report a request, in the query string, speed in
 * knots and the time in Unix milliseconds (which Beacon tells from seconds by size).
 */
export function osmAndRequests(heartbeats: readonly SimulatedHeartbeat[]): OutgoingRequest[] {
  return heartbeats.map((heartbeat) => ({
    method: 'GET',
    path: `/api/v1/ingest/osmand?${osmAndQuery(heartbeat)}`,
    kind: heartbeat.kind,
    heartbeats: 1,
  }));
}

export function osmAndQuery(heartbeat: SimulatedHeartbeat): string {
  const fields: Record<string, string> = {
    id: heartbeat.assetId,
    timestamp: String(Date.parse(heartbeat.timestamp)),
    lat: String(heartbeat.lat),
    lon: String(heartbeat.lon),
    speed: (heartbeat.speed / KNOT_MPS).toFixed(3),
    bearing: String(heartbeat.heading),
  };
  if (heartbeat.altitude !== undefined) fields['altitude'] = String(heartbeat.altitude);
  return new URLSearchParams(fields).toString();
}
