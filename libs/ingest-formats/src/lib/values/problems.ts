import type { ApiErrorDetail } from '@beacon/contracts';

/**
 * The problems found in one item or document. Readers append to it instead of stopping at the first,
 * so a device or feed learns everything that is wrong from one answer.
 */
export type Problems = ApiErrorDetail[];

/** A value that was read, or the problems that kept it from being read. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; details: Problems };

export function problem(field: string, reason: string): { ok: false; details: Problems } {
  return { ok: false, details: [{ field, reason }] };
}
