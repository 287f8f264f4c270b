import { distanceMetres } from '../geo';
import type { Airport } from './airports';

export const FOOT_M = 0.3048;
export const KNOT_MPS = 1852 / 3600;

/** Climb and descent rates of an airliner, on average over the whole climb or descent. */
const CLIMB_MPS = (2_000 * FOOT_M) / 60;
const DESCENT_MPS = (1_800 * FOOT_M) / 60;
/** Ground speed at lift-off and over the threshold. */
const LIFT_OFF_MPS = 160 * KNOT_MPS;
const TOUCH_DOWN_MPS = 140 * KNOT_MPS;
/** Never level off lower than this, however short the leg. */
const LOWEST_CRUISE_M = 3_000;

/** One flight between two airports, planned once: how high, how fast, and how long each phase takes. */
export interface FlightPlan {
  origin: Airport;
  destination: Airport;
  distance: number;
  cruiseAltitude: number;
  cruiseSpeed: number;
  climbSeconds: number;
  cruiseSeconds: number;
  descentSeconds: number;
}

/** Where a flight is `t` seconds after lift-off: metres flown, altitude, ground speed and climb rate. */
export interface FlightState {
  flown: number;
  altitude: number;
  speed: number;
  verticalRate: number;
}

/**
 * Climb to `cruiseAltitude` (lower when the leg is too short to reach it), cruise at `cruiseSpeed`,
 * descend to the destination. Speed changes evenly with each climb and descent.
 */
export function planFlight(origin: Airport, destination: Airport, cruiseAltitude: number, cruiseSpeed: number): FlightPlan {
  const distance = distanceMetres(origin, destination);
  const climbMetresPerMetre = (LIFT_OFF_MPS + cruiseSpeed) / 2 / CLIMB_MPS;
  const descentMetresPerMetre = (cruiseSpeed + TOUCH_DOWN_MPS) / 2 / DESCENT_MPS;
  // The highest level whose climb and descent still fit in the leg's distance.
  const reachable =
    (distance + origin.elevation * climbMetresPerMetre + destination.elevation * descentMetresPerMetre) /
    (climbMetresPerMetre + descentMetresPerMetre);
  const altitude = Math.max(LOWEST_CRUISE_M, Math.min(cruiseAltitude, reachable));
  const climbSeconds = (altitude - origin.elevation) / CLIMB_MPS;
  const descentSeconds = (altitude - destination.elevation) / DESCENT_MPS;
  const climbDistance = (climbSeconds * (LIFT_OFF_MPS + cruiseSpeed)) / 2;
  const descentDistance = (descentSeconds * (cruiseSpeed + TOUCH_DOWN_MPS)) / 2;
  const cruiseSeconds = Math.max(0, distance - climbDistance - descentDistance) / cruiseSpeed;
  return { origin, destination, distance, cruiseAltitude: altitude, cruiseSpeed, climbSeconds, cruiseSeconds, descentSeconds };
}

export function flightDuration(plan: FlightPlan): number {
  return plan.climbSeconds + plan.cruiseSeconds + plan.descentSeconds;
}

export function flightAt(plan: FlightPlan, t: number): FlightState {
  const { climbSeconds: climb, cruiseSeconds: cruise, descentSeconds: descent, cruiseSpeed: v } = plan;
  const climbDistance = (climb * (LIFT_OFF_MPS + v)) / 2;
  if (t < climb) {
    const speed = LIFT_OFF_MPS + ((v - LIFT_OFF_MPS) * t) / climb;
    return { flown: ((LIFT_OFF_MPS + speed) / 2) * t, altitude: plan.origin.elevation + CLIMB_MPS * t, speed, verticalRate: CLIMB_MPS };
  }
  if (t < climb + cruise) {
    return { flown: climbDistance + v * (t - climb), altitude: plan.cruiseAltitude, speed: v, verticalRate: 0 };
  }
  const into = Math.min(descent, t - climb - cruise);
  const speed = v - ((v - TOUCH_DOWN_MPS) * into) / descent;
  const flown = climbDistance + v * cruise + ((v + speed) / 2) * into;
  return { flown: Math.min(plan.distance, flown), altitude: plan.cruiseAltitude - DESCENT_MPS * into, speed, verticalRate: -DESCENT_MPS };
}
