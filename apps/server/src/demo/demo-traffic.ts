import { roundFix, seededRandom, TOWNS, VehicleModel, type Fix } from '@beacon/simulation';
import type { DemoCustomer } from './demo-fleet';

export interface DemoReport {
  assetId: string;
  fix: Fix;
}

/**
 * The demo's moving vehicles, each driving its customer's town's roads with the simulator's model
 * (`@beacon/simulation`), seeded by its VIN: every start drives the same trips, from where the
 * vehicle is when the server starts.
 */
export class DemoTraffic {
  private readonly vehicles: { vin: string; model: VehicleModel }[];
  private lastAt: number | null = null;

  constructor(fleet: readonly DemoCustomer[]) {
    this.vehicles = fleet.flatMap((customer) =>
      customer.vehicles
        .filter((vehicle) => !vehicle.silent)
        .map((vehicle) => ({ vin: vehicle.vin, model: new VehicleModel(TOWNS[customer.town], seededRandom(seedOf(vehicle.vin))) })),
    );
  }

  /** Where each moving vehicle is at `now`, having driven on since the last report. */
  reportsAt(now: Date): DemoReport[] {
    const seconds = this.lastAt === null ? 0 : Math.max(0, (now.getTime() - this.lastAt) / 1000);
    this.lastAt = now.getTime();
    return this.vehicles.map(({ vin, model }) => {
      model.advance(seconds);
      return { assetId: vin, fix: roundFix(model.fix()) };
    });
  }
}

/** A VIN's characters folded into 32 bits (FNV-1a): a fixed seed per vehicle. */
function seedOf(vin: string): number {
  let hash = 0x811c9dc5;
  for (const character of vin) hash = Math.imul(hash ^ (character.codePointAt(0) ?? 0), 0x01000193);
  return hash >>> 0;
}
