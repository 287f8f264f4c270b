import { liveQuerySchema, type LiveQueryParams } from '@beacon/contracts';
import type { LiveFilter } from '@beacon/read-models';
import { ApiError } from '../../http/api-error';
import { parseBbox } from '../../http/parse-bbox';
import { compileSchema } from '../../http/schema-validator';

const validate = compileSchema<LiveQueryParams>(liveQuerySchema);

export interface LiveParams {
  filter: LiveFilter;
  lastEventId: string | null;
}

/**
 * The stream's filter and resume point. A viewer scoped to a customer sees that customer only;
 * asking for another one is refused rather than answered with a stream that stays silent.
 */
export function parseLiveParams(query: Record<string, string>, lastEventIdHeader: string | undefined, scope: string | null): LiveParams {
  const params = validate(query);
  const asked = params.customerId || null;
  if (scope !== null && asked !== null && asked !== scope) {
    throw new ApiError('forbidden', 'this key may only watch its own customer', [{ field: 'customerId', reason: 'outside the key scope' }]);
  }
  return {
    filter: { customerId: scope ?? asked, bbox: params.bbox ? parseBbox(params.bbox) : null },
    lastEventId: lastEventIdHeader?.trim() || params.lastEventId?.trim() || null,
  };
}
