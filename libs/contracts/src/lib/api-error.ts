/** The error codes of the HTTP API (docs/API.md "Errors"); every 4xx/5xx body names one of them. */
export type ApiErrorCode =
  | 'invalid_request'
  | 'unauthorized'
  | 'forbidden'
  | 'unknown_asset'
  | 'not_found'
  | 'method_not_allowed'
  | 'version_conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'limit_reached'
  | 'unavailable'
  | 'internal_error';

export interface ApiErrorDetail {
  field: string;
  reason: string;
}

export interface ApiErrorBody {
  error: ApiErrorCode;
  message: string;
  details?: ApiErrorDetail[];
  /** The request's id, as in its `X-Request-Id` header and the server's access log. */
  requestId?: string;
}
