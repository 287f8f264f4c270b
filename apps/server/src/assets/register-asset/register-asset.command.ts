import type { RegisterAssetRequest } from '@beacon/contracts';
import type { RequestMetadata } from '../../http/request-metadata';

export class RegisterAssetCommand {
  constructor(
    readonly asset: RegisterAssetRequest,
    readonly metadata: RequestMetadata,
  ) {}
}
