import type { UnitChoice } from '../../shared/units/units';
import { describePosition } from './position-text';

const METRIC: UnitChoice = { speed: 'km/h', altitude: 'm' };
const AVIATION: UnitChoice = { speed: 'kn', altitude: 'ft' };

describe('describePosition', () => {
  it('writes coordinates to five decimals, speed and altitude in the chosen units', () => {
    expect(
      describePosition(
        {
          lat: 59.1955,
          lon: 17.6253,
          altitude: 31.6,
          speed: 12.5,
          heading: 359.6,
          timestamp: '2026-11-25T12:00:00.000Z',
        },
        METRIC,
      ),
    ).toEqual({
      latLon: '59.19550, 17.62530',
      altitude: '32 m',
      speed: '45 km/h',
      heading: '360°',
    });
    expect(
      describePosition({ lat: 0, lon: 0, altitude: 10_668, speed: 231.5, heading: 90, timestamp: '2026-11-25T12:00:00.000Z' }, AVIATION),
    ).toEqual({ latLon: '0.00000, 0.00000', altitude: '35,000 ft', speed: '450 kn', heading: '90°' });
  });

  it('shows a dash for what the device did not send, and zero as zero', () => {
    expect(
      describePosition(
        {
          lat: -33.9,
          lon: 151.2,
          altitude: null,
          speed: 0,
          heading: null,
          timestamp: '2026-11-25T12:00:00.000Z',
        },
        METRIC,
      ),
    ).toEqual({
      latLon: '-33.90000, 151.20000',
      altitude: '—',
      speed: '0 km/h',
      heading: '—',
    });
  });
});
