import { AircraftModel, roundFix, seededRandom, TOWNS, VehicleModel, type Fix } from '@beacon/simulation';
import type { DemoAirOperator, DemoCustomer } from './demo-fleet';

export type DemoReport =
  | { kind: 'vehicle'; assetId: string; fix: Fix }
  | { kind: 'aircraft'; assetId: string; fix: Fix; squawk: string; callsign: string };

/**
 * The demo's moving assets with the simulator's models (`@beacon/simulation`): each vehicle drives its
 * customer's town's roads, each aircraft flies airliner legs between the model's airports. Each is
 * seeded by its id, so every start drives and flies the same trips, from where they are when the
 * server starts.
 */
export class DemoTraffic {
  private readonly vehicles: { vin: string; model: VehicleModel }[];
  private readonly aircraft: { icao24: string; callsign: string; model: AircraftModel }[];
  private lastAt: number | null = null;

  constructor(fleet: readonly DemoCustomer[], operator: DemoAirOperator) {
    this.vehicles = fleet.flatMap((customer) =>
      customer.vehicles
        .filter((vehicle) => !vehicle.silent)
        .map((vehicle) => ({ vin: vehicle.vin, model: new VehicleModel(TOWNS[customer.town], seededRandom(seedOf(vehicle.vin))) })),
    );
    this.aircraft = operator.aircraft.map(({ icao24, callsign }) => ({
      icao24,
      callsign,
      model: new AircraftModel(seededRandom(seedOf(icao24))),
    }));
  }

  /** Where each moving asset is at `now`, having moved on since the last report: vehicles first, then aircraft. */
  reportsAt(now: Date): DemoReport[] {
    const seconds = this.lastAt === null ? 0 : Math.max(0, (now.getTime() - this.lastAt) / 1000);
    this.lastAt = now.getTime();
    const vehicles = this.vehicles.map(({ vin, model }): DemoReport => {
      model.advance(seconds);
      return { kind: 'vehicle', assetId: vin, fix: roundFix(model.fix()) };
    });
    const aircraft = this.aircraft.map(({ icao24, callsign, model }): DemoReport => {
      model.advance(seconds);
      return { kind: 'aircraft', assetId: icao24, fix: roundFix(model.fix()), squawk: model.squawk, callsign };
    });
    return [...vehicles, ...aircraft];
  }
}

/** An id's characters folded into 32 bits (FNV-1a): a fixed seed per asset. */
function seedOf(id: string): number {
  let hash = 0x811c9dc5;
  for (const character of id) hash = Math.imul(hash ^ (character.codePointAt(0) ?? 0), 0x01000193);
  return hash >>> 0;
}
