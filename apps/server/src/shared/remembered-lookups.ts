/**
 * Answers read from the event log, remembered by id for `trustMs` from the read's start and
 * dropped at once when news of the id arrives (`forget`) or may have been missed (`forgetAll`).
 * Copies of one lookup that arrive together share its read, and a read that began before a
 * forgetting does not remember what it read: it may predate the news. Beyond `maxRemembered` ids
 * it starts afresh, so ids sent at random cannot grow it without bound.
 */
export class RememberedLookups<V> {
  private readonly remembered = new Map<string, { value: V; checkedAt: number }>();
  private readonly lookingUp = new Map<string, Promise<V>>();
  /** Counts forgettings. */
  private generation = 0;

  constructor(
    private readonly trustMs: number,
    private readonly maxRemembered: number,
  ) {}

  /** The remembered answer while it is trusted (its `value` may itself be null), without a promise; else undefined. */
  recall(id: string, now = Date.now()): { value: V } | undefined {
    const entry = this.remembered.get(id);
    return entry && now - entry.checkedAt < this.trustMs ? entry : undefined;
  }

  /** The trusted answer, or `read`'s, shared with any lookup of the same id under way. */
  lookUp(id: string, read: (id: string) => Promise<V>, now = Date.now()): Promise<V> {
    const recalled = this.recall(id, now);
    if (recalled) return Promise.resolve(recalled.value);
    let lookup = this.lookingUp.get(id);
    if (!lookup) {
      const generation = this.generation;
      lookup = read(id)
        .then((value) => {
          if (generation === this.generation) {
            if (this.remembered.size >= this.maxRemembered) this.remembered.clear();
            this.remembered.set(id, { value, checkedAt: now });
          }
          return value;
        })
        .finally(() => this.lookingUp.delete(id));
      this.lookingUp.set(id, lookup);
    }
    return lookup;
  }

  forget(id: string): void {
    this.generation++;
    this.remembered.delete(id);
  }

  forgetAll(): void {
    this.generation++;
    this.remembered.clear();
  }
}
