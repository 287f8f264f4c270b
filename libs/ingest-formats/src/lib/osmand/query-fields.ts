import type { Problems } from '../values/problems';

/** Query-string or form fields as an HTTP framework hands them over: repeated keys become arrays. */
export type QueryFields = Record<string, string | string[] | undefined>;

/**
 * The one value of a field, trimmed; an empty value counts as absent. A field repeated with different
 * values is ambiguous (which `lat` is right?), so it is a problem rather than "the last one wins";
 * repeated with the same value (once in the query, once in the form body) it is fine.
 */
export function singleValue(fields: QueryFields, name: string, problems: Problems): string | undefined {
  const raw = fields[name];
  const values = (raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]).map((value) => String(value).trim());
  const distinct = [...new Set(values.filter((value) => value !== ''))];
  if (distinct.length > 1) problems.push({ field: name, reason: 'must be given once' });
  return distinct.length === 1 ? distinct[0] : undefined;
}
