import type { AssetDto, SearchAssetsResponse } from '@beacon/contracts';

/** An asset with plausible defaults; override what the spec is about. */
export function anAsset(overrides: Partial<AssetDto> = {}): AssetDto {
  return {
    id: 'WVWZZZ1JZXW000001',
    kind: 'vehicle',
    customerId: 'acme',
    customerName: 'Acme Logistics',
    registration: 'B-AC 101',
    label: null,
    callsign: null,
    icao24: null,
    status: 'online',
    lastSeenAt: '2026-11-25T11:59:48.000Z',
    position: null,
    timeoutSeconds: 60,
    version: 1,
    ...overrides,
  };
}

export function aSearchResponse(items: AssetDto[]): SearchAssetsResponse {
  const count = (status: AssetDto['status']) => items.filter((a) => a.status === status).length;
  return {
    items,
    total: items.length,
    counts: {
      online: count('online'),
      offline: count('offline'),
      unknown: count('unknown'),
    },
    nextCursor: null,
  };
}
