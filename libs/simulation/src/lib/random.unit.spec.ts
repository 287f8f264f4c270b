import fc from 'fast-check';
import { seededRandom } from './random';

describe('seededRandom', () => {
  it('gives the same numbers for the same seed, and others for another', () => {
    const draw = (seed: number) => Array.from({ length: 50 }, seededRandom(seed).next);
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('stays within the bounds asked for', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (seed, min, width) => {
        const random = seededRandom(seed);
        const value = random.integer(min, min + width);
        expect(value).toBeGreaterThanOrEqual(min);
        expect(value).toBeLessThanOrEqual(min + width);
        const next = random.next();
        expect(next).toBeGreaterThanOrEqual(0);
        expect(next).toBeLessThan(1);
      }),
    );
  });
});
