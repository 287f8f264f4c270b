/** Careful appends after a flush met a duplicate; the default of `DuplicateOutlook`. */
const CAREFUL_APPENDS = 100;

/**
 * Whether the next heartbeat append should expect duplicates (decision 044). Appends insert plainly
 * and fall back to checking row by row when the unique index refuses one, which costs that flush
 * the failed attempt. Duplicates come in runs (a phone re-sending its buffer, a feed repeating
 * positions it has not refreshed), so after an append met one, the next `carefulAppends` check row
 * by row at once; then plain inserts are tried again.
 */
export class DuplicateOutlook {
  private carefulLeft = 0;

  constructor(private readonly carefulAppends: number = CAREFUL_APPENDS) {}

  expectsDuplicates(): boolean {
    return this.carefulLeft > 0;
  }

  /** After each append: whether some of its rows were already stored. */
  appended(metDuplicates: boolean): void {
    if (metDuplicates) this.carefulLeft = this.carefulAppends;
    else if (this.carefulLeft > 0) this.carefulLeft--;
  }
}
