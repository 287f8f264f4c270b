/** Why a command was refused. Mapped to an HTTP answer once, at the edge. */
export type DomainErrorCode =
  | 'customer_already_exists'
  | 'asset_already_exists'
  | 'unknown_customer'
  | 'unknown_asset'
  | 'asset_decommissioned'
  | 'invalid_timestamp'
  | 'timestamp_in_future'
  | 'timestamp_too_old';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
