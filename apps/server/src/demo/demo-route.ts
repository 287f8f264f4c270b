const EARTH_RADIUS_M = 6_371_000;
const SPEED_MPS = 14; // about 50 km/h, town traffic
const LOOP_RADIUS_M = 2_500;

export interface DemoPosition {
  lat: number;
  lon: number;
  speed: number;
  heading: number;
}

/**
 * Where a demo vehicle is at time `t`: a loop around its customer's town, each vehicle on its own
 * phase. A pure function of the clock, so a restart continues where the fleet would have been.
 */
export function demoPosition(home: { lat: number; lon: number }, phase: number, t: Date): DemoPosition {
  const angularSpeed = SPEED_MPS / LOOP_RADIUS_M;
  const angle = phase + (t.getTime() / 1000) * angularSpeed;
  const north = LOOP_RADIUS_M * Math.sin(angle);
  const east = LOOP_RADIUS_M * Math.cos(angle);
  const lat = home.lat + (north / EARTH_RADIUS_M) * (180 / Math.PI);
  const lon = home.lon + (east / (EARTH_RADIUS_M * Math.cos((home.lat * Math.PI) / 180))) * (180 / Math.PI);
  // Counter-clockwise, travel points at the math angle + 90°; a compass bearing is 90° minus a math
  // angle, so the heading is simply minus the angle.
  const heading = ((((-angle * 180) / Math.PI) % 360) + 360) % 360;
  return { lat: round(lat, 6), lon: round(lon, 6), speed: SPEED_MPS, heading: round(heading, 1) % 360 };
}

const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;
