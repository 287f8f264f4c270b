/** Where a simulated device is and how it moves, in Beacon's units (degrees, metres, m/s). */
export interface Fix {
  lat: number;
  lon: number;
  /** Metres per second over the ground. */
  speed: number;
  /** Degrees clockwise from true north, [0, 360). */
  heading: number;
  /** Metres above sea level (aircraft). */
  altitude?: number;
  /** Metres per second, climbing when positive (aircraft). */
  verticalRate?: number;
  onGround?: boolean;
}
