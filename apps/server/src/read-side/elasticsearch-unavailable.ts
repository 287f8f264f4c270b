import { errors } from '@elastic/elasticsearch';

/**
 * No node answered, not in time, or the node says it cannot serve yet (503: starting, no master):
 * the same request can be made again shortly.
 */
export function isElasticsearchUnavailable(error: unknown): boolean {
  return (
    error instanceof errors.ConnectionError ||
    error instanceof errors.NoLivingConnectionsError ||
    error instanceof errors.TimeoutError ||
    (error instanceof errors.ResponseError && error.statusCode === 503)
  );
}
