import { STALE_AFTER_MS, isStale } from './staleness';

describe('isStale', () => {
  const lastGoodAt = 1_000_000;

  it('is fresh right after a good answer', () => {
    expect(isStale(lastGoodAt, false, lastGoodAt)).toBeFalse();
  });

  it('stays fresh up to the threshold and turns stale just past it', () => {
    expect(isStale(lastGoodAt, false, lastGoodAt + STALE_AFTER_MS)).toBeFalse();
    expect(isStale(lastGoodAt, false, lastGoodAt + STALE_AFTER_MS + 1)).toBeTrue();
  });

  it('is stale as soon as a request fails, however recent the data', () => {
    expect(isStale(lastGoodAt, true, lastGoodAt)).toBeTrue();
  });

  it('honours a custom threshold', () => {
    expect(isStale(lastGoodAt, false, lastGoodAt + 3_000, 2_000)).toBeTrue();
  });
});
