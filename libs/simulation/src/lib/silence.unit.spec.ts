import { seededRandom } from './random';
import { SILENT_SECONDS, Silence, TALKING_SECONDS } from './silence';

/** The lengths of the silent spells of a device over `seconds`, a second at a time. */
function silentSpells(silence: Silence, seconds: number): number[] {
  const spells: number[] = [];
  let current = 0;
  for (let s = 0; s < seconds; s++) {
    silence.advance(1);
    if (silence.isSilent) current++;
    else if (current > 0) {
      spells.push(current);
      current = 0;
    }
  }
  return spells;
}

describe('Silence', () => {
  it('keeps a device that does not go silent heard from all the time', () => {
    expect(silentSpells(new Silence(seededRandom(1), false), 3 * 3600)).toEqual([]);
  });

  it('silences a device for a minute to a few, and brings it back for a while before the next', () => {
    const spells = silentSpells(new Silence(seededRandom(2), true), 3 * 3600);
    expect(spells.length).toBeGreaterThan(5);
    for (const spell of spells) {
      expect(spell).toBeGreaterThanOrEqual(SILENT_SECONDS.min - 1);
      expect(spell).toBeLessThanOrEqual(SILENT_SECONDS.max + 1);
    }
    // Each device is heard from most of the time between its spells.
    expect(spells.reduce((sum, spell) => sum + spell, 0)).toBeLessThan(
      3 * 3600 * (SILENT_SECONDS.max / (SILENT_SECONDS.max + TALKING_SECONDS.min)),
    );
  });
});
