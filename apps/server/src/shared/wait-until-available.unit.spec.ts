import { Logger } from '@nestjs/common';
import { waitUntilAvailable } from './wait-until-available';

const unavailable = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
const isUnavailable = (error: unknown): boolean => error === unavailable;
const logger = new Logger('test');
const fast = { intervalMs: 5 };

describe('waitUntilAvailable', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['error', 'warn', 'log']));

  it('retries while the service is not there yet, then returns what the attempt gave', async () => {
    let calls = 0;
    const attempt = async (): Promise<string> => {
      calls++;
      if (calls < 4) throw unavailable;
      return 'schema ready';
    };
    await expect(waitUntilAvailable('PostgreSQL', attempt, isUnavailable, logger, fast)).resolves.toBe('schema ready');
    expect(calls).toBe(4);
  });

  it('throws any other failure at once', async () => {
    let calls = 0;
    const wrongPassword = new Error('password authentication failed');
    const attempt = async (): Promise<void> => {
      calls++;
      throw wrongPassword;
    };
    await expect(waitUntilAvailable('PostgreSQL', attempt, isUnavailable, logger, fast)).rejects.toBe(wrongPassword);
    expect(calls).toBe(1);
  });

  it('gives up after the timeout with the last failure', async () => {
    const started = Date.now();
    const attempt = async (): Promise<void> => {
      throw unavailable;
    };
    await expect(waitUntilAvailable('Elasticsearch', attempt, isUnavailable, logger, { timeoutMs: 50, intervalMs: 5 })).rejects.toBe(
      unavailable,
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
