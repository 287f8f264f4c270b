import { decideAsset, evolveAsset, initialAssetState, type AssetState, type RegisterAsset } from './asset.decider';
import { DomainError } from './domain-error';
import type { AssetEvent } from './events';

const now = new Date('2026-11-25T12:00:00.000Z');

function given(events: AssetEvent[]) {
  const state = events.reduce<AssetState>(evolveAsset, initialAssetState);
  return { when: (command: RegisterAsset) => () => decideAsset(command, state) };
}

const register = (overrides: Partial<RegisterAsset['data']> = {}): RegisterAsset => ({
  type: 'RegisterAsset',
  data: {
    assetId: 'YS2R4X20005399401',
    kind: 'vehicle',
    customerId: 'kalles',
    customerExists: true,
    registration: 'ABC123',
    label: null,
    callsign: null,
    icao24: null,
    timeoutSeconds: null,
    now,
    ...overrides,
  },
});

describe('asset decider', () => {
  it('registers a new asset with the default vehicle timeout of 60 s', () => {
    const events = given([]).when(register())();
    expect(events).toEqual([
      {
        type: 'AssetRegistered',
        data: expect.objectContaining({ assetId: 'YS2R4X20005399401', timeoutSeconds: 60, registeredAt: now.toISOString() }),
      },
    ]);
  });

  it('keeps an explicit timeout', () => {
    const [event] = given([]).when(register({ timeoutSeconds: 5 }))();
    expect(event?.data.timeoutSeconds).toBe(5);
  });

  it('refuses to register the same asset twice', () => {
    const registered = given([]).when(register())();
    expect(given(registered).when(register())).toThrow(DomainError);
  });

  it('refuses an asset of a customer that does not exist', () => {
    expect(given([]).when(register({ customerExists: false }))).toThrow(
      expect.objectContaining({ code: 'unknown_customer', field: 'customerId' }),
    );
  });
});
