/** `52310.4` → `52,310`; small values keep two decimals so ratios and milliseconds stay readable. */
export function formatNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: Math.abs(value) < 10 ? 2 : 0 });
}

export function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 100)} %`;
}
