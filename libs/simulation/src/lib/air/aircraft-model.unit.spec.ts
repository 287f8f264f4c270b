import { seededRandom } from '../random';
import { AircraftModel } from './aircraft-model';
import { AIRPORTS } from './airports';
import { FOOT_M, KNOT_MPS } from './flight-profile';

describe('AircraftModel', () => {
  const fly = (seed: number, seconds: number, step = 10) => {
    const aircraft = new AircraftModel(seededRandom(seed));
    return Array.from({ length: seconds / step }, () => {
      aircraft.advance(step);
      return { ...aircraft.fix(), route: aircraft.route, squawk: aircraft.squawk };
    });
  };

  it('climbs, cruises near FL350 at about 450 kn, descends, lands and flies a new leg from where it landed', () => {
    const fixes = fly(3, 12 * 3600);
    const cruising = fixes.filter((fix) => !fix.onGround && fix.verticalRate === 0);
    expect(cruising.length).toBeGreaterThan(0);
    for (const fix of cruising) {
      expect(fix.altitude).toBeGreaterThanOrEqual(330 * 100 * FOOT_M - 1);
      expect(fix.altitude).toBeLessThanOrEqual(370 * 100 * FOOT_M + 1);
      expect(fix.speed / KNOT_MPS).toBeGreaterThanOrEqual(430);
      expect(fix.speed / KNOT_MPS).toBeLessThanOrEqual(470);
    }
    const legs = fixes.map((fix) => fix.route).filter((route, index, all) => index === 0 || all[index - 1]?.to !== route.to);
    expect(legs.length).toBeGreaterThan(2);
    for (const [index, leg] of legs.entries()) if (index > 0) expect(leg.from).toBe(legs[index - 1]?.to);
  });

  it('moves its altitude the way its vertical rate says, and stays between the ground and the cruise level', () => {
    const fixes = fly(5, 8 * 3600);
    for (const [index, fix] of fixes.entries()) {
      expect(fix.altitude).toBeGreaterThanOrEqual(-10);
      expect(fix.altitude).toBeLessThanOrEqual(370 * 100 * FOOT_M + 1);
      const previous = fixes[index - 1];
      if (!previous || fix.onGround || previous.onGround || previous.verticalRate === undefined) continue;
      const climbed = (fix.altitude ?? 0) - (previous.altitude ?? 0);
      if (previous.verticalRate > 0 && fix.verticalRate === previous.verticalRate) expect(climbed).toBeGreaterThan(0);
      if (previous.verticalRate < 0 && fix.verticalRate === previous.verticalRate) expect(climbed).toBeLessThan(0);
    }
  });

  it('waits at the gate standing still, at the airport’s elevation, with a new squawk for the next leg', () => {
    const fixes = fly(8, 12 * 3600);
    const parked = fixes.filter((fix) => fix.onGround);
    expect(parked.length).toBeGreaterThan(0);
    for (const fix of parked) {
      const airport = AIRPORTS.find((candidate) => candidate.lat === fix.lat && candidate.lon === fix.lon);
      expect(airport).toBeDefined();
      expect(fix.altitude).toBe(airport?.elevation);
      expect(fix.speed).toBe(0);
    }
    expect(new Set(fixes.map((fix) => fix.squawk)).size).toBeGreaterThan(1);
    for (const fix of fixes) expect(fix.squawk).toMatch(/^[0-7]{4}$/);
  });
});
