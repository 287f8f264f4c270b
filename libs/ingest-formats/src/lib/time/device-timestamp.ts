import { DECIMAL_NUMBER } from '../values/text-values';
import { parseIsoDateTime } from './iso-date-time';
import { dateFromUnixTime } from './unix-time';

/**
 * A device's own timestamp as text: Unix seconds (OsmAnd, Traccar Client), Unix milliseconds (some
 * OsmAnd builds and trackers) or ISO-8601. Undefined when it is none of them.
 */
export function parseDeviceTimestamp(text: string): Date | undefined {
  const trimmed = text.trim();
  return DECIMAL_NUMBER.test(trimmed) ? dateFromUnixTime(Number(trimmed)) : parseIsoDateTime(trimmed);
}

export const DEVICE_TIMESTAMP_REASON = 'must be Unix seconds, Unix milliseconds or an ISO-8601 date-time';
