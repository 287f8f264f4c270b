import { createHash } from 'node:crypto';

/** The register-asset schema's rule for an asset id. */
const ASSET_ID = /^~?[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * The ids a feed may give an aircraft it registers for a customer, in the order to try them
 * (decision 030): the ICAO address itself, as receivers and tar1090 show it, while no fleet uses it;
 * else the address qualified by the customer (`4ca7b3.flygbolaget`), or by a digest of the
 * customer's id when that would not make a valid asset id.
 */
export function aircraftAssetIds(icao24: string, customerId: string): [string, string] {
  const qualified = `${icao24}.${customerId}`;
  if (ASSET_ID.test(qualified)) return [icao24, qualified];
  return [icao24, `${icao24}.${createHash('sha256').update(customerId).digest('hex').slice(0, 12)}`];
}
