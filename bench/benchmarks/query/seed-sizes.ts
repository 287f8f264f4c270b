/** Positions kept per asset at every scale: the 10,000,000 positions over 100,000 assets. */
export const POSITIONS_PER_ASSET = 100;
/** Assets per customer: a mid-sized operator's fleet. */
const ASSETS_PER_CUSTOMER = 100;

export interface QuerySizes {
  assets: number;
  customers: number;
  /** Every stored position: each asset's newest heartbeat (projected) plus its older history (seeded). */
  positions: number;
}

/** 100,000 assets and 10,000,000 positions at scale 1; the fleet never shrinks below 100 assets. */
export function querySizes(scale: number): QuerySizes {
  const assets = Math.max(100, Math.round(100_000 * scale));
  return { assets, customers: Math.max(1, Math.round(assets / ASSETS_PER_CUSTOMER)), positions: assets * POSITIONS_PER_ASSET };
}
