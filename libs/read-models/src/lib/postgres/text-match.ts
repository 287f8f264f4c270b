import type { Pool } from 'pg';
import type { SqlParams } from './asset-filter';

/** Terms this long may also match a word one typo away; shorter ones only start words. */
const FUZZY_MIN_LENGTH = 4;

/**
 * The terms of `q` in the form `rm_asset_search.words` stores text: lower-cased, every run of
 * characters other than letters and digits turned into one space (`ABC-1` → `abc 1`). PostgreSQL
 * does it with the function that filled the table, so both sides agree on every character. A term
 * without a letter or digit has nothing to match and is dropped.
 */
export async function normaliseTerms(pool: Pool, q: string | undefined): Promise<string[]> {
  const terms = (q ?? '').split(/\s+/).filter((term) => term.length > 0);
  if (terms.length === 0) return [];
  const result = await pool.query<{ words: string }>('SELECT rm_search_words(term) AS words FROM unnest($1::text[]) AS term', [terms]);
  return result.rows.map((row) => row.words).filter((words) => words !== '');
}

/**
 * Every term must match (AND). A term matches when its words appear in one field in a row, the
 * last one as the start of a word (`abc 1` in `abc 123`); a one-word term of 4+ characters also
 * when a whole word is one typo away. Terms hold only letters, digits and single spaces, so they
 * go into LIKE and regular-expression patterns without escaping.
 */
export function textCondition(terms: string[], params: SqlParams): string | null {
  if (terms.length === 0) return null;
  const conditions = searchRowConditions(terms, params);
  // The matching ids as one array, not `id IN (…)`: the planner then looks them up in the primary
  // key, where for a term found in thousands of assets it would hash-join a scan of every asset.
  return `id = ANY(ARRAY(SELECT s.asset_id FROM rm_asset_search s WHERE ${conditions.join(' AND ')}))`;
}

/** The same rule as conditions on the search rows themselves (alias `s`), one per term. */
export function searchRowConditions(terms: string[], params: SqlParams): string[] {
  return terms.map((term) => termCondition(term, params));
}

function termCondition(term: string, params: SqlParams): string {
  const startsAWord = `s.words LIKE ${params.add(`% ${term}%`)}`;
  if (term.includes(' ') || [...term].length < FUZZY_MIN_LENGTH) return startsAWord;
  // The typo is looked for among the fleet's distinct words, not in every asset that shares half
  // of the term, and the words found select their assets through the word-set index (decision 035).
  const { head, tail } = oneTypoCandidates(term);
  const wordsOneTypoAway = `SELECT v.word FROM rm_search_vocabulary v
     WHERE (v.word LIKE ${params.add(`${head}%`)} OR v.word LIKE ${params.add(`%${tail}`)}) AND v.word ~ ${params.add(oneTypoPattern(term))}`;
  return `(${startsAWord} OR rm_search_word_set(s.words) && ARRAY(${wordsOneTypoAway}))`;
}

/**
 * One typo changes one place of a word (or two neighbouring ones, swapped), so either the
 * characters before the term's middle or those after it survive: a word one typo away starts
 * with `head` or ends with `tail`. Both are indexed LIKEs on the vocabulary, so only those
 * candidates are matched against the regular expression instead of every word of the fleet.
 */
export function oneTypoCandidates(term: string): { head: string; tail: string } {
  const chars = [...term];
  const middle = Math.floor((chars.length - 1) / 2);
  return { head: chars.slice(0, middle).join(''), tail: chars.slice(middle + 1).join('') };
}

/**
 * A regular expression for a word one typo from `term` (or equal to it): one character replaced,
 * left out, added, or two neighbours swapped, which is an optimal string alignment distance of at
 * most 1. Spelling out the variants lets PostgreSQL's regex engine check a word in one pass; a
 * distance function would be one call per candidate word.
 */
export function oneTypoPattern(term: string): string {
  const c = [...term];
  const before = (i: number): string => c.slice(0, i).join('');
  const after = (i: number): string => c.slice(i).join('');
  const variants = new Set<string>();
  for (let i = 0; i <= c.length; i++) {
    if (i < c.length) variants.add(before(i) + '.' + after(i + 1)); // replaced
    if (i < c.length) variants.add(before(i) + after(i + 1)); // left out
    variants.add(before(i) + '.' + after(i)); // added
    if (i + 1 < c.length) variants.add(before(i) + (c[i + 1] ?? '') + (c[i] ?? '') + after(i + 2)); // swapped
  }
  return `^(${[...variants].join('|')})$`;
}
