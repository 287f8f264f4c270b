import { DomainError } from './domain-error';
import type { HeartbeatRecorded } from './events';

/** Devices' clocks drift, but a report from further in the future than this is a bug. */
export const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;

/** A heartbeat as received, in SI units; the last four fields are for aircraft (ADS-B feeds). */
export interface HeartbeatInput {
  timestamp?: string;
  lat?: number;
  lon?: number;
  altitude?: number;
  speed?: number;
  heading?: number;
  accuracy?: number;
  battery?: number;
  messageId?: string;
  verticalRate?: number;
  onGround?: boolean;
  squawk?: string;
  callsign?: string;
}

/**
 * Turns a validated heartbeat of a known asset into the event to store. The timestamp defaults to
 * the time received and is normalised to ISO-8601 UTC with milliseconds, so equal instants compare
 * equal as strings (the duplicate key relies on it).
 */
export function recordHeartbeat(assetId: string, input: HeartbeatInput, receivedAt: Date): HeartbeatRecorded {
  const at = input.timestamp === undefined ? receivedAt : new Date(input.timestamp);
  if (at.getTime() - receivedAt.getTime() > MAX_FUTURE_SKEW_MS) {
    throw new DomainError('timestamp_in_future', 'must not be more than 5 minutes in the future', 'timestamp');
  }
  return {
    type: 'HeartbeatRecorded',
    data: {
      assetId,
      timestamp: at.toISOString(),
      lat: input.lat ?? null,
      lon: input.lon ?? null,
      altitude: input.altitude ?? null,
      speed: input.speed ?? null,
      heading: input.heading ?? null,
      accuracy: input.accuracy ?? null,
      battery: input.battery ?? null,
      messageId: input.messageId ?? null,
      ...aircraftFields(input),
    },
  };
}

/** Aircraft fields are stored only when sent, so vehicle heartbeats stay small. */
function aircraftFields(input: HeartbeatInput): Partial<HeartbeatRecorded['data']> {
  const fields: Partial<HeartbeatRecorded['data']> = {};
  if (input.verticalRate !== undefined) fields.verticalRate = input.verticalRate;
  if (input.onGround !== undefined) fields.onGround = input.onGround;
  if (input.squawk !== undefined) fields.squawk = input.squawk;
  if (input.callsign !== undefined) fields.callsign = input.callsign;
  return fields;
}
