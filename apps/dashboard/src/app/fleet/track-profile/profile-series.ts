import type uPlot from 'uplot';
import type { TrackPoint } from '../asset-detail/track';
import type { UnitChoice } from '../../shared/units/units';
import { convertAltitude, convertSpeed } from '../../shared/units/units';

/** The chart's colours, read from the palette in force (`styles.scss`): canvas does not follow CSS. */
export interface ProfileColours {
  text: string;
  grid: string;
  speed: string;
  altitude: string;
}

export const speedLabel = (units: UnitChoice): string => `Speed (${units.speed})`;
export const altitudeLabel = (units: UnitChoice): string => `Altitude (${units.altitude})`;

/** uPlot's columns: time in seconds (its time axis's unit), then speed, then altitude for aircraft. */
export function profileData(points: readonly TrackPoint[], withAltitude: boolean, units: UnitChoice): uPlot.AlignedData {
  const times = points.map((p) => Date.parse(p.timestamp) / 1000);
  const speeds = points.map((p) => (p.speed === null ? null : convertSpeed(p.speed, units.speed)));
  if (!withAltitude) return [times, speeds];
  return [times, speeds, points.map((p) => (p.altitude === null ? null : convertAltitude(p.altitude, units.altitude)))];
}

/** Speed on the left axis; altitude, when shown, on its own scale on the right. */
export function profileOptions(
  size: { width: number; height: number },
  withAltitude: boolean,
  colours: ProfileColours,
  units: UnitChoice,
): uPlot.Options {
  const speed = speedLabel(units);
  const altitude = altitudeLabel(units);
  const axis = { stroke: colours.text, grid: { stroke: colours.grid, width: 1 }, ticks: { stroke: colours.grid, width: 1 } };
  const options: uPlot.Options = {
    ...size,
    // The replay moves the cursor along time only.
    cursor: { y: false, drag: { x: false, y: false } },
    scales: { x: { time: true } },
    series: [{}, { label: speed, scale: 'speed', stroke: colours.speed, width: 2, spanGaps: true }],
    axes: [axis, { ...axis, scale: 'speed', label: speed }],
  };
  if (withAltitude) {
    options.series.push({ label: altitude, scale: 'altitude', stroke: colours.altitude, width: 2, spanGaps: true });
    options.axes?.push({ ...axis, scale: 'altitude', label: altitude, side: 1, grid: { show: false } });
  }
  return options;
}

/** Reads the palette's variables as they apply to `element`. */
export function readProfileColours(element: Element): ProfileColours {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    text: read('--bcn-muted', '#616e7c'),
    grid: read('--bcn-border', '#dde3e9'),
    speed: read('--bcn-accent', '#2563eb'),
    altitude: read('--bcn-online-fg', '#0f7a3d'),
  };
}
