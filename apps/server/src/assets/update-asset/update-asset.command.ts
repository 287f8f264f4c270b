import type { UpdateAssetRequest } from '@beacon/contracts';
import type { RequestMetadata } from '../../http/request-metadata';

export class UpdateAssetCommand {
  constructor(
    readonly assetId: string,
    readonly changes: UpdateAssetRequest,
    /** The version the client last saw (`If-Match`); a newer stream means someone else wrote first. */
    readonly expectedVersion: number,
    readonly metadata: RequestMetadata,
  ) {}
}
