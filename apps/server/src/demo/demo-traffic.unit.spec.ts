import { AIRPORTS, distanceMetres, TOWNS, type Airport, type Fix } from '@beacon/simulation';
import { DEMO_AIR_OPERATOR, DEMO_FLEET } from './demo-fleet';
import { DemoTraffic, type DemoReport } from './demo-traffic';

describe('DemoTraffic', () => {
  const drive = (seconds: number, step = 3) => {
    const traffic = new DemoTraffic(DEMO_FLEET, DEMO_AIR_OPERATOR);
    const start = Date.parse('2026-05-01T08:00:00Z');
    return Array.from({ length: seconds / step }, (_, tick) => traffic.reportsAt(new Date(start + tick * step * 1000)));
  };
  const aircraftReports = (reports: DemoReport[]) => reports.flatMap((report) => (report.kind === 'aircraft' ? [report] : []));

  it('reports every vehicle that is not silent and every aircraft, each time', () => {
    const moving = DEMO_FLEET.flatMap((customer) => customer.vehicles.filter((vehicle) => !vehicle.silent).map((vehicle) => vehicle.vin));
    expect(moving).toHaveLength(5);
    const flying = DEMO_AIR_OPERATOR.aircraft.map((aircraft) => aircraft.icao24);
    expect(flying).toHaveLength(3);
    for (const reports of drive(600)) expect(reports.map((report) => report.assetId)).toEqual([...moving, ...flying]);
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

  it('flies each aircraft along a great circle from one of the model’s airports to another, under its callsign', () => {
    const reports = aircraftReports(drive(3600).flat());
    // A point on the great circle between two airports is as far from both, added up, as they are apart.
    const offLeg = (from: Airport, to: Airport, fix: Fix) => distanceMetres(from, fix) + distanceMetres(fix, to) - distanceMetres(from, to);
    for (const { icao24, callsign } of DEMO_AIR_OPERATOR.aircraft) {
      const own = reports.filter((report) => report.assetId === icao24);
      expect(own).toHaveLength(1200);
      const first = own[0]?.fix;
      if (!first) throw new Error(`no fix of ${icao24}`);
      const legs = AIRPORTS.flatMap((from) => AIRPORTS.filter((to) => to !== from).map((to) => ({ from, to })));
      const [leg] = legs.sort((a, b) => offLeg(a.from, a.to, first) - offLeg(b.from, b.to, first));
      if (!leg) throw new Error('no legs');
      let left = Infinity;
      for (const { fix, squawk, callsign: sent } of own) {
        expect(offLeg(leg.from, leg.to, fix)).toBeLessThan(100);
        expect(distanceMetres(fix, leg.to)).toBeLessThan(left);
        left = distanceMetres(fix, leg.to);
        expect(sent).toBe(callsign);
        expect(squawk).toMatch(/^[0-7]{4}$/);
      }
    }
  });

  // What a new user sees, and what the e2e tests rely on: aircraft in the air from the start, far from
  // the vehicles of Södertälje and Stockholm (the area the map tests search).
  it('keeps every aircraft in the air, above 1 km and away from Södertälje and Stockholm, for the first 90 minutes', () => {
    for (const { fix } of aircraftReports(drive(90 * 60, 10).flat())) {
      expect(fix.onGround).toBe(false);
      expect(fix.altitude).toBeGreaterThan(1_000);
      expect(fix.speed).toBeGreaterThan(100);
      const overTheVehicles = fix.lat > 58.7 && fix.lat < 59.7 && fix.lon > 16.3 && fix.lon < 19.2;
      expect(overTheVehicles).toBe(false);
    }
  });

  it('drives and flies the same trips on every start', () => {
    expect(drive(300)).toEqual(drive(300));
  });
});
