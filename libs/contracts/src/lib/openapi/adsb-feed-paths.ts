import { SAFE_TEXT_PATTERN } from '../unsafe-text';
import { errors } from './error-responses';
import { jsonBody, jsonResponse, KEYED, ROLES } from './operation-parts';
import type { Operation, Parameter, Paths } from './openapi-types';

const customerId: Parameter = {
  name: 'customerId',
  in: 'query',
  description: "Whose fleet unknown aircraft join, for an admin key; a scoped key's own customer wins. Neither is a 400.",
  schema: { type: 'string', pattern: SAFE_TEXT_PATTERN },
};

function feed(operationId: string, summary: string, bodySchema: string): Operation {
  return {
    operationId,
    summary,
    description:
      "An aircraft is found in the feed customer's fleet by its ICAO address (`icao24`), whatever its asset id; an " +
      'unknown one is registered there, with the address as its id, or `<address>.<customerId>` when another fleet ' +
      'already uses that id: every customer whose feed sees an aircraft tracks it in its own fleet. Beyond the ' +
      "customer's cap on aircraft its feeds register (`BEACON_FEED_AIRCRAFT_PER_CUSTOMER`), unknown aircraft are " +
      'rejected by index as `limit_reached`. ' +
      'Aircraft without a position become bare heartbeats. The document is applied aircraft by aircraft: one that ' +
      'cannot be read (a wrong value, text with a NUL or an unpaired surrogate, a time outside the accepted window) ' +
      'or registered is rejected by its index with the reason, is not registered, and the others are registered ' +
      `and stored. ${ROLES.heartbeats}`,
    tags: ['ingest'],
    security: KEYED,
    parameters: [customerId],
    requestBody: jsonBody(bodySchema),
    responses: {
      202: jsonResponse('Accepted: the stored heartbeats are durably committed.', 'HeartbeatsAcceptedResponse'),
      ...errors(400, 401, 403, 413, 415, 429, 503),
    },
  };
}

export const adsbFeedPaths: Paths = {
  '/api/v1/ingest/readsb': { post: feed('ingestReadsb', 'A readsb / tar1090 aircraft.json', 'ReadsbAircraftJson') },
  '/api/v1/ingest/opensky': { post: feed('ingestOpenSky', 'An OpenSky /states/all response', 'OpenSkyStates') },
};
