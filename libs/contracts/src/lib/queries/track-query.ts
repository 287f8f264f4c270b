import { querySchemaOf } from './query-schema';

/** The points a track is thinned to when `maxPoints` is left out. */
export const DEFAULT_TRACK_MAX_POINTS = 1000;

/** The query string of `GET /api/v1/assets/{id}/track`: the last 24 hours when neither time is given. */
export interface TrackQueryParams {
  /** ISO-8601. */
  from?: string;
  /** ISO-8601. */
  to?: string;
  maxPoints?: number;
}

export const trackQuerySchema = querySchemaOf<TrackQueryParams>()({
  type: 'object',
  additionalProperties: false,
  properties: {
    from: {
      type: 'string',
      format: 'date-time',
      description: 'Oldest position wanted; 24 hours before `to` when absent. After `to` is a 400.',
    },
    to: { type: 'string', format: 'date-time', description: 'Newest position wanted; now when absent.' },
    maxPoints: {
      type: 'integer',
      minimum: 2,
      maximum: 10_000,
      default: DEFAULT_TRACK_MAX_POINTS,
      description: 'A longer track is thinned to this many points, keeping the shape of the route and both ends.',
    },
  },
});
