import { distanceMetres, TOWNS } from '@beacon/simulation';
import { DEMO_FLEET } from './demo-fleet';
import { DemoTraffic } from './demo-traffic';

describe('DemoTraffic', () => {
  const drive = (seconds: number, step = 3) => {
    const traffic = new DemoTraffic(DEMO_FLEET);
    const start = Date.parse('2026-05-01T08:00:00Z');
    return Array.from({ length: seconds / step }, (_, tick) => traffic.reportsAt(new Date(start + tick * step * 1000)));
  };

  it('reports every vehicle that is not silent, each time', () => {
    const moving = DEMO_FLEET.flatMap((customer) => customer.vehicles.filter((vehicle) => !vehicle.silent).map((vehicle) => vehicle.vin));
    expect(moving).toHaveLength(5);
    for (const reports of drive(600)) expect(reports.map((report) => report.assetId)).toEqual(moving);
  });

  it('drives each vehicle on its customer’s town’s roads, and moves it', () => {
    const reports = drive(1800).flat();
    for (const customer of DEMO_FLEET) {
      const places = Object.values(TOWNS[customer.town].places);
      for (const vehicle of customer.vehicles.filter((candidate) => !candidate.silent)) {
        const own = reports.filter((report) => report.assetId === vehicle.vin);
        for (const { fix } of own) expect(Math.min(...places.map((place) => distanceMetres(place, fix)))).toBeLessThan(4_000);
        expect(new Set(own.map(({ fix }) => `${fix.lat},${fix.lon}`)).size).toBeGreaterThan(10);
      }
    }
  });

  it('drives the same trips on every start', () => {
    expect(drive(300)).toEqual(drive(300));
  });
});
