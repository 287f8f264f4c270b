/**
 * readsb and dump1090-fa 3.7+ write `alt_baro`, `gs` and `baro_rate`; dump1090-mutability and
 * dump1090-fa before 3.7 wrote the same facts, in the same units, as `altitude`, `speed` and
 * `vert_rate`. The modern name wins when an entry carries both; problems name the field that was read.
 */
export const LEGACY_NAME_OF = { alt_baro: 'altitude', gs: 'speed', baro_rate: 'vert_rate' } as const;

export type ModernName = keyof typeof LEGACY_NAME_OF;

/** The value of a field under its modern name or else its legacy one, with the name it was found under. */
export function readsbField(entry: Record<string, unknown>, modern: ModernName): { field: string; value: unknown } {
  const value = entry[modern];
  if (value !== undefined && value !== null) return { field: modern, value };
  const legacy = LEGACY_NAME_OF[modern];
  return { field: legacy, value: entry[legacy] };
}
