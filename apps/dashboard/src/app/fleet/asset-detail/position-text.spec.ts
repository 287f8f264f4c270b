import { describePosition } from './position-text';

describe('describePosition', () => {
  it('writes coordinates to five decimals and SI units with km/h beside m/s', () => {
    expect(
      describePosition({
        lat: 59.1955,
        lon: 17.6253,
        altitude: 31.6,
        speed: 12.5,
        heading: 359.6,
        timestamp: '2026-11-25T12:00:00.000Z',
      }),
    ).toEqual({
      latLon: '59.19550, 17.62530',
      altitude: '32 m',
      speed: '12.5 m/s (45 km/h)',
      heading: '360°',
    });
  });

  it('shows a dash for what the device did not send, and zero as zero', () => {
    expect(
      describePosition({
        lat: -33.9,
        lon: 151.2,
        altitude: null,
        speed: 0,
        heading: null,
        timestamp: '2026-11-25T12:00:00.000Z',
      }),
    ).toEqual({
      latLon: '-33.90000, 151.20000',
      altitude: '—',
      speed: '0.0 m/s (0 km/h)',
      heading: '—',
    });
  });
});
