import type { RequestMetadata } from '../../http/request-metadata';

export class DecommissionAssetCommand {
  constructor(
    readonly assetId: string,
    readonly metadata: RequestMetadata,
  ) {}
}
