/**
 * OpenSky numbers the ADS-B emitter categories 0–20 (with `extended=1`); readsb writes the DO-260B
 * code. Beacon keeps one vocabulary, the DO-260B code: 2 = Light is `A1`, 8 = Rotorcraft is `A7`,
 * 9 = Glider is `B1`, 16 = Emergency vehicle is `C1`. 0 and 1 ("no information") have no code.
 */
// prettier-ignore
const ADSB_CATEGORY_BY_OPENSKY: readonly (string | undefined)[] = [
  undefined, undefined,
  'A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7',
  'B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7',
  'C1', 'C2', 'C3', 'C4', 'C5',
];

/**
 * The category, from the field after the 17 every state vector has. Anything else there (a code a
 * newer API added, a field of its own) is ignored rather than refused: OpenSky appends fields as its
 * API grows, and a vector Beacon can read should not be lost over a field that only describes the
 * aircraft.
 */
export function openSkyCategory(value: unknown): string | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? ADSB_CATEGORY_BY_OPENSKY[value] : undefined;
}
