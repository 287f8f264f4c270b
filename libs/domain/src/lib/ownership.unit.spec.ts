import { ownershipPeriods, windowsOwnedBy } from './ownership';

const registered = {
  type: 'AssetRegistered' as const,
  data: {
    assetId: 'a',
    kind: 'vehicle' as const,
    customerId: 'first',
    registration: null,
    label: null,
    callsign: null,
    icao24: null,
    timeoutSeconds: 300,
    registeredAt: '2026-01-01T00:00:00Z',
  },
};
const reassigned = (to: string, from: string, at: string) => ({
  type: 'AssetReassigned' as const,
  data: { assetId: 'a', fromCustomerId: from, toCustomerId: to, at },
});

describe('ownership periods', () => {
  const periods = ownershipPeriods([
    registered,
    reassigned('second', 'first', '2026-01-10T00:00:00Z'),
    reassigned('first', 'second', '2026-01-20T00:00:00Z'),
  ]);

  it('start at registration and change hands at each reassignment', () => {
    expect(periods.map((p) => [p.customerId, p.from?.toISOString() ?? null, p.until?.toISOString() ?? null])).toEqual([
      ['first', null, '2026-01-10T00:00:00.000Z'],
      ['second', '2026-01-10T00:00:00.000Z', '2026-01-20T00:00:00.000Z'],
      ['first', '2026-01-20T00:00:00.000Z', null],
    ]);
  });

  it("clip a requested window to one customer's periods", () => {
    const from = new Date('2026-01-05T00:00:00Z');
    const to = new Date('2026-01-25T00:00:00Z');
    expect(windowsOwnedBy(periods, 'second', from, to)).toEqual([
      { from: new Date('2026-01-10T00:00:00Z'), to: new Date('2026-01-19T23:59:59.999Z') },
    ]);
    expect(windowsOwnedBy(periods, 'first', from, to)).toEqual([
      { from, to: new Date('2026-01-09T23:59:59.999Z') },
      { from: new Date('2026-01-20T00:00:00Z'), to },
    ]);
    expect(windowsOwnedBy(periods, 'nobody', from, to)).toEqual([]);
    expect(windowsOwnedBy(periods, 'second', new Date('2026-01-21T00:00:00Z'), to)).toEqual([]);
  });
});
