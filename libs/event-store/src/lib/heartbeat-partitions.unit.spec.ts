import fc from 'fast-check';
import { partitionDay } from './heartbeat-partitions';

describe('partitionDay', () => {
  it('is the UTC day of the instant, however the time is written', () => {
    expect(partitionDay('2026-11-25T23:59:59.999Z')).toBe('2026-11-25');
    expect(partitionDay('2026-11-26T00:30:00+01:00')).toBe('2026-11-25');
    expect(partitionDay('2026-11-25T23:30:00-01:00')).toBe('2026-11-26');
  });

  it('agrees with a full date parse for any instant', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }), (date) => {
        expect(partitionDay(date.toISOString())).toBe(new Date(date.getTime()).toISOString().slice(0, 10));
      }),
    );
  });
});
