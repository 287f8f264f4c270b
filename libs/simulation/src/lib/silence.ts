import type { Random } from './random';

/** How long a device that goes silent talks between silences, and how long each silence lasts. */
export const TALKING_SECONDS = { min: 2 * 60, max: 10 * 60 };
export const SILENT_SECONDS = { min: 60, max: 5 * 60 };

/**
 * Whether a device is heard from: most always are; one of the silent share loses its signal now and
 * then (a tunnel, a dead zone, a transponder switched off) for a minute or a few, then comes back.
 */
export class Silence {
  private silent = false;
  private secondsLeft: number;

  constructor(
    private readonly random: Random,
    readonly goesSilent: boolean,
  ) {
    this.secondsLeft = random.between(0, TALKING_SECONDS.max);
  }

  get isSilent(): boolean {
    return this.silent;
  }

  advance(seconds: number): void {
    if (!this.goesSilent) return;
    let left = seconds;
    while (left > 0) {
      const spent = Math.min(left, this.secondsLeft);
      this.secondsLeft -= spent;
      left -= spent;
      if (this.secondsLeft > 0) continue;
      this.silent = !this.silent;
      const span = this.silent ? SILENT_SECONDS : TALKING_SECONDS;
      this.secondsLeft = this.random.between(span.min, span.max);
    }
  }
}
