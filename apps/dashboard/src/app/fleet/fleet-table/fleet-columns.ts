import type { SortField } from '../fleet-sort';

export interface FleetColumn {
  key: string;
  label: string;
  /** The search's sort for this column; columns without one are not clickable (docs/API.md "Search"). */
  sort?: SortField;
  /** Left out on a phone, where the table keeps what a dispatcher scans first (see fleet-table.scss). */
  secondary?: boolean;
}

/** The table's columns, in order; each row template fills the same cells (fleet-table.html). */
export const FLEET_COLUMNS: readonly FleetColumn[] = [
  { key: 'registration', label: 'Registration', sort: 'registration' },
  { key: 'id', label: 'ID', sort: 'id', secondary: true },
  { key: 'customer', label: 'Customer' },
  { key: 'status', label: 'Status' },
  { key: 'last-seen', label: 'Last seen', sort: 'lastSeenAt' },
  { key: 'speed', label: 'Speed' },
  { key: 'callsign', label: 'Callsign', secondary: true },
  { key: 'altitude', label: 'Altitude' },
  { key: 'vertical-rate', label: 'Vertical rate', secondary: true },
  { key: 'squawk', label: 'Squawk', secondary: true },
];

/** Every row has this height, which the virtual scroll needs to place rows without measuring them. */
export const ROW_HEIGHT_PX = 40;
/** The table's box is as tall as its rows up to this many, then scrolls. */
export const VISIBLE_ROWS = 15;
/** Ask for the next page this many rows before the loaded ones run out, so scrolling rarely waits. */
export const ROWS_BEFORE_END = 50;
