import { compact } from '../values/compact';
import { deviceAssetId } from '../values/asset-id';
import type { OsmAndResult } from '../ingest-result';
import { DEVICE_TIMESTAMP_REASON, parseDeviceTimestamp } from '../time/device-timestamp';
import { LIMITS } from '../values/limits';
import type { Problems } from '../values/problems';
import { decimalFromText } from '../values/text-values';
import { withinLimit } from '../values/within-limit';
import { osmAndFix } from './osmand-fix';
import { singleValue, type QueryFields } from './query-fields';

/**
 * One location report in the OsmAnd protocol as OsmAnd and Traccar Client (before 9.0) send it, as
 * query-string or form fields. Fields Beacon has no place for (`hdop`, `charge`, `driverUniqueId`,
 * the device `key`, …) are ignored. Without a `timestamp` the report is dated `receivedAt`.
 */
export function parseOsmAnd(fields: QueryFields, receivedAt: Date): OsmAndResult {
  const problems: Problems = [];
  const assetId = osmAndDeviceId(fields, problems);
  const timestampText = singleValue(fields, 'timestamp', problems);
  const timestamp = timestampText === undefined ? receivedAt : parseDeviceTimestamp(timestampText);
  if (timestamp === undefined) problems.push({ field: 'timestamp', reason: DEVICE_TIMESTAMP_REASON });
  const fix = osmAndFix(fields, problems);
  const batteryPercent = decimalFromText(singleValue(fields, 'batt', problems), 'batt', problems);
  const battery = withinLimit(batteryPercent, 'batt', LIMITS.battery, problems);
  if (problems.length > 0 || assetId === undefined || timestamp === undefined) return { ok: false, details: problems };
  const heartbeat = compact({ timestamp: timestamp.toISOString(), ...fix, battery });
  return { ok: true, item: { index: 0, assetId, heartbeat } };
}

/** `id`, or `deviceid` as some clients name it; both with different values leave the asset in doubt. */
function osmAndDeviceId(fields: QueryFields, problems: Problems): string | undefined {
  const id = singleValue(fields, 'id', problems);
  const deviceId = singleValue(fields, 'deviceid', problems);
  if (id !== undefined && deviceId !== undefined && id !== deviceId) {
    problems.push({ field: 'deviceid', reason: 'differs from id' });
    return undefined;
  }
  return deviceAssetId(id ?? deviceId, 'id', problems);
}
