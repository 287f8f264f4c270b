import fc from 'fast-check';
import { oneTypoCandidates } from './text-match';

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '1'), minLength: 3, maxLength: 12 });

/** Every single typo of a word: one character inserted, deleted, replaced, or two neighbours swapped. */
const typoOf = fc
  .tuple(word, fc.nat(), fc.constantFrom('a', 'b', 'x'), fc.constantFrom('insert', 'delete', 'replace', 'swap'))
  .map(([original, at, char, typo]) => {
    const i = at % original.length;
    const typed = {
      insert: original.slice(0, i) + char + original.slice(i),
      delete: original.slice(0, i) + original.slice(i + 1),
      replace: original.slice(0, i) + char + original.slice(i + 1),
      swap: i + 1 < original.length ? original.slice(0, i) + original.charAt(i + 1) + original.charAt(i) + original.slice(i + 2) : original,
    }[typo];
    return { original, typed };
  })
  .filter(({ typed }) => typed.length >= 4);

describe('oneTypoCandidates', () => {
  it('never loses a word one typo away from the term: it starts with head or ends with tail', () => {
    fc.assert(
      fc.property(typoOf, ({ original, typed }) => {
        const { head, tail } = oneTypoCandidates(typed);
        expect(original.startsWith(head) || original.endsWith(tail)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('keeps both parts non-empty from 4 characters on, so each is an indexed LIKE', () => {
    expect(oneTypoCandidates('truk')).toEqual({ head: 't', tail: 'uk' });
    expect(oneTypoCandidates('tarctor')).toEqual({ head: 'tar', tail: 'tor' });
  });
});
