import { parseBbox } from '../../assets/search-assets/search-params';
import { searchAssetsQuerySchema } from '../../assets/search-assets/search-assets.schema';
import { ApiError } from '../../http/api-error';
import { compileSchema } from '../../http/schema-validator';
import type { LiveFilter } from '@beacon/read-models';

interface LiveQueryString {
  customerId?: string;
  bbox?: string;
  /** For clients that open a new stream themselves and cannot set `Last-Event-ID`. */
  lastEventId?: string;
  key?: string;
}

/** Query string of `GET /api/v1/live`: the search's customer and bbox, as the search checks them. */
const liveQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    customerId: searchAssetsQuerySchema.properties.customerId,
    bbox: searchAssetsQuerySchema.properties.bbox,
    lastEventId: { type: 'string', maxLength: 100 },
    key: { type: 'string', maxLength: 200 },
  },
} as const;

const validate = compileSchema<LiveQueryString>(liveQuerySchema);

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
