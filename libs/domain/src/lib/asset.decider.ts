import type { AssetKind } from './asset-kind';
import { DEFAULT_TIMEOUT_SECONDS } from './asset-kind';
import { assertNever } from './assert-never';
import { DomainError } from './domain-error';
import type { AssetEvent } from './events';

export interface RegisterAsset {
  type: 'RegisterAsset';
  data: {
    assetId: string;
    kind: AssetKind;
    customerId: string;
    /** Whether the customer named by `customerId` exists: read by the handler, decided here. */
    customerExists: boolean;
    registration: string | null;
    label: string | null;
    callsign: string | null;
    icao24: string | null;
    timeoutSeconds: number | null;
    now: Date;
  };
}

export type AssetCommand = RegisterAsset;

export type AssetState =
  | { status: 'none' }
  | { status: 'active'; assetId: string; customerId: string; kind: AssetKind; timeoutSeconds: number };

export const initialAssetState: AssetState = { status: 'none' };

export function decideAsset(command: AssetCommand, state: AssetState): AssetEvent[] {
  switch (command.type) {
    case 'RegisterAsset': {
      const { assetId, kind, customerId, customerExists, now, ...rest } = command.data;
      if (state.status !== 'none') {
        throw new DomainError('asset_already_exists', `asset ${assetId} already exists`);
      }
      if (!customerExists) {
        throw new DomainError('unknown_customer', `customer ${customerId} does not exist`, 'customerId');
      }
      const timeoutSeconds = rest.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS[kind];
      const { registration, label, callsign, icao24 } = rest;
      return [
        {
          type: 'AssetRegistered',
          data: { assetId, kind, customerId, registration, label, callsign, icao24, timeoutSeconds, registeredAt: now.toISOString() },
        },
      ];
    }
    default:
      return assertNever(command.type);
  }
}

export function evolveAsset(state: AssetState, event: AssetEvent): AssetState {
  switch (event.type) {
    case 'AssetRegistered': {
      const { assetId, customerId, kind, timeoutSeconds } = event.data;
      return { status: 'active', assetId, customerId, kind, timeoutSeconds };
    }
    default:
      return assertNever(event.type);
  }
}
