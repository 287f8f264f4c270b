import { assetStream, customerStream, type AssetRegistered, type CustomerRegistered } from '@beacon/domain';
import type { EventStore, StreamAppend } from '@beacon/event-store';

/**
 * A large operator's fleet: enough assets that a batch of the log touches thousands of distinct
 * documents (the Elasticsearch projection reads and rewrites each one it touches), spread over
 * customers so every asset carries a customer name. One asset in five is an aircraft.
 */
export const FLEET_ASSETS = 10_000;
export const FLEET_CUSTOMERS = 100;
const AIRCRAFT_EVERY = 5;

export interface FleetAsset {
  id: string;
  aircraft: boolean;
  customerId: string;
  /** Devices whose firmware numbers its messages; the others are deduplicated by timestamp. */
  sendsMessageIds: boolean;
}

export interface Fleet {
  customers: { id: string; name: string }[];
  assets: FleetAsset[];
}

export function buildFleet(): Fleet {
  const customers = Array.from({ length: FLEET_CUSTOMERS }, (_, c) => ({
    id: `customer-${String(c).padStart(3, '0')}`,
    name: `Bench Logistics ${c}`,
  }));
  const assets = Array.from({ length: FLEET_ASSETS }, (_, n): FleetAsset => {
    const aircraft = n % AIRCRAFT_EVERY === 0;
    return {
      // VIN-length ids for vehicles, 24-bit ICAO addresses for aircraft: index keys the size of real ones.
      id: aircraft ? n.toString(16).toUpperCase().padStart(6, '4') : `YS2R4X2000${String(n).padStart(7, '0')}`,
      aircraft,
      customerId: customers[n % FLEET_CUSTOMERS]?.id ?? '',
      sendsMessageIds: n % 2 === 0,
    };
  });
  return { customers, assets };
}

/** How many events `registerFleet` appends: one per customer and one per asset. */
export function registrationEvents(fleet: Fleet): number {
  return fleet.customers.length + fleet.assets.length;
}

/**
 * Registers the fleet through the event store's own append (versions checked, ordering lock,
 * NOTIFY), one transaction per customer with its assets, as the domain would store them.
 */
export async function registerFleet(store: EventStore, fleet: Fleet): Promise<void> {
  const registeredAt = new Date().toISOString();
  for (const customer of fleet.customers) {
    const registered: CustomerRegistered = {
      type: 'CustomerRegistered',
      data: { customerId: customer.id, name: customer.name, address: null, registeredAt },
    };
    const appends: StreamAppend[] = [{ streamId: customerStream(customer.id), events: [registered], expectedVersion: 'no_stream' }];
    for (const asset of fleet.assets) {
      if (asset.customerId !== customer.id) continue;
      appends.push({ streamId: assetStream(asset.id), events: [assetRegistered(asset, registeredAt)], expectedVersion: 'no_stream' });
    }
    await store.appendToStreams(appends);
  }
}

function assetRegistered(asset: FleetAsset, registeredAt: string): AssetRegistered {
  const n = asset.id.slice(-4);
  return {
    type: 'AssetRegistered',
    data: {
      assetId: asset.id,
      kind: asset.aircraft ? 'aircraft' : 'vehicle',
      customerId: asset.customerId,
      registration: asset.aircraft ? `SE-${n}` : `ABC ${n}`,
      label: asset.aircraft ? null : `Truck ${n}`,
      callsign: asset.aircraft ? `SAS${n}` : null,
      icao24: asset.aircraft ? asset.id.toLowerCase() : null,
      timeoutSeconds: asset.aircraft ? 300 : 60,
      registeredAt,
    },
  };
}
