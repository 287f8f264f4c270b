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

/** A partial update (PATCH): only the fields present change, each with an event of its own. */
export interface UpdateAsset {
  type: 'UpdateAsset';
  data: {
    assetId: string;
    customerId?: { id: string; exists: boolean };
    label?: string | null;
    timeoutSeconds?: number;
    now: Date;
  };
}

export interface DecommissionAsset {
  type: 'DecommissionAsset';
  data: { assetId: string; now: Date };
}

export type AssetCommand = RegisterAsset | UpdateAsset | DecommissionAsset;

export type AssetState =
  | { status: 'none' }
  | {
      status: 'active' | 'decommissioned';
      assetId: string;
      customerId: string;
      kind: AssetKind;
      label: string | null;
      timeoutSeconds: number;
    };

export const initialAssetState: AssetState = { status: 'none' };

export function decideAsset(command: AssetCommand, state: AssetState): AssetEvent[] {
  switch (command.type) {
    case 'RegisterAsset':
      return register(command, state);
    case 'UpdateAsset':
      return update(command, requireActive(state, command.data.assetId));
    case 'DecommissionAsset': {
      requireActive(state, command.data.assetId);
      return [{ type: 'AssetDecommissioned', data: { assetId: command.data.assetId, at: command.data.now.toISOString() } }];
    }
    default:
      return assertNever(command);
  }
}

function register(command: RegisterAsset, state: AssetState): AssetEvent[] {
  const { assetId, kind, customerId, customerExists, now, ...rest } = command.data;
  if (state.status !== 'none') throw new DomainError('asset_already_exists', `asset ${assetId} already exists`);
  if (!customerExists) throw new DomainError('unknown_customer', `customer ${customerId} does not exist`, 'customerId');
  const timeoutSeconds = rest.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS[kind];
  const { registration, label, callsign, icao24 } = rest;
  return [
    {
      type: 'AssetRegistered',
      data: { assetId, kind, customerId, registration, label, callsign, icao24, timeoutSeconds, registeredAt: now.toISOString() },
    },
  ];
}

function update(command: UpdateAsset, state: Extract<AssetState, { status: 'active' | 'decommissioned' }>): AssetEvent[] {
  const { assetId, customerId, label, timeoutSeconds, now } = command.data;
  const at = now.toISOString();
  const events: AssetEvent[] = [];
  if (customerId && customerId.id !== state.customerId) {
    if (!customerId.exists) throw new DomainError('unknown_customer', `customer ${customerId.id} does not exist`, 'customerId');
    events.push({ type: 'AssetReassigned', data: { assetId, fromCustomerId: state.customerId, toCustomerId: customerId.id, at } });
  }
  if (label !== undefined && label !== state.label) events.push({ type: 'AssetLabelChanged', data: { assetId, label, at } });
  if (timeoutSeconds !== undefined && timeoutSeconds !== state.timeoutSeconds) {
    events.push({ type: 'AssetTimeoutChanged', data: { assetId, timeoutSeconds, at } });
  }
  return events;
}

function requireActive(state: AssetState, assetId: string): Extract<AssetState, { status: 'active' | 'decommissioned' }> {
  if (state.status === 'none') throw new DomainError('unknown_asset', `asset ${assetId} is not registered`);
  if (state.status === 'decommissioned') throw new DomainError('asset_decommissioned', `asset ${assetId} was decommissioned`);
  return state;
}

export function evolveAsset(state: AssetState, event: AssetEvent): AssetState {
  switch (event.type) {
    case 'AssetRegistered': {
      const { assetId, customerId, kind, label, timeoutSeconds } = event.data;
      return { status: 'active', assetId, customerId, kind, label, timeoutSeconds };
    }
    case 'AssetReassigned':
      return state.status === 'none' ? state : { ...state, customerId: event.data.toCustomerId };
    case 'AssetLabelChanged':
      return state.status === 'none' ? state : { ...state, label: event.data.label };
    case 'AssetTimeoutChanged':
      return state.status === 'none' ? state : { ...state, timeoutSeconds: event.data.timeoutSeconds };
    case 'AssetDecommissioned':
      return state.status === 'none' ? state : { ...state, status: 'decommissioned' };
    default:
      return assertNever(event);
  }
}

/** How an asset's stream folds into its state, for loading it before a decision. */
export const assetFold = { initial: initialAssetState, evolve: evolveAsset };
