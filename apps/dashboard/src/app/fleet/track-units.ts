/**
 * How the track's speeds and altitudes are shown: the one place that turns the API's SI values
 * (m/s, metres; docs/API.md "Track") into display units, so a user's unit choice can replace it.
 */
export interface DisplayUnit {
  /** Written after a value and in chart labels. */
  label: string;
  /** From the API's SI value to this unit. */
  convert(si: number): number;
  /** Decimals worth showing. */
  digits: number;
}

export const SPEED_UNIT: DisplayUnit = { label: 'km/h', convert: (metresPerSecond) => metresPerSecond * 3.6, digits: 0 };
export const ALTITUDE_UNIT: DisplayUnit = { label: 'm', convert: (metres) => metres, digits: 0 };

/** "45 km/h"; a dash for what the device did not send. */
export function formatInUnit(si: number | null, unit: DisplayUnit): string {
  return si === null ? '—' : `${unit.convert(si).toFixed(unit.digits)} ${unit.label}`;
}
