import { DomainError } from './domain-error';
import type { HeartbeatRecorded } from './events';

/** Devices' clocks drift, but a report from further in the future than this is a bug. */
export const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;

/** How old a heartbeat may be when it arrives, unless the deployment says otherwise (30 days). */
export const DEFAULT_MAX_AGE_DAYS = 30;
const DAY_MS = 86_400_000;

/** A heartbeat as received, in SI units; the last five fields are for aircraft (ADS-B feeds). */
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
  category?: string;
}

/** What `toISOString` produces. */
const CANONICAL_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * The timestamp as stored: as sent when it is already canonical (most devices send that, and
 * formatting costs more than checking), else formatted. The day is compared because the parser
 * rolls an impossible date over (February 30th is March 2nd): the string stored is the instant.
 */
function canonicalTimestamp(sent: string | undefined, at: number): string {
  const date = new Date(at);
  const canonical = sent !== undefined && CANONICAL_UTC.test(sent) && date.getUTCDate() === Number(sent.slice(8, 10));
  return canonical ? sent : date.toISOString();
}

/**
 * Turns a validated heartbeat of a known asset into the event to store. The timestamp defaults to
 * the time received and is normalised to ISO-8601 UTC with milliseconds, so equal instants compare
 * equal as strings (the duplicate key relies on it). It must lie in the accepted window: at most
 * `maxAgeDays` before the time received (older ones belong to no partition the deployment keeps)
 * and at most 5 minutes after it.
 */
export function recordHeartbeat(
  assetId: string,
  input: HeartbeatInput,
  receivedAt: Date,
  maxAgeDays: number = DEFAULT_MAX_AGE_DAYS,
): HeartbeatRecorded {
  const sent = input.timestamp;
  const at = sent === undefined ? receivedAt.getTime() : Date.parse(sent);
  if (Number.isNaN(at)) throw new DomainError('invalid_timestamp', 'is not a date and time', 'timestamp');
  if (at - receivedAt.getTime() > MAX_FUTURE_SKEW_MS) {
    throw new DomainError('timestamp_in_future', 'must not be more than 5 minutes in the future', 'timestamp');
  }
  if (receivedAt.getTime() - at > maxAgeDays * DAY_MS) {
    throw new DomainError('timestamp_too_old', `must not be more than ${maxAgeDays} days old`, 'timestamp');
  }
  const data: HeartbeatRecorded['data'] = {
    assetId,
    timestamp: canonicalTimestamp(sent, at),
    lat: input.lat ?? null,
    lon: input.lon ?? null,
    altitude: input.altitude ?? null,
    speed: input.speed ?? null,
    heading: input.heading ?? null,
    accuracy: input.accuracy ?? null,
    battery: input.battery ?? null,
    messageId: input.messageId ?? null,
  };
  // Aircraft fields are stored only when sent, so vehicle heartbeats stay small.
  if (input.verticalRate !== undefined) data.verticalRate = input.verticalRate;
  if (input.onGround !== undefined) data.onGround = input.onGround;
  if (input.squawk !== undefined) data.squawk = input.squawk;
  if (input.callsign !== undefined) data.callsign = input.callsign;
  if (input.category !== undefined) data.category = input.category;
  return { type: 'HeartbeatRecorded', data };
}
