import { SAFE_TEXT_PATTERN } from '../unsafe-text';
import { querySchemaOf } from './query-schema';
import { BBOX_RULE, bboxValue, customerIdValue } from './query-values';

/** The query string of `GET /api/v1/live`. */
export interface LiveQueryParams {
  /** For clients that open a new stream themselves and cannot set `Last-Event-ID`. */
  lastEventId?: string;
  customerId?: string;
  /** `minLon,minLat,maxLon,maxLat`. */
  bbox?: string;
  /** The API key, for EventSource, which cannot set headers. */
  key?: string;
  /** A ticket of `POST /api/v1/live/tickets`: opens the stream as its key, which then stays out of the URL. */
  ticket?: string;
}

export const liveQuerySchema = querySchemaOf<LiveQueryParams>()({
  type: 'object',
  additionalProperties: false,
  properties: {
    lastEventId: {
      type: 'string',
      maxLength: 100,
      pattern: SAFE_TEXT_PATTERN,
      description: 'The same as `Last-Event-ID`, for clients that open a new stream themselves; the header wins.',
    },
    customerId: {
      ...customerIdValue,
      description: "Only this customer's assets. A key scoped to a customer watches its own; naming another is a 403.",
    },
    bbox: {
      ...bboxValue,
      description: `Only events of assets whose latest position lies inside the box; assets without a position send none. ${BBOX_RULE}`,
    },
    key: {
      type: 'string',
      maxLength: 200,
      pattern: SAFE_TEXT_PATTERN,
      description: "The API key, for browsers' EventSource, which cannot set headers (the `queryKey` scheme).",
    },
    ticket: {
      type: 'string',
      maxLength: 200,
      pattern: SAFE_TEXT_PATTERN,
      description:
        'A ticket of `POST /api/v1/live/tickets` (the `liveTicket` scheme): opens the stream as the key that asked for it, ' +
        'within 60 s of being issued; an expired, altered or revoked one is a 401.',
    },
  },
});
