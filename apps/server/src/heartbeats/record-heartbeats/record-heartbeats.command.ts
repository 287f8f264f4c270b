import type { ApiErrorCode, ApiErrorDetail, HeartbeatRequest } from '@beacon/contracts';
import type { RequestMetadata } from '../../http/request-metadata';
import type { Principal } from '../../auth/principal';

export interface HeartbeatItem {
  assetId: string;
  heartbeat: HeartbeatRequest;
}

/** One item of a request that was not stored, by its position in the request. */
export interface RejectedHeartbeat {
  index: number;
  error: ApiErrorCode;
  details: ApiErrorDetail[];
}

/** Heartbeats of one request, already checked against the schema; `index` is each item's position. */
export class RecordHeartbeatsCommand {
  constructor(
    readonly items: (HeartbeatItem & { index: number })[],
    readonly metadata: RequestMetadata,
    /** Who sends them: a device key may only write heartbeats of its own customer's assets. */
    readonly sender: Principal,
    /** Items of the same request refused while parsing: counted and answered with the others. */
    readonly refusedWhileParsing: readonly RejectedHeartbeat[] = [],
  ) {}
}

export interface RecordHeartbeatsResult {
  accepted: number;
  duplicates: number;
  rejected: RejectedHeartbeat[];
}
