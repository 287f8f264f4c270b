/**
 * Speeds and heights as the user wants to read them. The API gives metres per second for speed and
 * vertical rate and metres for altitude (docs/API.md "Search"); these pure functions turn them
 * into the chosen unit and into text, for every view that shows them (table, panel, chart).
 */
export type SpeedUnit = 'km/h' | 'kn';
/** The vertical rate follows the altitude's unit: m/s with metres, ft/min with feet, as pilots read it. */
export type AltitudeUnit = 'm' | 'ft';

export interface UnitChoice {
  speed: SpeedUnit;
  altitude: AltitudeUnit;
}

export const SPEED_UNITS: readonly SpeedUnit[] = ['km/h', 'kn'];
export const ALTITUDE_UNITS: readonly AltitudeUnit[] = ['m', 'ft'];
export const DEFAULT_UNITS: UnitChoice = { speed: 'km/h', altitude: 'm' };

const METRES_PER_FOOT = 0.3048;
const METRES_PER_NAUTICAL_MILE = 1852;
/** Shown for a value the asset did not report. */
export const NO_VALUE = '—';

export function isSpeedUnit(value: unknown): value is SpeedUnit {
  return SPEED_UNITS.includes(value as SpeedUnit);
}

export function isAltitudeUnit(value: unknown): value is AltitudeUnit {
  return ALTITUDE_UNITS.includes(value as AltitudeUnit);
}

export function convertSpeed(metresPerSecond: number, unit: SpeedUnit): number {
  return unit === 'kn' ? (metresPerSecond * 3600) / METRES_PER_NAUTICAL_MILE : metresPerSecond * 3.6;
}

export function convertAltitude(metres: number, unit: AltitudeUnit): number {
  return unit === 'ft' ? metres / METRES_PER_FOOT : metres;
}

export function verticalRateUnit(altitude: AltitudeUnit): 'm/s' | 'ft/min' {
  return altitude === 'ft' ? 'ft/min' : 'm/s';
}

export function convertVerticalRate(metresPerSecond: number, altitude: AltitudeUnit): number {
  return altitude === 'ft' ? (metresPerSecond * 60) / METRES_PER_FOOT : metresPerSecond;
}

/** "87 km/h", "47 kn"; whole units are as precise as a glance at a fleet needs. */
export function formatSpeed(metresPerSecond: number | null, unit: SpeedUnit): string {
  return metresPerSecond === null ? NO_VALUE : `${whole(convertSpeed(metresPerSecond, unit))} ${unit}`;
}

/** "10,668 m", "35,000 ft". */
export function formatAltitude(metres: number | null, unit: AltitudeUnit): string {
  return metres === null ? NO_VALUE : `${whole(convertAltitude(metres, unit))} ${unit}`;
}

/** "+5.1 m/s", "−1,000 ft/min", "0 m/s": climb signed +, descent −; m/s keeps a decimal, as a climb is a few m/s. */
export function formatVerticalRate(metresPerSecond: number | null, altitude: AltitudeUnit): string {
  if (metresPerSecond === null) return NO_VALUE;
  const value = convertVerticalRate(metresPerSecond, altitude);
  const digits = altitude === 'ft' ? 0 : 1;
  const magnitude = Math.abs(value).toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const level = Number(Math.abs(value).toFixed(digits)) === 0;
  const sign = level ? '' : value > 0 ? '+' : '−';
  return `${sign}${level ? '0' : magnitude} ${verticalRateUnit(altitude)}`;
}

function whole(value: number): string {
  return Math.round(value).toLocaleString('en-GB');
}
