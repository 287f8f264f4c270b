import type { RecordedEvent } from '@beacon/event-store';
import { ProjectionProgress } from './projection-progress';

const at = (seconds: number): Date => new Date(Date.UTC(2026, 0, 1, 12, 0, seconds));
const event = (position: number, recordedAt: Date): RecordedEvent => ({
  globalPosition: BigInt(position),
  streamId: 's',
  streamPosition: position,
  type: 'Numbered',
  data: {},
  metadata: {},
  recordedAt,
});

describe('ProjectionProgress', () => {
  it('is caught up with lag 0 before it knows of any waiting event, however old the last one is', () => {
    const progress = new ProjectionProgress();
    progress.projected({ events: [event(1, at(0)), event(2, at(1))], full: false });
    expect(progress.lagMs(at(59))).toBe(0);
    expect(progress.behind).toBe(false);
    expect(progress.checkpoint).toBe(2n);
    expect(progress.lastProjectedRecordedAt).toEqual(at(1));
  });

  it('measures lag from the oldest waiting event the log head showed, until a batch passes it', () => {
    const progress = new ProjectionProgress();
    progress.observed({ checkpoint: 2n, firstUnprojected: { position: 3n, recordedAt: at(10) } });
    expect(progress.lagMs(at(15))).toBe(5_000);
    expect(progress.lagMs(at(5))).toBe(0); // a clock behind PostgreSQL's never reports negative lag
    expect(progress.behind).toBe(true);
    progress.projected({ events: [event(3, at(10))], full: false });
    expect(progress.lagMs(at(20))).toBe(0);
    expect(progress.behind).toBe(false);
  });

  it('after a full batch past the last look, stands in the last projected event for the next one', () => {
    const progress = new ProjectionProgress();
    progress.observed({ checkpoint: 0n, firstUnprojected: { position: 1n, recordedAt: at(0) } });
    progress.projected({ events: [event(1, at(0)), event(2, at(4))], full: true });
    expect(progress.lagMs(at(10))).toBe(6_000);
    expect(progress.behind).toBe(true);
    progress.stopped();
    expect(progress.behind).toBe(false);
  });

  it('never moves its checkpoint back for a look at the log taken before its own last batch', () => {
    const progress = new ProjectionProgress();
    progress.projected({ events: [event(7, at(0))], full: false });
    progress.observed({ checkpoint: 5n, firstUnprojected: { position: 6n, recordedAt: at(0) } });
    expect(progress.checkpoint).toBe(7n);
    expect(progress.lagMs(at(30))).toBe(0);
  });
});
