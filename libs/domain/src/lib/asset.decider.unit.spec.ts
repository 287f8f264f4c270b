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
    expect(event).toMatchObject({ type: 'AssetRegistered', data: { timeoutSeconds: 5 } });
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

describe('asset decider: updates and decommissioning', () => {
  const registered = given([]).when(register())();
  const later = new Date('2026-11-25T13:00:00.000Z');
  const stateOf = (events: AssetEvent[]) => events.reduce<AssetState>(evolveAsset, initialAssetState);

  it('emits one event per changed field and none for unchanged ones', () => {
    const events = decideAsset(
      {
        type: 'UpdateAsset',
        data: { assetId: 'YS2R4X20005399401', customerId: { id: 'johans', exists: true }, label: null, timeoutSeconds: 120, now: later },
      },
      stateOf(registered),
    );
    expect(events.map((e) => e.type)).toEqual(['AssetReassigned', 'AssetTimeoutChanged']);
    expect(stateOf([...registered, ...events])).toMatchObject({ customerId: 'johans', timeoutSeconds: 120 });
  });

  it('refuses to move an asset to a customer that does not exist', () => {
    expect(() =>
      decideAsset(
        { type: 'UpdateAsset', data: { assetId: 'YS2R4X20005399401', customerId: { id: 'nobody', exists: false }, now: later } },
        stateOf(registered),
      ),
    ).toThrow(expect.objectContaining({ code: 'unknown_customer' }));
  });

  it('decommissions an active asset once; after that it can be neither changed nor decommissioned', () => {
    const decommission = { type: 'DecommissionAsset' as const, data: { assetId: 'YS2R4X20005399401', now: later } };
    const gone = [...registered, ...decideAsset(decommission, stateOf(registered))];
    expect(stateOf(gone).status).toBe('decommissioned');
    expect(() => decideAsset(decommission, stateOf(gone))).toThrow(expect.objectContaining({ code: 'asset_decommissioned' }));
    expect(() => decideAsset({ type: 'UpdateAsset', data: { assetId: 'x', label: 'y', now: later } }, stateOf(gone))).toThrow(
      expect.objectContaining({ code: 'asset_decommissioned' }),
    );
  });

  it('refuses to change an asset that was never registered', () => {
    expect(() => decideAsset({ type: 'DecommissionAsset', data: { assetId: 'x', now: later } }, initialAssetState)).toThrow(
      expect.objectContaining({ code: 'unknown_asset' }),
    );
  });
});
