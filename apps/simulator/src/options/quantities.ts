const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

/** `500ms`, `5s`, `10m`, `1h` (a bare number is seconds) → milliseconds; undefined when it is none of these. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!match) return undefined;
  const ms = Number(match[1]) * (UNIT_MS[match[2] ?? 's'] ?? 1_000);
  return ms > 0 ? ms : undefined;
}

/** `10x` or `10` → 10; undefined unless above zero. */
export function parseSpeed(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)x?$/.exec(text.trim());
  const speed = match ? Number(match[1]) : NaN;
  return speed > 0 ? speed : undefined;
}
