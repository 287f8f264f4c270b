import { backoffMs } from './backoff';

describe('backoffMs', () => {
  it('doubles from one second and stops growing at ten', () => {
    expect([1, 2, 3, 4, 5, 6, 50].map(backoffMs)).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000, 10_000]);
  });
});
