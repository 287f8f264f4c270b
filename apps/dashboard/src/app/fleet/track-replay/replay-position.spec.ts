import type { TrackPoint } from '../asset-detail/track';
import { advanceReplay, replayPositionAt } from './replay-position';

const at = (time: string, lat: number, lon: number, speed: number | null = null, altitude: number | null = null): TrackPoint => ({
  timestamp: `2026-11-25T${time}.000Z`,
  lat,
  lon,
  speed,
  altitude,
  heading: null,
});
const ms = (time: string) => Date.parse(`2026-11-25T${time}.000Z`);

describe('replayPositionAt', () => {
  const track = [at('12:00:00', 59, 18, 10, 100), at('12:01:00', 59.1, 18.2, 20, 300), at('12:03:00', 59.1, 18.4, null, null)];

  it('interpolates between the two points around the moment', () => {
    const position = replayPositionAt(track, ms('12:00:15'));
    expect(position?.time).toBe(ms('12:00:15'));
    expect(position?.lat).toBeCloseTo(59.025, 9);
    expect(position?.lon).toBeCloseTo(18.05, 9);
    expect(position?.speed).toBeCloseTo(12.5, 9);
    expect(position?.altitude).toBeCloseTo(150, 9);
  });

  it('finds the right pair in a longer track, and is each point at its own time', () => {
    expect(replayPositionAt(track, ms('12:02:00'))?.lon).toBeCloseTo(18.3, 9);
    expect(replayPositionAt(track, ms('12:01:00'))).toEqual({ time: ms('12:01:00'), lat: 59.1, lon: 18.2, speed: 20, altitude: 300 });
  });

  it('does not make up a value the later point lacks: the earlier one stands', () => {
    const position = replayPositionAt(track, ms('12:02:00'));
    expect(position?.speed).toBe(20);
    expect(position?.altitude).toBe(300);
    expect(replayPositionAt([at('12:00:00', 0, 0), at('12:01:00', 0, 1, 5)], ms('12:00:30'))?.speed).toBeNull();
  });

  it('holds at the ends outside the track, and has nothing for an empty one', () => {
    expect(replayPositionAt(track, ms('11:00:00'))?.lat).toBe(59);
    expect(replayPositionAt(track, ms('13:00:00'))?.lon).toBe(18.4);
    expect(replayPositionAt([], ms('12:00:00'))).toBeNull();
  });

  it('takes the short way over the antimeridian', () => {
    const crossing = [at('12:00:00', 0, 179.5), at('12:01:00', 0, -179.5)];
    expect(replayPositionAt(crossing, ms('12:00:15'))?.lon).toBeCloseTo(179.75, 9);
    expect(replayPositionAt(crossing, ms('12:00:45'))?.lon).toBeCloseTo(-179.75, 9);
  });
});

describe('advanceReplay', () => {
  it('moves on by the real time played times the speed, stopping at the end', () => {
    expect(advanceReplay(1_000, 100, 60, 100_000)).toBe(7_000);
    expect(advanceReplay(99_000, 100, 600, 100_000)).toBe(100_000);
  });
});
