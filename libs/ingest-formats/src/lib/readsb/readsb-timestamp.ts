import { dateFromAge } from '../time/unix-time';
import { optionalNumber } from '../values/json-values';
import type { Problems } from '../values/problems';

/**
 * When the aircraft was where the heartbeat says. readsb gives ages relative to the document's `now`:
 * `seen_pos` is the age of the position, `seen` of the last message of any kind. A heartbeat with a
 * position is dated by its position; one without by the last message; with neither age, by `now`.
 */
export function readsbTimestamp(
  entry: Record<string, unknown>,
  nowSeconds: number,
  hasPosition: boolean,
  problems: Problems,
): Date | undefined {
  const seenPos = age(entry['seen_pos'], 'seen_pos', problems);
  const seen = age(entry['seen'], 'seen', problems);
  const chosen = (hasPosition ? seenPos : undefined) ?? seen ?? 0;
  const timestamp = dateFromAge(nowSeconds, chosen);
  if (timestamp === undefined) problems.push({ field: 'seen', reason: 'puts the message before 1970' });
  return timestamp;
}

function age(value: unknown, field: string, problems: Problems): number | undefined {
  const seconds = optionalNumber(value, field, problems);
  if (seconds === undefined || seconds >= 0) return seconds;
  problems.push({ field, reason: 'must be >= 0 seconds' });
  return undefined;
}
