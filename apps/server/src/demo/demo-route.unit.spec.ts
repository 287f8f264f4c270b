import { demoPosition } from './demo-route';

describe('demoPosition', () => {
  const home = { lat: 59.3293, lon: 18.0686 };

  it('stays within a few kilometres of home', () => {
    for (let s = 0; s < 3600; s += 97) {
      const p = demoPosition(home, 1, new Date(s * 1000));
      expect(Math.abs(p.lat - home.lat)).toBeLessThan(0.03);
      expect(Math.abs(p.lon - home.lon)).toBeLessThan(0.05);
    }
  });

  it('moves at about 14 m/s in the direction of its heading', () => {
    const a = demoPosition(home, 0, new Date(10_000));
    const b = demoPosition(home, 0, new Date(11_000));
    const north = (b.lat - a.lat) * 111_195;
    const east = (b.lon - a.lon) * 111_195 * Math.cos((home.lat * Math.PI) / 180);
    expect(Math.hypot(north, east)).toBeCloseTo(14, 0);
    const bearing = ((Math.atan2(east, north) * 180) / Math.PI + 360) % 360;
    expect(Math.abs(bearing - a.heading)).toBeLessThan(2);
    expect(a.heading).toBeGreaterThanOrEqual(0);
    expect(a.heading).toBeLessThan(360);
  });
});
