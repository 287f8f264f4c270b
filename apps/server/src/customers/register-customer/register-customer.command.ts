import type { RequestMetadata } from '../../http/request-metadata';

export class RegisterCustomerCommand {
  constructor(
    readonly customerId: string,
    readonly name: string,
    readonly address: string | null,
    readonly metadata: RequestMetadata,
  ) {}
}
