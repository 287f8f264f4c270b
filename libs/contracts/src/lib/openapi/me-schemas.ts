import type { MeResponse } from '../me.dto';
import { nullable, objectSchemaOf } from './json-schema';

const MeResponse = objectSchemaOf<MeResponse>({
  type: 'object',
  description: 'The caller, as its key makes it.',
  required: ['role', 'customerId', 'customerName', 'keyName'],
  properties: {
    role: { enum: ['admin', 'viewer'], description: 'A device key may not ask (403).' },
    customerId: { ...nullable('string'), description: 'The one customer the key may read; null for every customer.' },
    customerName: { ...nullable('string'), description: "That customer's name; null when the key is not scoped." },
    keyName: {
      ...nullable('string'),
      description: 'The name the key was issued with; null for the bootstrap admin key and, with auth off, the anonymous reader.',
    },
  },
});

export const meSchemas = { MeResponse };
