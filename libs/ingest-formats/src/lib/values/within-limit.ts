import type { Limit } from './limits';
import type { Problems } from './problems';

/**
 * The value if it lies within the limit, else undefined and a problem naming the source field.
 * `converted` says the value is no longer in the source's unit, so the reason shows both.
 */
export function withinLimit(
  value: number | undefined,
  field: string,
  limit: Limit,
  problems: Problems,
  converted = false,
): number | undefined {
  if (value === undefined) return undefined;
  const bound =
    limit.min !== undefined && value < limit.min
      ? `>= ${limit.min}${limit.unit}`
      : limit.max !== undefined && value > limit.max
        ? `<= ${limit.max}${limit.unit}`
        : undefined;
  if (bound === undefined) return value;
  const was = converted ? ` (is ${value}${limit.unit} once converted to SI)` : '';
  problems.push({ field, reason: `must be ${bound}${was}` });
  return undefined;
}
