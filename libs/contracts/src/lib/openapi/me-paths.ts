import { errors } from './error-responses';
import { jsonResponse, KEYED, ROLES } from './operation-parts';
import type { Paths } from './openapi-types';

export const mePaths: Paths = {
  '/api/v1/me': {
    get: {
      operationId: 'getMe',
      summary: 'Who the presented key is',
      description:
        "The key's role, its customer scope with the customer's name, and the name it was issued with: what a client " +
        `shows after sign-in. Without a key on a server with \`BEACON_AUTH=off\`, the anonymous reader. ${ROLES.read}`,
      tags: ['api-keys'],
      security: KEYED,
      responses: { 200: jsonResponse('The caller.', 'MeResponse'), ...errors(401, 403, 429, 503) },
    },
  },
};
