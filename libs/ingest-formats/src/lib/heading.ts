const FULL_TURN = 360;

/**
 * Degrees clockwise from north, folded into [0, 360): devices send 360 for north, some feeds send
 * negative or wrapped values, and the heartbeat contract accepts only [0, 360).
 */
export function normaliseHeading(degrees: number): number {
  const remainder = degrees % FULL_TURN;
  const positive = remainder < 0 ? remainder + FULL_TURN : remainder;
  // A tiny negative remainder plus 360 rounds to exactly 360 in floating point: that is north.
  // Adding 0 turns -0 into 0, so north is always written the same way.
  return positive >= FULL_TURN ? 0 : positive + 0;
}
