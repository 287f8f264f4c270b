import { assetStream, customerStream, type AssetRegistered, type CustomerRegistered } from '@beacon/domain';
import type { EventStore, StreamAppend } from '@beacon/event-store';
import { randomUUID } from 'node:crypto';
import type { FleetPlan, PlannedAsset } from './fleet-plan';

/** Registered a month before the queries: long before any heartbeat of the history. */
const REGISTERED_BEFORE_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Registers the fleet as the product does, through the event store's own append (versions
 * checked, ordering lock, NOTIFY): one transaction per customer with its assets, the events of
 * each transaction sharing a correlation id as one admin request's would.
 */
export async function registerFleet(store: EventStore, plan: FleetPlan): Promise<number> {
  const registeredAt = new Date(plan.atMs - REGISTERED_BEFORE_MS).toISOString();
  const byCustomer = new Map<string, PlannedAsset[]>(plan.customers.map((c) => [c.id, []]));
  for (const asset of plan.assets) byCustomer.get(asset.customerId)?.push(asset);
  let events = 0;
  for (const customer of plan.customers) {
    const metadata = { correlationId: randomUUID() };
    const registered: CustomerRegistered = {
      type: 'CustomerRegistered',
      data: { customerId: customer.id, name: customer.name, address: null, registeredAt },
    };
    const appends: StreamAppend[] = [
      { streamId: customerStream(customer.id), events: [{ ...registered, metadata }], expectedVersion: 'no_stream' },
    ];
    for (const asset of byCustomer.get(customer.id) ?? []) {
      appends.push({
        streamId: assetStream(asset.id),
        events: [{ ...assetRegistered(asset, registeredAt), metadata }],
        expectedVersion: 'no_stream',
      });
    }
    await store.appendToStreams(appends);
    events += appends.length;
  }
  return events;
}

function assetRegistered(asset: PlannedAsset, registeredAt: string): AssetRegistered {
  return {
    type: 'AssetRegistered',
    data: {
      assetId: asset.id,
      kind: asset.kind,
      customerId: asset.customerId,
      registration: asset.registration,
      label: asset.label,
      callsign: asset.callsign,
      icao24: asset.icao24,
      timeoutSeconds: asset.timeoutSeconds,
      registeredAt,
    },
  };
}
