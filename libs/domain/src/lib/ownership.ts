import type { AssetEvent } from './events';

/** A stretch of time during which one customer owned an asset: `[from, until)`, open where null. */
export interface OwnershipPeriod {
  customerId: string;
  /** Null: since before anything was recorded (heartbeats a device buffered before registration). */
  from: Date | null;
  /** Null: still owned. */
  until: Date | null;
}

/**
 * Who owned an asset when, from its events: registration starts the first period, each reassignment
 * ends one and starts the next at its time. History (a track, a replay) is shown to a customer only
 * within its own periods, so a new owner never reads the previous owner's movements.
 */
export function ownershipPeriods(events: readonly AssetEvent[]): OwnershipPeriod[] {
  const periods: OwnershipPeriod[] = [];
  for (const event of events) {
    if (event.type === 'AssetRegistered') {
      periods.push({ customerId: event.data.customerId, from: null, until: null });
    } else if (event.type === 'AssetReassigned') {
      const at = new Date(event.data.at);
      const current = periods[periods.length - 1];
      if (current) current.until = at;
      periods.push({ customerId: event.data.toCustomerId, from: at, until: null });
    }
  }
  return periods;
}

/** The parts of `[from, to]` that lie in the periods of `customerId`, in time order. */
export function windowsOwnedBy(
  periods: readonly OwnershipPeriod[],
  customerId: string,
  from: Date,
  to: Date,
): Array<{ from: Date; to: Date }> {
  const windows: Array<{ from: Date; to: Date }> = [];
  for (const period of periods) {
    if (period.customerId !== customerId) continue;
    const start = period.from && period.from > from ? period.from : from;
    // `until` is excluded: the reassignment's own instant belongs to the next owner.
    const end = period.until && period.until.getTime() - 1 < to.getTime() ? new Date(period.until.getTime() - 1) : to;
    if (start <= end) windows.push({ from: start, to: end });
  }
  return windows;
}
