import { bearingDegrees, distanceMetres, pointAlong } from '../geo';
import type { Random } from '../random';
import type { Fix } from '../fix';
import { drivesFrom, type Drive, type Town } from './road-network';

/** The slowest and fastest a simulated vehicle drives, whatever the road. */
export const VEHICLE_KMH = { min: 30, max: 110 } as const;
/** A delivery or a break at a place: some seconds to a few minutes. */
const LONG_STOP_SECONDS = { min: 20, max: 300, chance: 0.35 };
/** Lights, a give-way, a queue. */
const SHORT_STOP_SECONDS = { min: 5, max: 40, chance: 0.3 };
/** Vehicles start spread over this much driving, so a fleet does not leave its places in step. */
const WARM_UP_SECONDS = 900;

type Leg =
  | { kind: 'driving'; drive: Drive; from: string; segment: number; metres: number; kmh: number }
  | { kind: 'stopped'; place: string; seconds: number };

/**
 * A vehicle driving round a town's roads: from a place it takes a road (rarely the one it came by),
 * drives it at the road's speed give or take a little, and at the next place drives on, waits at a
 * junction or stops a while. All choices come from its own `random`, so its trip is reproducible.
 */
export class VehicleModel {
  private leg: Leg;
  private heading = 0;

  constructor(
    readonly town: Town,
    private readonly random: Random,
  ) {
    const start = random.pick(Object.keys(town.places));
    this.leg = this.departFrom(start, undefined);
    this.advance(random.between(0, WARM_UP_SECONDS));
  }

  advance(seconds: number): void {
    let left = seconds;
    while (left > 1e-9) {
      const leg = this.leg;
      if (leg.kind === 'stopped') {
        const waited = Math.min(left, leg.seconds);
        leg.seconds -= waited;
        left -= waited;
        if (leg.seconds <= 0) this.leg = this.departFrom(leg.place, undefined);
        continue;
      }
      const [a, b] = this.segmentOf(leg);
      const metresPerSecond = leg.kmh / 3.6;
      const remaining = distanceMetres(a, b) - leg.metres;
      if (remaining > metresPerSecond * left) {
        leg.metres += metresPerSecond * left;
        left = 0;
      } else {
        left -= remaining / metresPerSecond;
        this.heading = bearingDegrees(a, b);
        leg.segment += 1;
        leg.metres = 0;
        if (leg.segment >= leg.drive.points.length - 1) this.leg = this.arriveAt(leg.drive.destination, leg.from);
      }
    }
  }

  fix(): Fix {
    const leg = this.leg;
    if (leg.kind === 'stopped') {
      const place = this.town.places[leg.place] ?? { lat: 0, lon: 0 };
      return { ...place, speed: 0, heading: this.heading };
    }
    const [a, b] = this.segmentOf(leg);
    const length = distanceMetres(a, b);
    return { ...pointAlong(a, b, length === 0 ? 0 : leg.metres / length), speed: leg.kmh / 3.6, heading: bearingDegrees(a, b) };
  }

  private segmentOf(leg: Extract<Leg, { kind: 'driving' }>) {
    const a = leg.drive.points[leg.segment];
    const b = leg.drive.points[leg.segment + 1];
    if (!a || !b) throw new Error(`no segment ${leg.segment} on the road to ${leg.drive.destination}`);
    return [a, b] as const;
  }

  private arriveAt(place: string, cameFrom: string): Leg {
    if (this.random.chance(LONG_STOP_SECONDS.chance)) {
      return { kind: 'stopped', place, seconds: this.random.between(LONG_STOP_SECONDS.min, LONG_STOP_SECONDS.max) };
    }
    if (this.random.chance(SHORT_STOP_SECONDS.chance)) {
      return { kind: 'stopped', place, seconds: this.random.between(SHORT_STOP_SECONDS.min, SHORT_STOP_SECONDS.max) };
    }
    return this.departFrom(place, cameFrom);
  }

  /** A road out of `place`; back the way it came only at a dead end (or after a stop, when it may turn). */
  private departFrom(place: string, cameFrom: string | undefined): Leg {
    const drives = drivesFrom(this.town, place);
    const onward = drives.filter((drive) => drive.destination !== cameFrom);
    const drive = this.random.pick(onward.length > 0 ? onward : drives);
    const kmh = Math.min(VEHICLE_KMH.max, Math.max(VEHICLE_KMH.min, drive.kmh * this.random.between(0.9, 1.05)));
    return { kind: 'driving', drive, from: place, segment: 0, metres: 0, kmh };
  }
}
