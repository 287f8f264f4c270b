import type { AssetDto } from '@beacon/contracts';
import type { UnitChoice } from '../../shared/units/units';
import { formatVerticalRate } from '../../shared/units/units';

/** One line of what the newest heartbeat reported besides its position. */
export interface ReportLine {
  label: string;
  value: string;
  /** Stable hook for tests, `detail-<field>`. */
  testId: string;
}

/**
 * The ADS-B emitter categories of DO-260B that aircraft send (sets A–C; D is reserved), as an
 * operator reads them; a code without a name here is shown as it came.
 */
const ADSB_CATEGORIES: Readonly<Record<string, string>> = {
  A1: 'light',
  A2: 'small',
  A3: 'large',
  A4: 'high-vortex large',
  A5: 'heavy',
  A6: 'high performance',
  A7: 'rotorcraft',
  B1: 'glider',
  B2: 'lighter than air',
  B3: 'parachutist',
  B4: 'ultralight',
  B6: 'unmanned',
  B7: 'space vehicle',
  C1: 'emergency vehicle',
  C2: 'service vehicle',
  C3: 'obstacle',
};

/**
 * What the newest heartbeat said of the device and, for aircraft, of the flight, in the user's
 * units; a field the heartbeat did not carry is left out rather than shown as a dash, since most
 * assets report only a few of them.
 */
export function describeReport(asset: AssetDto, units: UnitChoice): ReportLine[] {
  const lines: ReportLine[] = [];
  const add = (label: string, field: string, value: string | null): void => {
    if (value !== null) lines.push({ label, value, testId: `detail-${field}` });
  };
  add('Vertical rate', 'vertical-rate', asset.verticalRate === null ? null : formatVerticalRate(asset.verticalRate, units.altitude));
  add('Squawk', 'squawk', asset.squawk);
  add('On the ground', 'on-ground', asset.onGround === null ? null : asset.onGround ? 'yes' : 'no');
  add('ADS-B category', 'category', asset.category === null ? null : categoryText(asset.category));
  add('GPS accuracy', 'accuracy', asset.accuracy === null ? null : `± ${Math.round(asset.accuracy).toLocaleString('en-GB')} m`);
  add('Battery', 'battery', asset.battery === null ? null : `${Math.round(asset.battery)} %`);
  return lines;
}

function categoryText(code: string): string {
  const name = ADSB_CATEGORIES[code];
  return name ? `${code} (${name})` : code;
}
