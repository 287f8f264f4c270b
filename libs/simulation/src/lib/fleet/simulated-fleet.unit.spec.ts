import { SimulatedFleet, type FleetOptions } from './simulated-fleet';

const START = new Date('2026-05-01T08:00:00.000Z');

/** Every heartbeat of `ticks` ticks of `seconds`, dated as a live run would date them. */
function run(options: FleetOptions, ticks: number, seconds = 5) {
  const fleet = new SimulatedFleet(options);
  return Array.from({ length: ticks }, (_, tick) =>
    fleet.tick(new Date(START.getTime() + tick * seconds * 1000), tick === 0 ? 0 : seconds),
  );
}

describe('SimulatedFleet', () => {
  const options: FleetOptions = { vehicles: 30, aircraft: 10, seed: 42, silentShare: 0.2 };

  it('gives the same heartbeats, identities included, for the same seed', () => {
    expect(run(options, 120)).toEqual(run(options, 120));
    expect(new SimulatedFleet(options).devices).toEqual(new SimulatedFleet(options).devices);
  });

  it('gives other traffic for another seed', () => {
    expect(run({ ...options, seed: 43 }, 5)).not.toEqual(run(options, 5));
  });

  it('has as many vehicles and aircraft as asked for, with distinct ids, vehicles spread over the towns', () => {
    const devices = new SimulatedFleet({ ...options, vehicles: 300, aircraft: 100 }).devices;
    expect(devices.filter((device) => device.kind === 'vehicle')).toHaveLength(300);
    expect(devices.filter((device) => device.kind === 'aircraft')).toHaveLength(100);
    expect(new Set(devices.map((device) => device.id)).size).toBe(400);
    const towns = devices.flatMap((device) => (device.kind === 'vehicle' ? [device.town] : []));
    expect(new Set(towns)).toEqual(new Set(['sodertalje', 'stockholm', 'uppsala']));
  });

  it('reports every device each tick when none goes silent', () => {
    for (const heartbeats of run({ ...options, silentShare: 0 }, 60)) expect(heartbeats).toHaveLength(40);
  });

  it('lets the silent share drop out for a while and come back', () => {
    const ticks = run({ ...options, silentShare: 1 }, 12 * 60, 5);
    const heard = (assetId: string) => ticks.map((heartbeats) => heartbeats.some((heartbeat) => heartbeat.assetId === assetId));
    const id = new SimulatedFleet(options).devices[0]?.id ?? '';
    const pattern = heard(id);
    expect(pattern).toContain(false);
    expect(pattern.lastIndexOf(true)).toBeGreaterThan(pattern.indexOf(false));
    // About 5% of a large fleet is in the silent share; each of them drops out within ten minutes.
    const fleet = new SimulatedFleet({ vehicles: 1000, aircraft: 0, seed: 1, silentShare: 0.05 });
    const timesHeard = new Map<string, number>();
    for (let tick = 0; tick < 60; tick++) {
      for (const heartbeat of fleet.tick(START, 10)) timesHeard.set(heartbeat.assetId, (timesHeard.get(heartbeat.assetId) ?? 0) + 1);
    }
    const missedSome = 1000 - [...timesHeard.values()].filter((count) => count === 60).length;
    expect(missedSome).toBeGreaterThan(1000 * 0.02);
    expect(missedSome).toBeLessThan(1000 * 0.08);
  });

  it('dates heartbeats with the tick and gives aircraft their callsign and squawk', () => {
    const [first] = run(options, 1);
    for (const heartbeat of first ?? []) {
      expect(heartbeat.timestamp).toBe(START.toISOString());
      if (heartbeat.kind === 'aircraft')
        expect(heartbeat).toMatchObject({ callsign: expect.any(String), squawk: expect.stringMatching(/^[0-7]{4}$/) });
      else expect(heartbeat.altitude).toBeUndefined();
    }
  });
});
