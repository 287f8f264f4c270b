import type { AssetStatus, PositionDto } from '@beacon/contracts';

/** What the live stream tells its clients, before it is filtered and framed. */
export type LiveChange = StatusChange | PositionChange;

interface ChangeOf {
  assetId: string;
  /**
   * For the customer filter and scoped viewers. Null for a position older than the current owner's
   * ownership period (a late heartbeat): history of another owner's time, for unscoped clients only.
   */
  customerId: string | null;
  /** The asset's latest position when the change happened, for the bbox filter; null when it has none. */
  lat: number | null;
  lon: number | null;
}

export interface StatusChange extends ChangeOf {
  kind: 'status';
  status: AssetStatus;
  /** When it changed: the heartbeat's time for online, the deadline for offline. */
  at: string;
}

export interface PositionChange extends ChangeOf {
  kind: 'position';
  position: PositionDto;
  /**
   * Where the stream last placed the asset (its previous position sent), null before the first:
   * an asset leaving a client's bbox is sent its first position outside, so the client can drop
   * it. Set by the PositionThrottle, which decides what is sent.
   */
  from: { lat: number; lon: number } | null;
}
