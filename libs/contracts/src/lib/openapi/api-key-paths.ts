import { errors } from './error-responses';
import { jsonBody, jsonResponse, KEYED, ROLES } from './operation-parts';
import type { Paths } from './openapi-types';

export const apiKeyPaths: Paths = {
  '/api/v1/api-keys': {
    post: {
      operationId: 'issueApiKey',
      summary: 'Issue an API key',
      description: `The key is shown in this answer only. An admin key cannot be scoped to a customer. ${ROLES.admin}`,
      tags: ['api-keys'],
      security: KEYED,
      requestBody: jsonBody('IssueApiKeyRequest'),
      responses: {
        201: jsonResponse('Issued.', 'IssueApiKeyResponse'),
        ...errors(400, 401, 403, 413, 415, 429, 503),
      },
    },
  },
};
