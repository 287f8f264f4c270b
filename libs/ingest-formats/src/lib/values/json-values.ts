import type { Problems } from './problems';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Feeds write null or leave a key out when they do not know; both mean "absent". */
export function optionalNumber(value: unknown, field: string, problems: Problems): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  problems.push({ field, reason: 'must be a number' });
  return undefined;
}

export function optionalString(value: unknown, field: string, problems: Problems): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  problems.push({ field, reason: 'must be a string' });
  return undefined;
}

export function optionalBoolean(value: unknown, field: string, problems: Problems): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  problems.push({ field, reason: 'must be true or false' });
  return undefined;
}
