import type { HeartbeatRequest } from '@beacon/contracts';
import type { RequestMetadata } from '../../http/request-metadata';

export interface HeartbeatItem {
  assetId: string;
  heartbeat: HeartbeatRequest;
}

export class RecordHeartbeatsCommand {
  constructor(
    readonly items: HeartbeatItem[],
    readonly metadata: RequestMetadata,
  ) {}
}

export interface RecordHeartbeatsResult {
  accepted: number;
  duplicates: number;
}
