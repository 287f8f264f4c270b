import { advisoryLockKey } from './advisory-lock-key';

describe('advisoryLockKey', () => {
  it('is the same for a name every time, differs between names, and fits a PostgreSQL bigint', () => {
    const key = advisoryLockKey('assets-read-model');
    expect(advisoryLockKey('assets-read-model')).toBe(key);
    expect(advisoryLockKey('positions-read-model')).not.toBe(key);
    for (const name of ['', 'a', 'assets-read-model', 'x'.repeat(500)]) {
      const k = advisoryLockKey(name);
      expect(k >= -(2n ** 63n) && k < 2n ** 63n).toBe(true);
    }
  });

  it('does not change between releases: running leaders and new ones must agree on the key', () => {
    expect(advisoryLockKey('assets-read-model')).toBe(4315823726268838385n);
  });
});
