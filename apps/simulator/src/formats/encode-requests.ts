import type { SimulatedHeartbeat } from '@beacon/simulation';
import type { Formats } from './format';
import { nativeRequests } from './native';
import { openSkyRequests } from './opensky';
import { osmAndRequests } from './osmand';
import type { OutgoingRequest } from './outgoing-request';
import { readsbRequests } from './readsb';

/** The requests that carry one tick's heartbeats: vehicles in their format, aircraft in theirs. */
export function encodeRequests(heartbeats: readonly SimulatedHeartbeat[], formats: Formats, feedCustomerId: string): OutgoingRequest[] {
  const vehicles = heartbeats.filter((heartbeat) => heartbeat.kind === 'vehicle');
  const aircraft = heartbeats.filter((heartbeat) => heartbeat.kind === 'aircraft');
  return [
    ...(formats.vehicles === 'osmand' ? osmAndRequests(vehicles) : nativeRequests(vehicles)),
    ...(aircraft.length === 0
      ? []
      : formats.aircraft === 'opensky'
        ? openSkyRequests(aircraft, feedCustomerId)
        : readsbRequests(aircraft, feedCustomerId)),
  ];
}
