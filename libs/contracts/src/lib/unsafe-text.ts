import type { ApiErrorDetail } from './api-error';

/**
 * Text the API refuses anywhere: C0 control characters other than tab, line feed and carriage
 * return (NUL above all, which PostgreSQL cannot store in text), DEL, and UTF-16 surrogates
 * without their pair (which no UTF-8 store can hold). Refused, not replaced: a client that sends
 * them has a bug it should hear about (decision 021). The server's edge checks every request with
 * it; the feed readers check each aircraft of a document, so that one is refused alone (decision 023).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is this expression's job
const UNSAFE_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|\p{Cs}/u;

/**
 * The control-character half of the rule as a JSON Schema `pattern`: the request schemas and the
 * OpenAPI document put it on every free-text field, so the document states what the edge refuses.
 * Unpaired surrogates are left to the document's words: a JSON Schema string is a sequence of Unicode
 * scalar values, which holds none, and OpenAPI tools whose regular expressions run on such strings
 * (Rust's, for one) refuse a pattern that names surrogates.
 */
export const SAFE_TEXT_PATTERN = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$';

/** Deeper than any document Beacon reads (a readsb aircraft list is 3 levels). */
export const MAX_NESTING = 16;

/**
 * The first place in a parsed value (keys included) holding unsafe text or nesting too deep, as
 * the detail of a 400 answer; null when there is none.
 */
export function findUnsafeValue(value: unknown, field: string, depth = 0): ApiErrorDetail | null {
  if (typeof value === 'string') {
    return UNSAFE_TEXT.test(value) ? { field, reason: 'must not contain control characters or unpaired UTF-16 surrogates' } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  if (depth >= MAX_NESTING) return { field, reason: `nests deeper than ${MAX_NESTING} levels` };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeValue(value[i], `${field}[${i}]`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, inner] of Object.entries(value)) {
    const name = field ? `${field}.${key}` : key;
    if (UNSAFE_TEXT.test(key)) return { field: name, reason: 'names a field with control characters or unpaired UTF-16 surrogates' };
    const found = findUnsafeValue(inner, name, depth + 1);
    if (found) return found;
  }
  return null;
}
