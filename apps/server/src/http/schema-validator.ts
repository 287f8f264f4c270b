import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { ApiError } from './api-error';

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);

/**
 * Request bodies are checked against the JSON Schemas of `@beacon/contracts`, compiled once.
 * A failure is a 400 whose details name every field at fault.
 */
export function compileSchema<T>(schema: object): (body: unknown) => T {
  const validate: ValidateFunction = ajv.compile(schema);
  return (body: unknown): T => {
    if (validate(body)) return body as T;
    throw new ApiError('invalid_request', 'request body is invalid', (validate.errors ?? []).map(toDetail));
  };
}

function toDetail(error: ErrorObject): { field: string; reason: string } {
  const path = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  const child = params.missingProperty ?? params.additionalProperty;
  const field = [path, child].filter(Boolean).join('.') || '(body)';
  const reason = params.additionalProperty ? 'is not a known field' : (error.message ?? 'is invalid');
  return { field, reason };
}
