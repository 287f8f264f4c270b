import type { UnitChoice } from './units';
import { DEFAULT_UNITS, isAltitudeUnit, isSpeedUnit } from './units';

export const UNITS_STORAGE_KEY = 'beacon.units';

/** The remembered units; the defaults for what is missing, unreadable or from an older dashboard. */
export function readUnitChoice(storage: Storage = localStorage): UnitChoice {
  try {
    const stored: unknown = JSON.parse(storage.getItem(UNITS_STORAGE_KEY) ?? '{}');
    const { speed, altitude } = (stored ?? {}) as Partial<Record<keyof UnitChoice, unknown>>;
    return {
      speed: isSpeedUnit(speed) ? speed : DEFAULT_UNITS.speed,
      altitude: isAltitudeUnit(altitude) ? altitude : DEFAULT_UNITS.altitude,
    };
  } catch {
    return DEFAULT_UNITS; // storage refused (privacy modes) or not JSON
  }
}

export function writeUnitChoice(choice: UnitChoice, storage: Storage = localStorage): void {
  try {
    storage.setItem(UNITS_STORAGE_KEY, JSON.stringify(choice));
  } catch {
    // Storage refused (privacy modes): the choice holds for this page only.
  }
}
