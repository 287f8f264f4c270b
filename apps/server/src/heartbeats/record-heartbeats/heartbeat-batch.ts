import { MAX_HEARTBEATS_PER_REQUEST, batchHeartbeatSchema, findUnsafeValue, type BatchHeartbeatRequest } from '@beacon/contracts';
import { ApiError } from '../../http/api-error';
import { compileSchema } from '../../http/schema-validator';
import type { HeartbeatItem, RejectedHeartbeat } from './record-heartbeats.command';

const parseItem = compileSchema<BatchHeartbeatRequest>(batchHeartbeatSchema);

export interface ParsedBatch {
  items: (HeartbeatItem & { index: number })[];
  rejected: RejectedHeartbeat[];
}

/**
 * A request body of `POST /api/v1/heartbeats` — one object, a JSON array, or NDJSON text — as
 * items to store and items refused, each by its index (the line, for NDJSON). Only a body that is
 * none of these, or holds more than 10,000 heartbeats, fails as a whole.
 */
export function parseHeartbeatBatch(body: unknown): ParsedBatch {
  if (body === undefined) throw new ApiError('invalid_request', 'the request has no body', [{ field: '(body)', reason: 'is required' }]);
  const raw = typeof body === 'string' ? ndjsonItems(body) : Array.isArray(body) ? body.map(asParsed) : [asParsed(body)];
  if (raw.length === 0) throw new ApiError('invalid_request', 'the request holds no heartbeat');
  if (raw.length > MAX_HEARTBEATS_PER_REQUEST) {
    throw new ApiError('payload_too_large', `at most ${MAX_HEARTBEATS_PER_REQUEST} heartbeats per request, got ${raw.length}`);
  }
  const parsed: ParsedBatch = { items: [], rejected: [] };
  raw.forEach((item, index) => {
    if ('invalidJson' in item) {
      parsed.rejected.push({ index, error: 'invalid_request', details: [{ field: '(line)', reason: 'is not valid JSON' }] });
      return;
    }
    const unsafe = findUnsafeValue(item.value, '');
    if (unsafe) {
      parsed.rejected.push({ index, error: 'invalid_request', details: [unsafe] });
      return;
    }
    try {
      const { assetId, ...heartbeat } = parseItem(item.value);
      parsed.items.push({ index, assetId, heartbeat });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      parsed.rejected.push({ index, error: error.code, details: error.details ?? [] });
    }
  });
  return parsed;
}

type RawItem = { value: unknown } | { invalidJson: true };

const asParsed = (value: unknown): RawItem => ({ value });

/** One JSON document per non-empty line; a broken line is one rejected item, not a failed request. */
function ndjsonItems(text: string): RawItem[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => {
      try {
        return { value: JSON.parse(line) as unknown };
      } catch {
        return { invalidJson: true };
      }
    });
}
