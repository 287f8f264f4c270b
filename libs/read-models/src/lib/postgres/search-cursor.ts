import { InvalidCursorError } from '../invalid-cursor-error';
import type { AssetSort } from '../read-model.port';

/** Where a page ended: the last row's sort key (as text, null when it has none) and its id. */
export interface CursorPosition {
  key: string | null;
  id: string;
}

const MICROSECOND_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

const sortName = (sort: AssetSort): string => `${sort.field}:${sort.direction}`;

/** Opaque to clients: base64url JSON of the position and the sort it belongs to. */
export function encodeCursor(sort: AssetSort, position: CursorPosition): string {
  return Buffer.from(JSON.stringify({ sort: sortName(sort), key: position.key, id: position.id })).toString('base64url');
}

/**
 * Reads a cursor back, refusing anything this adapter did not issue for this sort: the values go
 * into SQL as parameters, and a value PostgreSQL cannot read would otherwise be a 500, not a 400.
 */
export function decodeCursor(cursor: string, sort: AssetSort): CursorPosition {
  const parsed = parseJson(cursor);
  if (typeof parsed !== 'object' || parsed === null) throw new InvalidCursorError();
  const { sort: issuedFor, key, id } = parsed as Record<string, unknown>;
  if (issuedFor !== sortName(sort) || !isText(id) || !(key === null || isText(key))) throw new InvalidCursorError();
  if (sort.field === 'lastSeenAt' && key !== null && !isInstant(key)) throw new InvalidCursorError();
  return { key, id };
}

function parseJson(cursor: string): unknown {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new InvalidCursorError();
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
}

/** PostgreSQL text cannot hold NUL. */
const isText = (value: unknown): value is string => typeof value === 'string' && !value.includes('\u0000');

/** A real instant (no 30 February), as the cursor writes it. */
function isInstant(value: string): boolean {
  if (!MICROSECOND_INSTANT.test(value)) return false;
  const milliseconds = `${value.slice(0, 23)}Z`;
  const parsed = new Date(milliseconds);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString() === milliseconds;
}
