import { heartbeatSchema, registerAssetSchema } from '@beacon/contracts';

/** A closed range of a heartbeat field, in SI, with the unit used in error reasons. */
export interface Limit {
  min?: number;
  max?: number;
  unit: string;
}

const heartbeat = heartbeatSchema.properties;

/**
 * Taken from the contract's JSON Schemas rather than repeated, so a parser never emits a heartbeat the
 * API would refuse, and when a value is out of range the problem names the field the device sent.
 */
export const LIMITS = {
  lat: { min: heartbeat.lat.minimum, max: heartbeat.lat.maximum, unit: '°' },
  lon: { min: heartbeat.lon.minimum, max: heartbeat.lon.maximum, unit: '°' },
  altitude: { min: heartbeat.altitude.minimum, max: heartbeat.altitude.maximum, unit: ' m' },
  speed: { min: heartbeat.speed.minimum, max: heartbeat.speed.maximum, unit: ' m/s' },
  accuracy: { min: heartbeat.accuracy.minimum, unit: ' m' },
  battery: { min: heartbeat.battery.minimum, max: heartbeat.battery.maximum, unit: ' %' },
  verticalRate: { min: heartbeat.verticalRate.minimum, max: heartbeat.verticalRate.maximum, unit: ' m/s' },
} as const satisfies Record<string, Limit>;

export const CALLSIGN_MAX_LENGTH = heartbeat.callsign.maxLength;
export const SQUAWK_PATTERN = new RegExp(heartbeat.squawk.pattern);
export const ADSB_CATEGORY = new RegExp(heartbeat.category.pattern);
export const ASSET_ID_PATTERN = new RegExp(registerAssetSchema.properties.id.pattern);
export const ICAO24_PATTERN = new RegExp(registerAssetSchema.properties.icao24.pattern);
