import type { AssetStatus, PositionDto } from './asset.dto';

/**
 * The live stream, `GET /api/v1/live` (server-sent events). Every event carries an SSE `id:`; a
 * client that reconnects with `Last-Event-ID` gets what it missed, or a `resync` when the server
 * cannot replay that far (then it reloads from `GET /api/v1/assets`).
 */

/** `event: status` — an asset went online (a heartbeat) or offline (its timeout passed). */
export interface LiveStatusEvent {
  /** The asset's id. */
  id: string;
  status: AssetStatus;
  /** When the status changed: the heartbeat's time for online, the deadline for offline. */
  at: string;
}

/** `event: position` — an asset's newest position; at most one per asset per second per client. */
export interface LivePositionEvent {
  /** The asset's id. */
  id: string;
  position: PositionDto;
}

/** `event: resync` — the events since `Last-Event-ID` are no longer kept: reload the fleet. */
export interface LiveResyncEvent {
  reason: string;
}

export type LiveEventName = 'status' | 'position' | 'resync';

/**
 * `POST /api/v1/live/tickets`: a short-lived ticket that opens `GET /api/v1/live?ticket=…` as the
 * key that asked for it, for EventSource, which cannot send the key in a header.
 */
export interface LiveTicketResponse {
  ticket: string;
  /** After this instant the ticket opens no stream; a stream it opened stays open. */
  expiresAt: string;
}
