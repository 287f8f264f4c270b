import { InvalidCursorError } from '../invalid-cursor-error';
import type { AssetSort } from '../read-model.port';
import { decodeCursor, encodeCursor } from './search-cursor';

const byRegistration: AssetSort = { field: 'registration', direction: 'asc' };
const byLastSeen: AssetSort = { field: 'lastSeenAt', direction: 'desc' };
const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('search cursors', () => {
  it('give back the position they were made from, with or without a key', () => {
    for (const position of [
      { key: 'abc-123', id: 'VIN-1' },
      { key: null, id: 'VIN-2' },
    ]) {
      const cursor = encodeCursor(byRegistration, position);
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(cursor, byRegistration)).toEqual(position);
    }
    const seen = { key: '2026-03-10T11:59:30.123456Z', id: 'VIN-3' };
    expect(decodeCursor(encodeCursor(byLastSeen, seen), byLastSeen)).toEqual(seen);
  });

  it('are refused for another sort or direction', () => {
    const cursor = encodeCursor(byRegistration, { key: 'abc', id: 'VIN-1' });
    expect(() => decodeCursor(cursor, byLastSeen)).toThrow(InvalidCursorError);
    expect(() => decodeCursor(cursor, { field: 'registration', direction: 'desc' })).toThrow(InvalidCursorError);
  });

  it('are refused when tampered with into values PostgreSQL could not read', () => {
    const tampered = [
      encode({ sort: 'lastSeenAt:desc', key: '2026-02-30T00:00:00.000000Z', id: 'VIN-1' }),
      encode({ sort: 'lastSeenAt:desc', key: 'yesterday', id: 'VIN-1' }),
      encode({ sort: 'lastSeenAt:desc', key: null, id: 'VIN\u00001' }),
      encode({ sort: 'lastSeenAt:desc', key: null, id: 7 }),
      encode({ sort: 'lastSeenAt:desc', id: 'VIN-1' }),
      encode(['lastSeenAt:desc', null, 'VIN-1']),
      encode(null),
      'e30=',
      '',
    ];
    for (const cursor of tampered) expect(() => decodeCursor(cursor, byLastSeen)).toThrow(InvalidCursorError);
  });
});
