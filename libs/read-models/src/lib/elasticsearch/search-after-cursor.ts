import type { estypes } from '@elastic/elasticsearch';
import { InvalidCursorError } from '../invalid-cursor-error';

/** The cursor is the last hit's sort values, opaque to clients (base64url JSON). */
export function encodeSearchAfter(sort: estypes.SortResults): string {
  return Buffer.from(JSON.stringify(sort)).toString('base64url');
}

export function decodeSearchAfter(cursor: string): estypes.SortResults {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  const valid = Array.isArray(values) && values.length > 0 && values.every((v) => v === null || ['string', 'number'].includes(typeof v));
  if (!valid) throw new InvalidCursorError();
  return values as estypes.SortResults;
}
