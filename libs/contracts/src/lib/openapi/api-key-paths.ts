import { errors } from './error-responses';
import { schemaRef } from './json-schema';
import { jsonResponse, KEYED, ROLES } from './operation-parts';
import type { Paths } from './openapi-types';

export const apiKeyPaths: Paths = {
  '/api/v1/api-keys': {
    post: {
      operationId: 'issueApiKey',
      summary: 'Issue an API key',
      description:
        'The key is shown in this answer only. An admin key cannot be scoped to a customer, and a `customerId` that is not ' +
        `registered is a 400. ${ROLES.admin}`,
      tags: ['api-keys'],
      security: KEYED,
      requestBody: {
        required: true,
        content: {
          'application/json': {
            // The server's schema, and the controller's rule on top: no customer scope for an admin key.
            schema: {
              type: 'object',
              allOf: [schemaRef('IssueApiKeyRequest')],
              if: { required: ['role'], properties: { role: { const: 'admin' } } },
              then: { not: { required: ['customerId'] } },
            },
          },
        },
      },
      responses: {
        201: jsonResponse('Issued.', 'IssueApiKeyResponse'),
        ...errors(400, 401, 403, 413, 415, 429, 503),
      },
    },
    get: {
      operationId: 'listApiKeys',
      summary: 'List API keys',
      description: `Every key ever issued, with its state; never a key or its digest. ${ROLES.admin}`,
      tags: ['api-keys'],
      security: KEYED,
      responses: {
        200: jsonResponse('The keys, oldest first.', 'ApiKeyList'),
        ...errors(401, 403, 429, 503),
      },
    },
  },
  '/api/v1/api-keys/{id}': {
    delete: {
      operationId: 'revokeApiKey',
      summary: 'Revoke an API key',
      description: `The key is refused with 401 from now on, by every server process within a second. Revoking a revoked key answers 204 again. ${ROLES.admin}`,
      tags: ['api-keys'],
      security: KEYED,
      parameters: [
        { name: 'id', in: 'path', required: true, description: 'The key id that issuing it answered.', schema: { type: 'string' } },
      ],
      responses: {
        204: { description: 'Revoked.' },
        ...errors(401, 403, 404, 429, 503),
      },
    },
  },
};
