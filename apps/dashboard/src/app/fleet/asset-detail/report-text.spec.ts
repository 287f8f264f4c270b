import { EXAMPLE_ASSET } from '@beacon/contracts';
import type { AssetDto } from '@beacon/contracts';
import { describeReport } from './report-text';

const METRIC = { speed: 'km/h', altitude: 'm' } as const;
const AVIATION = { speed: 'kn', altitude: 'ft' } as const;

const anAircraft: AssetDto = {
  ...EXAMPLE_ASSET,
  kind: 'aircraft',
  verticalRate: -5.08,
  squawk: '7700',
  onGround: false,
  category: 'A3',
  accuracy: null,
  battery: null,
};

describe('describeReport', () => {
  it("lists a vehicle's GPS accuracy and battery, and nothing it did not report", () => {
    expect(describeReport({ ...EXAMPLE_ASSET, accuracy: 4.6, battery: 87.4 }, METRIC)).toEqual([
      { label: 'GPS accuracy', value: '± 5 m', testId: 'detail-accuracy' },
      { label: 'Battery', value: '87 %', testId: 'detail-battery' },
    ]);
  });

  it("lists an aircraft's vertical rate in the chosen units, squawk, ground state and named category", () => {
    expect(describeReport(anAircraft, AVIATION).map(({ label, value }) => [label, value])).toEqual([
      ['Vertical rate', '−1,000 ft/min'],
      ['Squawk', '7700'],
      ['On the ground', 'no'],
      ['ADS-B category', 'A3 (large)'],
    ]);
    expect(describeReport(anAircraft, METRIC)[0]?.value).toBe('−5.1 m/s');
  });

  it('shows a category without a name as it came, and on the ground as yes', () => {
    const lines = describeReport({ ...anAircraft, category: 'A0', onGround: true }, METRIC);
    expect(lines.find((line) => line.testId === 'detail-category')?.value).toBe('A0');
    expect(lines.find((line) => line.testId === 'detail-on-ground')?.value).toBe('yes');
  });
});
