import type { Problems } from './problems';

/**
 * A plain decimal number. `Number(text)` alone would also take '' (0), '0x1A', 'Infinity' and ' 1 ',
 * none of which a device means as a coordinate.
 */
export const DECIMAL_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

export function decimalFromText(text: string | undefined, field: string, problems: Problems): number | undefined {
  if (text === undefined) return undefined;
  if (DECIMAL_NUMBER.test(text)) {
    const value = Number(text);
    if (Number.isFinite(value)) return value;
  }
  problems.push({ field, reason: 'must be a number' });
  return undefined;
}
