import { bearingDegrees, distanceMetres, pointAlong } from '../geo';
import type { Fix } from '../fix';
import type { Random } from '../random';
import { AIRPORTS, type Airport } from './airports';
import { FOOT_M, KNOT_MPS, flightAt, flightDuration, planFlight, type FlightPlan } from './flight-profile';

/** Flight levels an airliner cruises at: about FL350. */
const CRUISE_FLIGHT_LEVELS = [330, 350, 370];
/** Cruise ground speed, about 450 kn. */
const CRUISE_KNOTS = { min: 430, max: 470 };
/** Time on the ground between two legs. */
const TURNAROUND_SECONDS = { min: 8 * 60, max: 25 * 60 };
/** Legs shorter than this (Copenhagen–Gothenburg) are driven or flown by turboprops, not simulated. */
const SHORTEST_LEG_M = 300_000;
/** Most aircraft start in the air, the rest at a gate. */
const AIRBORNE_AT_START = 0.85;

type Phase = { kind: 'flying'; seconds: number } | { kind: 'ground'; seconds: number };

/**
 * An airliner flying legs between the airports of `AIRPORTS` along great circles: climb, cruise near
 * FL350 at about 450 kn, descent, a turnaround at the gate, then a leg to another airport.
 */
export class AircraftModel {
  private plan: FlightPlan;
  private phase: Phase;
  private heading = 0;
  private squawkCode: string;

  constructor(private readonly random: Random) {
    this.plan = this.nextLeg(random.pick(AIRPORTS));
    this.squawkCode = this.newSquawk();
    this.phase = random.chance(AIRBORNE_AT_START)
      ? { kind: 'flying', seconds: random.between(0, flightDuration(this.plan)) }
      : { kind: 'ground', seconds: random.between(0, TURNAROUND_SECONDS.max) };
  }

  get squawk(): string {
    return this.squawkCode;
  }

  get route(): { from: string; to: string } {
    return { from: this.plan.origin.code, to: this.plan.destination.code };
  }

  advance(seconds: number): void {
    let left = seconds;
    while (left > 1e-9) {
      const phase = this.phase;
      if (phase.kind === 'ground') {
        const waited = Math.min(left, phase.seconds);
        phase.seconds -= waited;
        left -= waited;
        if (phase.seconds <= 0) this.phase = { kind: 'flying', seconds: 0 };
        continue;
      }
      const duration = flightDuration(this.plan);
      const flown = Math.min(left, duration - phase.seconds);
      phase.seconds += flown;
      left -= flown;
      if (phase.seconds >= duration) this.land();
    }
  }

  fix(): Fix {
    const { origin, destination } = this.plan;
    if (this.phase.kind === 'ground') {
      return {
        lat: origin.lat,
        lon: origin.lon,
        altitude: origin.elevation,
        speed: 0,
        heading: this.heading,
        verticalRate: 0,
        onGround: true,
      };
    }
    const state = flightAt(this.plan, this.phase.seconds);
    const where = pointAlong(origin, destination, state.flown / this.plan.distance);
    // Heading towards the destination from where it is now: a great circle turns as it goes.
    const heading = distanceMetres(where, destination) > 1 ? bearingDegrees(where, destination) : this.heading;
    return { ...where, altitude: state.altitude, speed: state.speed, heading, verticalRate: state.verticalRate, onGround: false };
  }

  private land(): void {
    const arrived = this.plan.destination;
    this.heading = bearingDegrees(this.plan.origin, arrived);
    this.plan = this.nextLeg(arrived);
    this.squawkCode = this.newSquawk();
    this.phase = { kind: 'ground', seconds: this.random.between(TURNAROUND_SECONDS.min, TURNAROUND_SECONDS.max) };
  }

  private nextLeg(origin: Airport): FlightPlan {
    const destinations = AIRPORTS.filter((airport) => airport !== origin && distanceMetres(origin, airport) >= SHORTEST_LEG_M);
    const destination = this.random.pick(destinations);
    const level = this.random.pick(CRUISE_FLIGHT_LEVELS);
    return planFlight(origin, destination, level * 100 * FOOT_M, this.random.between(CRUISE_KNOTS.min, CRUISE_KNOTS.max) * KNOT_MPS);
  }

  /** A discrete code from air traffic control: four octal digits, never an emergency code (7500, 7600, 7700). */
  private newSquawk(): string {
    for (;;) {
      const code = Array.from({ length: 4 }, () => this.random.integer(0, 7)).join('');
      if (!/^7[567]00$/.test(code) && code !== '2000' && code !== '1200') return code;
    }
  }
}
