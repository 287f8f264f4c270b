import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '../../config/config.tokens';
import { AssetDirectory } from '../../shared/asset-directory';

/** Where an aircraft stands in one customer's fleet. */
export type FleetAircraftEntry =
  | { kind: 'tracked'; assetId: string }
  /** The customer decommissioned it: its feed's heartbeats are refused, and it is not registered again. */
  | { kind: 'decommissioned'; assetId: string }
  | { kind: 'unknown' };

/**
 * Finds the asset that stands for an aircraft in a customer's fleet by its ICAO address, whatever
 * its id (decision 030): one registered by a feed, or by an operator with `icao24` set. Every
 * customer has its own asset for an aircraft its feeds see, so the lookup is by (customer, address).
 * The registrations carrying an address are found through an index; who owns each, and whether it
 * is still active, comes from the asset directory, which commands on this replica keep current.
 */
@Injectable()
export class FleetAircraft {
  /**
   * `customer/address` → the asset found for it before. Still checked against the directory on
   * every use, so a decommission or reassignment shows as soon as the directory knows of it.
   */
  private readonly known = new Map<string, string>();

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly directory: AssetDirectory,
  ) {}

  /** Each address's place in the customer's fleet; at most one query for the whole document. */
  async find(customerId: string, icao24s: readonly string[]): Promise<Map<string, FleetAircraftEntry>> {
    const found = new Map<string, FleetAircraftEntry>();
    const unresolved: string[] = [];
    for (const icao24 of icao24s) {
      const assetId = this.known.get(knownKey(customerId, icao24));
      const asset = assetId === undefined ? null : await this.directory.describe(assetId);
      if (assetId !== undefined && asset?.active && asset.customerId === customerId) found.set(icao24, { kind: 'tracked', assetId });
      else unresolved.push(icao24);
    }
    if (unresolved.length > 0) await this.resolve(customerId, unresolved, found);
    return found;
  }

  private async resolve(customerId: string, icao24s: string[], found: Map<string, FleetAircraftEntry>): Promise<void> {
    for (const icao24 of icao24s) found.set(icao24, { kind: 'unknown' });
    // Oldest first: should a customer have registered one aircraft twice, the first asset wins.
    const { rows } = await this.pool.query<{ asset_id: string; icao24: string }>(
      `SELECT data->>'assetId' AS asset_id, data->>'icao24' AS icao24 FROM events
        WHERE type = 'AssetRegistered' AND data->>'icao24' = ANY($1::text[]) ORDER BY global_position`,
      [icao24s],
    );
    for (const { asset_id: assetId, icao24 } of rows) {
      const current = found.get(icao24);
      if (current?.kind === 'tracked') continue;
      const asset = await this.directory.describe(assetId);
      if (asset?.customerId !== customerId) continue;
      if (asset.active) {
        found.set(icao24, { kind: 'tracked', assetId });
        this.known.set(knownKey(customerId, icao24), assetId);
      } else if (current?.kind === 'unknown') {
        found.set(icao24, { kind: 'decommissioned', assetId });
      }
    }
  }

  /**
   * Assets the customer's feeds registered that are still in its fleet as registered (neither
   * decommissioned nor given to another customer): what the per-customer cap counts.
   */
  async registeredByFeeds(customerId: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM events r
        WHERE r.type = 'AssetRegistered' AND r.metadata->>'source' IN ('readsb', 'opensky') AND r.data->>'customerId' = $1
          AND NOT EXISTS (SELECT 1 FROM events e WHERE e.stream_id = r.stream_id AND e.type IN ('AssetDecommissioned', 'AssetReassigned'))`,
      [customerId],
    );
    return rows[0]?.n ?? 0;
  }
}

function knownKey(customerId: string, icao24: string): string {
  return `${customerId}/${icao24}`;
}
