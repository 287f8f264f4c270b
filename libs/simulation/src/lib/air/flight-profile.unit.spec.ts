import { distanceMetres } from '../geo';
import { AIRPORTS } from './airports';
import { FOOT_M, KNOT_MPS, flightAt, flightDuration, planFlight } from './flight-profile';

const airport = (code: string) => {
  const found = AIRPORTS.find((candidate) => candidate.code === code);
  if (!found) throw new Error(code);
  return found;
};
const FL350 = 350 * 100 * FOOT_M;

describe('planFlight and flightAt', () => {
  it('takes off from the origin’s elevation, cruises at FL350 and ends over the destination at its elevation', () => {
    const plan = planFlight(airport('ARN'), airport('LHR'), FL350, 450 * KNOT_MPS);
    expect(plan.cruiseAltitude).toBe(FL350);
    expect(flightAt(plan, 0)).toMatchObject({ flown: 0, altitude: 42 });
    const end = flightAt(plan, flightDuration(plan));
    expect(end.flown).toBeCloseTo(distanceMetres(airport('ARN'), airport('LHR')), -2);
    expect(end.altitude).toBeCloseTo(25, 0);
    // About two hours in the air (the timetable's 2 h 45 min adds taxiing).
    expect(flightDuration(plan) / 3600).toBeGreaterThan(1.75);
    expect(flightDuration(plan) / 3600).toBeLessThan(2.5);
  });

  it('levels off lower on a leg too short to reach the requested level', () => {
    const plan = planFlight(airport('GOT'), airport('OSL'), FL350, 450 * KNOT_MPS);
    expect(plan.cruiseAltitude).toBeLessThan(FL350);
    expect(plan.cruiseAltitude).toBeGreaterThan(5_000);
    expect(flightAt(plan, flightDuration(plan)).flown).toBeCloseTo(plan.distance, -2);
  });

  it('never flies backwards nor faster than its cruise speed', () => {
    const plan = planFlight(airport('OSL'), airport('FRA'), FL350, 450 * KNOT_MPS);
    let flown = 0;
    for (let t = 0; t <= flightDuration(plan); t += 30) {
      const state = flightAt(plan, t);
      expect(state.flown).toBeGreaterThanOrEqual(flown);
      expect(state.speed).toBeLessThanOrEqual(450 * KNOT_MPS + 1e-6);
      flown = state.flown;
    }
  });
});
