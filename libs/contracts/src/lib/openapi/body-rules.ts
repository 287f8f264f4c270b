import type { Operation, PathItem, Paths, RequestBody } from './openapi-types';

const ENCODINGS =
  'May be sent with `Content-Encoding: gzip` or `deflate`: it is decoded, and held to the same size limit once ' +
  'decoded (413 past it); any other encoding is 415.';
const REQUIRED = 'Required: an empty body or JSON `null` is 400 `invalid_request`.';
const OPTIONAL = 'Optional: it may be left out, but JSON `null` is 400 `invalid_request`.';

/**
 * The rules the server applies to every request body (`decode-content-encoding.ts`, the body
 * parsing's refusal of `null`), written into each operation's `requestBody`, so that none is missed.
 */
export function withBodyRules(paths: Paths): Paths {
  return Object.fromEntries(Object.entries(paths).map(([path, item]) => [path, withBodyRulesOfItem(item)]));
}

function withBodyRulesOfItem(item: PathItem): PathItem {
  return Object.fromEntries(
    Object.entries(item).map(([method, operation]: [string, Operation]) => [
      method,
      operation.requestBody ? { ...operation, requestBody: described(operation.requestBody) } : operation,
    ]),
  );
}

function described(body: RequestBody): RequestBody {
  const rules = `${body.required ? REQUIRED : OPTIONAL} ${ENCODINGS}`;
  return { ...body, description: body.description ? `${body.description} ${rules}` : rules };
}
