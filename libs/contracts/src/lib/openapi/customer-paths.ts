import { errors } from './error-responses';
import { commandResponse, jsonBody, jsonResponse, KEYED, ROLES } from './operation-parts';
import type { Paths } from './openapi-types';

export const customerPaths: Paths = {
  '/api/v1/customers': {
    post: {
      operationId: 'registerCustomer',
      summary: 'Register a customer',
      description: `Without an \`id\` Beacon makes one up. ${ROLES.admin}`,
      tags: ['customers'],
      security: KEYED,
      requestBody: jsonBody('RegisterCustomerRequest'),
      responses: {
        201: commandResponse('Registered.'),
        ...errors(400, 401, 403, 409, 413, 415, 429, 503),
      },
    },
    get: {
      operationId: 'listCustomers',
      summary: 'List customers, with their asset counts',
      description: ROLES.read,
      tags: ['customers'],
      security: KEYED,
      responses: {
        200: jsonResponse('The customers, by name.', 'CustomerList'),
        ...errors(401, 403, 429, 503),
      },
    },
  },
};
