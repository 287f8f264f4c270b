import fc from 'fast-check';
import { normaliseHeading } from './heading';
import {
  FOOT_IN_METRES,
  KNOT_IN_METRES_PER_SECOND,
  feetPerMinuteToMetresPerSecond,
  feetToMetres,
  knotsToMetresPerSecond,
  metresPerSecondToKnots,
  roundToMillis,
} from './units';

describe('unit conversions', () => {
  it('uses the exact international definitions', () => {
    expect(KNOT_IN_METRES_PER_SECOND).toBe(1852 / 3600);
    expect(FOOT_IN_METRES).toBe(0.3048);
  });

  it('converts to the metre and to 0.01 m/s', () => {
    expect(knotsToMetresPerSecond(100)).toBeCloseTo(51.44, 2);
    expect(feetToMetres(35_000)).toBeCloseTo(10_668, 6);
    expect(feetPerMinuteToMetresPerSecond(1_024)).toBeCloseTo(5.2, 2);
    expect(feetPerMinuteToMetresPerSecond(-640)).toBeCloseTo(-3.25, 2);
  });

  it('rounds away the floating-point noise of a conversion', () => {
    expect(roundToMillis(feetToMetres(35_000))).toBe(10_668);
    expect(roundToMillis(knotsToMetresPerSecond(100))).toBe(51.444);
  });

  it('round-trips knots → m/s → knots', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 5_000, noNaN: true }), (knots) => {
        expect(metresPerSecondToKnots(knotsToMetresPerSecond(knots))).toBeCloseTo(knots, 9);
      }),
    );
  });
});

describe('normaliseHeading', () => {
  it('folds north and wrapped or negative bearings into [0, 360)', () => {
    expect(normaliseHeading(360)).toBe(0);
    expect(normaliseHeading(-90)).toBe(270);
    expect(normaliseHeading(725)).toBe(5);
    expect(Object.is(normaliseHeading(-0), 0)).toBe(true);
    expect(normaliseHeading(-1e-20)).toBe(0);
  });

  it('always ends in [0, 360) and points the same way', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e7, max: 1e7, noNaN: true }), (degrees) => {
        const heading = normaliseHeading(degrees);
        expect(heading).toBeGreaterThanOrEqual(0);
        expect(heading).toBeLessThan(360);
        // Same direction: the difference is a whole number of turns (up to float error at 1e7).
        const turns = (degrees - heading) / 360;
        expect(Math.abs(turns - Math.round(turns))).toBeLessThan(1e-6);
      }),
    );
  });
});
