/** One international knot: a nautical mile (exactly 1852 m) per hour. */
export const KNOT_IN_METRES_PER_SECOND = 1852 / 3600;

/** The international foot, exactly. */
export const FOOT_IN_METRES = 0.3048;

const SECONDS_PER_MINUTE = 60;

export function knotsToMetresPerSecond(knots: number): number {
  return knots * KNOT_IN_METRES_PER_SECOND;
}

export function metresPerSecondToKnots(metresPerSecond: number): number {
  return metresPerSecond / KNOT_IN_METRES_PER_SECOND;
}

export function feetToMetres(feet: number): number {
  return feet * FOOT_IN_METRES;
}

/** Vertical rates of aircraft (readsb's `baro_rate` / `geom_rate`) are in feet per minute. */
export function feetPerMinuteToMetresPerSecond(feetPerMinute: number): number {
  return (feetPerMinute * FOOT_IN_METRES) / SECONDS_PER_MINUTE;
}

/**
 * Converted values carry floating-point noise (35,000 ft is 10668.000000000002 m); a millimetre is far
 * below what any of these sources can measure, so stored events stay readable.
 */
export function roundToMillis(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Converts a value that may be absent, rounding the result to millimetres. */
export function toSi(value: number | undefined, convert: (value: number) => number): number | undefined {
  return value === undefined ? undefined : roundToMillis(convert(value));
}
