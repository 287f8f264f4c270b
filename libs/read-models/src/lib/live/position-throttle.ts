import type { LiveChange, PositionChange } from './live-change';

/**
 * At most one position per asset per `intervalMs`, for the whole stream: a position that comes
 * sooner waits, and is replaced by a newer one, until its asset's interval has passed; then the
 * newest is sent. Every client therefore gets at most one position per asset per interval, and the
 * last position of a burst is never lost. Throttling once for all clients, rather than per client,
 * keeps the cost per asset instead of per asset × client. Status changes pass at once. Each
 * position sent carries the one sent before it (`from`), for the bbox filter.
 */
export class PositionThrottle {
  private readonly lastSent = new Map<string, { at: number; lat: number; lon: number }>();
  private readonly waiting = new Map<string, PositionChange>();

  constructor(private readonly intervalMs = 1_000) {}

  /** The changes to send now; positions that must wait are kept for `due`. */
  admit(changes: LiveChange[], now: number): LiveChange[] {
    const admitted: LiveChange[] = [];
    for (const change of changes) {
      if (change.kind === 'status') admitted.push(change);
      else if (this.mayPass(change.assetId, now)) this.pass(change, now, admitted);
      else this.waiting.set(change.assetId, change);
    }
    return admitted;
  }

  /** Positions that waited and whose interval has passed by `now`. */
  due(now: number): PositionChange[] {
    const due: PositionChange[] = [];
    for (const [assetId, change] of this.waiting) {
      if (this.mayPass(assetId, now)) this.pass(change, now, due);
    }
    return due;
  }

  private mayPass(assetId: string, now: number): boolean {
    const last = this.lastSent.get(assetId);
    return last === undefined || now - last.at >= this.intervalMs;
  }

  private pass(change: PositionChange, now: number, into: LiveChange[]): void {
    this.waiting.delete(change.assetId);
    const last = this.lastSent.get(change.assetId);
    const { lat, lon } = change.position;
    this.lastSent.set(change.assetId, { at: now, lat, lon });
    into.push({ ...change, from: last ? { lat: last.lat, lon: last.lon } : null });
  }
}
