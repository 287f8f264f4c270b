import type { ApiErrorBody, ApiErrorCode, ApiErrorDetail } from '@beacon/contracts';

const STATUS_OF: Record<ApiErrorCode, number> = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  unknown_asset: 404,
  not_found: 404,
  method_not_allowed: 405,
  version_conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  // A customer's cap (on aircraft its feeds register): waiting does not help, as it would after 429.
  limit_reached: 403,
  internal_error: 500,
  unavailable: 503,
};

/** An answer of the API that is not a success: its code, message and the fields at fault. */
export class ApiError extends Error {
  readonly status: number;

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: ApiErrorDetail[],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = STATUS_OF[code];
  }

  toBody(): ApiErrorBody {
    return { error: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }
}
