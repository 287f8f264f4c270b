import { assetSort, searchTerms } from './asset-query';

describe('asset query', () => {
  it('splits a query into terms of lower-case words the way the indexed text is split', () => {
    expect(searchTerms('  ABC-123  Kühl.Truck - ')).toEqual([
      ['abc', '123'],
      ['kühl', 'truck'],
    ]);
    expect(searchTerms(undefined)).toEqual([]);
  });

  it('orders by the field with missing values last, then by id', () => {
    expect(assetSort({ field: 'lastSeenAt', direction: 'desc' })).toEqual([
      { lastSeenAt: { order: 'desc', missing: -8_640_000_000_000_000 } },
      { id: { order: 'asc' } },
    ]);
    expect(assetSort({ field: 'id', direction: 'desc' })).toEqual([{ id: { order: 'desc', missing: '_last' } }]);
  });
});
