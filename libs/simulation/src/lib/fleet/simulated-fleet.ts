import { AircraftModel } from '../air/aircraft-model';
import type { Fix } from '../fix';
import { seededRandom } from '../random';
import type { TownId } from '../roads/road-network';
import { TOWN_IDS, TOWNS } from '../roads/towns';
import { VehicleModel } from '../roads/vehicle-model';
import { Silence } from '../silence';
import { Identities } from './identities';

export interface FleetOptions {
  vehicles: number;
  aircraft: number;
  seed: number;
  /** The share of devices (0–1) that go silent now and then. */
  silentShare: number;
}

export interface SimulatedVehicle {
  kind: 'vehicle';
  id: string;
  registration: string;
  town: TownId;
}

export interface SimulatedAircraft {
  kind: 'aircraft';
  /** The ICAO address, which is also the asset id feeds register it under. */
  id: string;
  callsign: string;
}

export type SimulatedDevice = SimulatedVehicle | SimulatedAircraft;

/** One report of one device, in Beacon's units; what each ingest format is encoded from. */
export interface SimulatedHeartbeat extends Fix {
  assetId: string;
  kind: SimulatedDevice['kind'];
  timestamp: string;
  squawk?: string;
  callsign?: string;
}

interface Member {
  device: SimulatedDevice;
  silence: Silence;
  model: VehicleModel | AircraftModel;
}

/**
 * A fleet of vehicles (spread over the towns in turn) and aircraft. Everything, identities included,
 * comes from `seed`: the same options and the same ticks give the same heartbeats.
 */
export class SimulatedFleet {
  private readonly members: Member[];

  constructor(options: FleetOptions) {
    const random = seededRandom(options.seed);
    const identities = new Identities(random.fork());
    const member = (device: SimulatedDevice, model: Member['model'], own: typeof random): Member => ({
      device,
      model,
      silence: new Silence(own.fork(), own.chance(options.silentShare)),
    });
    const vehicles = Array.from({ length: options.vehicles }, (_, index) => {
      const town = TOWN_IDS[index % TOWN_IDS.length] ?? 'stockholm';
      const own = random.fork();
      const device: SimulatedVehicle = { kind: 'vehicle', id: identities.vin(), registration: identities.registration(), town };
      return member(device, new VehicleModel(TOWNS[town], own.fork()), own);
    });
    const aircraft = Array.from({ length: options.aircraft }, () => {
      const own = random.fork();
      const device: SimulatedAircraft = { kind: 'aircraft', id: identities.icao24(), callsign: identities.callsign() };
      return member(device, new AircraftModel(own.fork()), own);
    });
    this.members = [...vehicles, ...aircraft];
  }

  get devices(): SimulatedDevice[] {
    return this.members.map((member) => member.device);
  }

  /** Moves every device on by `seconds`, then reports those not silent, dated `at`. */
  tick(at: Date, seconds: number): SimulatedHeartbeat[] {
    const timestamp = at.toISOString();
    const heartbeats: SimulatedHeartbeat[] = [];
    for (const { device, model, silence } of this.members) {
      model.advance(seconds);
      silence.advance(seconds);
      if (silence.isSilent) continue;
      const fix = roundFix(model.fix());
      heartbeats.push(
        model instanceof AircraftModel && device.kind === 'aircraft'
          ? { assetId: device.id, kind: device.kind, timestamp, ...fix, squawk: model.squawk, callsign: device.callsign }
          : { assetId: device.id, kind: device.kind, timestamp, ...fix },
      );
    }
    return heartbeats;
  }
}

/** What a GPS or a transponder would report: degrees to 6 decimals (0.1 m), speeds to 0.01 m/s. */
export function roundFix(fix: Fix): Fix {
  const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;
  const rounded: Fix = { lat: round(fix.lat, 6), lon: round(fix.lon, 6), speed: round(fix.speed, 2), heading: round(fix.heading, 1) % 360 };
  if (fix.altitude !== undefined) rounded.altitude = round(fix.altitude, 1);
  if (fix.verticalRate !== undefined) rounded.verticalRate = round(fix.verticalRate, 2);
  if (fix.onGround !== undefined) rounded.onGround = fix.onGround;
  return rounded;
}
