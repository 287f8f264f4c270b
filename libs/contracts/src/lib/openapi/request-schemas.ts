import { batchHeartbeatSchema, MAX_HEARTBEATS_PER_REQUEST } from '../schemas/batch-heartbeat.schema';
import { heartbeatSchema } from '../schemas/heartbeat.schema';
import { issueApiKeySchema } from '../schemas/issue-api-key.schema';
import { registerAssetSchema } from '../schemas/register-asset.schema';
import { registerCustomerSchema } from '../schemas/register-customer.schema';
import { updateAssetSchema } from '../schemas/update-asset.schema';
import { asComponent, schemaRef } from './json-schema';
import type { JsonSchema } from './openapi-types';

/** Request bodies: the schemas the server validates with, under the names the document uses. */
export const requestSchemas = {
  Heartbeat: asComponent(heartbeatSchema),
  BatchHeartbeat: asComponent(batchHeartbeatSchema),
  RegisterCustomerRequest: asComponent(registerCustomerSchema),
  RegisterAssetRequest: asComponent(registerAssetSchema),
  UpdateAssetRequest: asComponent(updateAssetSchema),
  IssueApiKeyRequest: asComponent(issueApiKeySchema),
  HeartbeatBatch: {
    description: 'One heartbeat, or a JSON array of them; each item is validated on its own.',
    oneOf: [
      schemaRef('BatchHeartbeat'),
      { type: 'array', minItems: 1, maxItems: MAX_HEARTBEATS_PER_REQUEST, items: schemaRef('BatchHeartbeat') },
    ],
  },
} as const satisfies Record<string, JsonSchema>;
