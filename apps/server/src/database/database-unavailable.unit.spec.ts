import { isDatabaseUnavailable } from './database-unavailable';

const failure = (code: string, message = 'failed'): Error => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['ECONNREFUSED', 'nothing listens'],
    ['ENOTFOUND', 'the host has no address while its container restarts'],
    ['EAI_AGAIN', 'the name server did not answer'],
    ['57P01', 'the server is shutting down (admin_shutdown)'],
    ['57P03', 'the server is starting up'],
    ['25006', 'a read-only transaction (a failover)'],
    ['53300', 'too many connections'],
    ['57014', 'the statement timeout cancelled a statement (a stalled log)'],
    ['25P03', 'a transaction was idle too long'],
    ['55P03', 'a partition could not get its lock within the lock timeout'],
  ])('is true for %s: %s', (code) => {
    expect(isDatabaseUnavailable(failure(code))).toBe(true);
  });

  it('is true for a connection lost or not made in time', () => {
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
  });

  it.each([
    ['28P01', 'a wrong password'],
    ['42P01', 'a missing table'],
    ['23505', 'a unique violation'],
  ])('is false for %s: %s, which waiting does not cure', (code) => {
    expect(isDatabaseUnavailable(failure(code))).toBe(false);
  });
});
