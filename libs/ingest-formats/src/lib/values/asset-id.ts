import { ASSET_ID_PATTERN } from './limits';
import type { Problems } from './problems';

/** A device's identifier is its asset id; checked here so a typo is named now, not as "unknown asset". */
export function deviceAssetId(value: string | undefined, field: string, problems: Problems): string | undefined {
  if (value === undefined) {
    problems.push({ field, reason: 'is required: the device identifier' });
    return undefined;
  }
  if (ASSET_ID_PATTERN.test(value)) return value;
  problems.push({ field, reason: `must match ${ASSET_ID_PATTERN.source}` });
  return undefined;
}
