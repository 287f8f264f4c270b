import { TOWNS, type SimulatedDevice, type TownId } from '@beacon/simulation';
import type { BeaconClient } from './beacon-client';
import type { Limiter } from '../run/limiter';

/** The customer whose feeds register the simulated aircraft (docs/API.md "Heartbeats", ADS-B feeds). */
export const FEED_CUSTOMER = { id: 'sim-airways', name: 'Simulated Airways AB' };

export const vehicleCustomerId = (town: TownId): string => `sim-${town}`;

/**
 * Registers the customers and vehicles a run needs through the API, as an operator would; what exists
 * already (a `409`) is left as it is, so runs with the same seed reuse one fleet. Aircraft need no
 * registering: the feeds register an unknown aircraft under the feed's customer themselves.
 */
export async function registerFleet(
  client: BeaconClient,
  devices: readonly SimulatedDevice[],
  options: { timeoutSeconds: number; limiter: Limiter; onRegistered: () => void },
): Promise<void> {
  const customers = [
    FEED_CUSTOMER,
    ...Object.values(TOWNS).map((town) => ({ id: vehicleCustomerId(town.id), name: `${town.name} Åkeri (simulated)` })),
  ];
  for (const customer of customers) await expectCreated(client, 'POST', '/api/v1/customers', customer);
  const vehicles = devices.flatMap((device) => (device.kind === 'vehicle' ? [device] : []));
  const register = async (vehicle: (typeof vehicles)[number]): Promise<void> => {
    const asset = {
      id: vehicle.id,
      kind: 'vehicle',
      customerId: vehicleCustomerId(vehicle.town),
      registration: vehicle.registration,
      timeoutSeconds: options.timeoutSeconds,
    };
    await expectCreated(client, 'POST', '/api/v1/assets', asset);
    options.onRegistered();
  };
  await Promise.all(vehicles.map((vehicle) => options.limiter.run(() => register(vehicle))));
}

/** Beacon refused to register the fleet: the key, the address or the server is wrong, and the message says which. */
export class RegistrationRefused extends Error {}

async function expectCreated(client: BeaconClient, method: 'POST', path: string, body: object): Promise<void> {
  const answer = await client.send({ method, path, body: JSON.stringify(body) });
  if (answer.status === 201 || answer.status === 409) return;
  if (answer.failure) throw new RegistrationRefused(`${method} ${path} got no answer: ${answer.failure}`);
  throw new RegistrationRefused(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
}
