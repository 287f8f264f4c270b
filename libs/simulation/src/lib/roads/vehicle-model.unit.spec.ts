import { distanceMetres } from '../geo';
import { seededRandom } from '../random';
import { TOWNS } from './towns';
import { VEHICLE_KMH, VehicleModel } from './vehicle-model';

describe('VehicleModel', () => {
  const town = TOWNS.sodertalje;
  const places = Object.values(town.places);
  const drive = (seed: number, seconds: number, step = 5) => {
    const vehicle = new VehicleModel(town, seededRandom(seed));
    return Array.from({ length: seconds / step }, () => {
      vehicle.advance(step);
      return vehicle.fix();
    });
  };

  it('drives at 30–110 km/h or stands still, and covers no more ground than its speed allows', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const fixes = drive(seed, 2 * 3600);
      for (const [index, fix] of fixes.entries()) {
        const kmh = fix.speed * 3.6;
        if (kmh !== 0) {
          expect(kmh).toBeGreaterThanOrEqual(VEHICLE_KMH.min);
          expect(kmh).toBeLessThanOrEqual(VEHICLE_KMH.max);
        }
        const previous = fixes[index - 1];
        if (previous) expect(distanceMetres(previous, fix)).toBeLessThanOrEqual((VEHICLE_KMH.max / 3.6) * 5 + 1);
        expect(fix.heading).toBeGreaterThanOrEqual(0);
        expect(fix.heading).toBeLessThan(360);
      }
    }
  });

  it('stays on its town’s roads: never far from the nearest place', () => {
    for (const fix of drive(7, 4 * 3600, 10)) {
      expect(Math.min(...places.map((place) => distanceMetres(place, fix)))).toBeLessThan(4_000);
    }
  });

  it('stops now and then, for seconds to minutes, and drives on', () => {
    const stops: number[] = [];
    let current = 0;
    for (const fix of drive(11, 4 * 3600, 1)) {
      if (fix.speed === 0) current++;
      else if (current > 0) {
        stops.push(current);
        current = 0;
      }
    }
    expect(stops.length).toBeGreaterThan(3);
    expect(Math.min(...stops)).toBeLessThan(60);
    expect(Math.max(...stops)).toBeGreaterThan(60);
    expect(Math.max(...stops)).toBeLessThanOrEqual(300);
  });

  it('is moving at least half of the time', () => {
    const fixes = drive(13, 4 * 3600);
    expect(fixes.filter((fix) => fix.speed > 0).length / fixes.length).toBeGreaterThan(0.5);
  });
});
