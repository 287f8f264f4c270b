import { newAssetView } from '@beacon/domain';
import { assetDtoOf, type StoredAssetView } from './asset-dto';

const NOW = new Date('2026-03-10T12:00:00.000Z');

describe('assetDtoOf', () => {
  const { offlineAt: _offlineAt, ...registered } = newAssetView(
    {
      assetId: '4ca7b3',
      kind: 'aircraft',
      customerId: 'skyline',
      registration: 'EI-FMV',
      label: null,
      callsign: 'RYR4KC',
      icao24: '4ca7b3',
      timeoutSeconds: 60,
      registeredAt: '2026-03-10T09:00:00.000Z',
    },
    1,
  );
  const seen: StoredAssetView = { ...registered, lastSeenAt: '2026-03-10T11:59:30.000Z' };

  it('answers the stored view with the customer’s name and the status at now', () => {
    expect(assetDtoOf(seen, 'Skyline Aviation', NOW)).toEqual({ ...seen, customerName: 'Skyline Aviation', status: 'online' });
  });

  it('answers null for a movement field the view was stored without (written before the field existed)', () => {
    const { position: _position, ...storedWithout } = seen;
    expect(assetDtoOf(storedWithout as StoredAssetView, 'Skyline Aviation', NOW).position).toBeNull();
  });

  it('keeps the registered callsign of a view stored before heartbeats reported one, with null for what it lacks', () => {
    const { callsignAt: _callsignAt, accuracy: _accuracy, category: _category, ...storedWithout } = seen;
    expect(assetDtoOf(storedWithout as StoredAssetView, 'Skyline Aviation', NOW)).toMatchObject({
      callsign: 'RYR4KC',
      callsignAt: null,
      accuracy: null,
      category: null,
    });
  });
});
