import type { BatchHeartbeatRequest } from '@beacon/contracts';
import type { SimulatedHeartbeat } from '@beacon/simulation';
import { inChunks, type OutgoingRequest } from './outgoing-request';

/** Beacon's own batch, `POST /api/v1/heartbeats` with a JSON array: the fields as they are, in SI. */
export function nativeRequests(heartbeats: readonly SimulatedHeartbeat[]): OutgoingRequest[] {
  return inChunks(heartbeats).map((chunk) => ({
    method: 'POST',
    path: '/api/v1/heartbeats',
    body: JSON.stringify(chunk.map(toBatchHeartbeat)),
    kind: chunk[0]?.kind ?? 'vehicle',
    heartbeats: chunk.length,
  }));
}

export function toBatchHeartbeat({ kind: _kind, ...heartbeat }: SimulatedHeartbeat): BatchHeartbeatRequest {
  return heartbeat;
}
