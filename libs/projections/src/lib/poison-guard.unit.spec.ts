import type { RecordedEvent } from '@beacon/event-store';
import type { ReadModelProjection } from '@beacon/read-models';
import type { PoolClient } from 'pg';
import { PoisonGuard } from './poison-guard';

/** Events 1…n; the projection refuses those in `poison` for their data, or fails whole with `outage`. */
function setUp(poison: bigint[], options: { outage?: boolean } = {}) {
  const applied: bigint[] = [];
  const statements: string[] = [];
  const dataError = Object.assign(new Error('value out of range'), { data: true });
  const projection: ReadModelProjection = {
    apply: (events) => {
      if (options.outage) return Promise.reject(new Error('connect ECONNREFUSED'));
      if (events.some((e) => poison.includes(e.globalPosition))) return Promise.reject(dataError);
      applied.push(...events.map((e) => e.globalPosition));
      return Promise.resolve();
    },
    isDataError: (error) => (error as { data?: boolean }).data === true,
  };
  const query = (text: string): Promise<{ rows: never[] }> => {
    statements.push(text);
    return Promise.resolve({ rows: [] });
  };
  const tx = { query } as unknown as PoolClient;
  const deadLettered: bigint[] = [];
  const guard = new PoisonGuard(projection, {
    name: 'p',
    deadLetterAfter: 3,
    onDeadLettered: (event) => deadLettered.push(event.globalPosition),
  });
  return { guard, tx, applied, statements, deadLettered };
}

const events = (n: number): RecordedEvent[] =>
  Array.from({ length: n }, (_, i) => ({
    globalPosition: BigInt(i + 1),
    streamId: `s-${i + 1}`,
    streamPosition: 1,
    type: 'T',
    data: {},
    metadata: {},
    recordedAt: new Date(),
  }));

describe('PoisonGuard', () => {
  it('sets an event aside after 3 refusals and applies every other event of the batch', async () => {
    const { guard, tx, applied, statements, deadLettered } = setUp([5n]);
    const batch = events(9);
    for (let attempt = 1; attempt <= 3; attempt++) {
      await expect(guard.apply(batch, tx, 0n)).rejects.toThrow('value out of range');
      expect(deadLettered).toEqual([]);
    }
    applied.length = 0;
    await guard.apply(batch, tx, 0n);
    expect(deadLettered).toEqual([5n]);
    expect([...new Set(applied)].sort((a, b) => Number(a - b))).toEqual([1n, 2n, 3n, 4n, 6n, 7n, 8n, 9n]);
    expect(statements.filter((s) => s.includes('INSERT INTO projection_dead_letters'))).toHaveLength(1);
  });

  it('never sets aside events while the store is down: every failure is thrown for the backoff', async () => {
    const { guard, tx, statements, deadLettered } = setUp([], { outage: true });
    for (let attempt = 0; attempt < 20; attempt++) await expect(guard.apply(events(4), tx, 0n)).rejects.toThrow('ECONNREFUSED');
    expect(deadLettered).toEqual([]);
    expect(statements.filter((s) => s.includes('projection_dead_letters'))).toEqual([]);
  });

  it('costs a healthy batch nothing: no savepoint until a batch was refused for its data', async () => {
    const { guard, tx, statements } = setUp([]);
    await guard.apply(events(4), tx, 0n);
    expect(statements).toEqual([]);
  });
});
