import { createTestDatabase, eventually, type TestDatabase } from '@beacon/testing';
import { Client } from 'pg';
import { FreezableProxy } from '../testing/freezable-proxy';
import { LeaderElection, type LeaderElectionOptions } from './leader-election';

let database: TestDatabase;
const running: LeaderElection[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.stop()));
});

afterAll(async () => {
  await database.drop();
});

interface Candidate {
  election: LeaderElection;
  /** Every change, in order: true = elected, false = deposed. */
  changes: boolean[];
  errors: Error[];
}

function candidate(name: string, options: Partial<LeaderElectionOptions> = {}, url = database.url): Candidate {
  const changes: boolean[] = [];
  const errors: Error[] = [];
  const election = new LeaderElection({
    connection: { connectionString: url },
    name,
    retryMs: 100,
    onElected: () => void changes.push(true),
    onDeposed: () => void changes.push(false),
    onError: (error) => void errors.push(error),
    ...options,
  });
  running.push(election);
  return { election, changes, errors };
}

const leaders = (...candidates: Candidate[]): Candidate[] => candidates.filter((c) => c.election.isLeader);

async function backendOf(name: string): Promise<number> {
  return withAdmin(async (admin) => {
    const result = await admin.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
      [`beacon-leader:${name}`],
    );
    if (result.rows.length !== 1) throw new Error(`expected one lock connection for ${name}, found ${result.rows.length}`);
    return result.rows[0]?.pid ?? 0;
  });
}

async function withAdmin<T>(work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: database.url });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

describe('LeaderElection', () => {
  it('elects exactly one of two candidates per name, and the other within 2 s of the leader stopping', async () => {
    const a = candidate('numbers');
    const b = candidate('numbers');
    const elsewhere = candidate('letters');
    await a.election.start();
    await b.election.start();
    await elsewhere.election.start();
    expect(leaders(a, b)).toEqual([a]);
    expect(elsewhere.election.isLeader).toBe(true); // another name, another lock
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(leaders(a, b)).toEqual([a]); // b keeps trying and keeps losing

    const stoppedAt = Date.now();
    await a.election.stop();
    expect(a.changes).toEqual([true, false]);
    await eventually(() => expect(b.election.isLeader).toBe(true), 2_000, 10);
    expect(Date.now() - stoppedAt).toBeLessThan(2_000);
    expect(b.changes).toEqual([true]);
  }, 10_000);

  it('deposes a leader whose connection is killed, and elects again on a fresh connection', async () => {
    const a = candidate('killed');
    await a.election.start();
    const backend = await backendOf('killed');
    await withAdmin((admin) => admin.query('SELECT pg_terminate_backend($1)', [backend]));
    await eventually(() => expect(a.changes).toEqual([true, false, true]));
    expect(a.errors.map((e) => e.message)).toEqual([expect.stringContaining('lost the leadership of killed')]);
    expect(await backendOf('killed')).not.toBe(backend);
  }, 10_000);

  it('deposes a leader whose connection silently stops answering; another leads once the server drops it', async () => {
    const proxy = await FreezableProxy.start(database.url);
    try {
      const a = candidate('silent', { checkIntervalMs: 300 }, proxy.url);
      const b = candidate('silent');
      await a.election.start();
      await b.election.start();
      expect(leaders(a, b)).toEqual([a]);

      const frozenAt = Date.now();
      proxy.freeze();
      await eventually(() => expect(a.changes).toEqual([true, false]), 2_000, 10);
      expect(Date.now() - frozenAt).toBeLessThan(1_500); // a check interval and a check timeout
      // The server still holds the lock for the silent backend, so nobody may lead yet.
      expect(leaders(a, b)).toEqual([]);

      proxy.cut();
      await eventually(() => expect(leaders(a, b)).toHaveLength(1), 2_000, 10);
    } finally {
      await proxy.close();
    }
  }, 10_000);

  it('stops promptly when stopped while its work is still starting', async () => {
    const slow = candidate('slow', { onElected: () => new Promise((resolve) => setTimeout(resolve, 300)) });
    const starting = slow.election.start();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const stoppedAt = Date.now();
    await slow.election.stop();
    await starting;
    expect(Date.now() - stoppedAt).toBeLessThan(1_000);
    expect(slow.changes).toEqual([false]); // onElected was replaced; onDeposed still follows it
    expect(slow.election.isLeader).toBe(false);
  }, 10_000);

  it('steps aside when its work cannot start, and lets the lock go for another candidate', async () => {
    const a = candidate('failing', { onElected: () => Promise.reject(new Error('cannot start')) });
    await a.election.start();
    expect(a.errors[0]?.message).toBe('cannot start');
    expect(a.election.isLeader).toBe(false);
    const b = candidate('failing');
    await b.election.start();
    await eventually(() => expect(b.election.isLeader).toBe(true), 2_000, 10);
  }, 10_000);
});
