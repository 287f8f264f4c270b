/**
 * Deadlines bucketed by `slotMs`: scheduling is O(1) and a tick visits only the slots that came
 * due, however many assets there are. An asset moved to a later deadline keeps its old entry;
 * the caller checks the real deadline when a slot comes due, so stale entries cost one lookup.
 */
export class DeadlineWheel {
  private readonly slots = new Map<number, string[]>();
  private nextSlot: number;

  constructor(
    private readonly slotMs: number,
    now: number,
  ) {
    this.nextSlot = Math.floor(now / slotMs);
  }

  /** Comes due in the first tick at or after `deadline`. */
  schedule(id: string, deadline: number): void {
    const slot = Math.max(this.nextSlot, Math.ceil(deadline / this.slotMs));
    const entries = this.slots.get(slot);
    if (entries) entries.push(id);
    else this.slots.set(slot, [id]);
  }

  /** Every id whose slot lies at or before `now`, each slot once. */
  due(now: number): string[] {
    const last = Math.floor(now / this.slotMs);
    const due: string[] = [];
    for (; this.nextSlot <= last; this.nextSlot++) {
      const entries = this.slots.get(this.nextSlot);
      if (entries) {
        this.slots.delete(this.nextSlot);
        for (const id of entries) due.push(id);
      }
    }
    return due;
  }

  get size(): number {
    let size = 0;
    for (const entries of this.slots.values()) size += entries.length;
    return size;
  }
}
