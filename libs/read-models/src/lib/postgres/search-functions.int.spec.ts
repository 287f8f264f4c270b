import { eventStoreMigrations, runMigrations } from '@beacon/event-store';
import { createTestDatabase, type TestDatabase } from '@beacon/testing';
import fc from 'fast-check';
import { Pool } from 'pg';
import { postgresReadModelMigrations } from './migrations';
import { SqlParams } from './asset-filter';
import { oneTypoPattern, textCondition } from './text-match';

let database: TestDatabase;
let pool: Pool;

beforeAll(async () => {
  database = await createTestDatabase();
  await runMigrations(database.url, [...eventStoreMigrations, ...postgresReadModelMigrations]);
  pool = new Pool({ connectionString: database.url, max: 2 });
});

afterAll(async () => {
  await pool.end();
  await database.drop();
});

/** Optimal string alignment distance (insert, delete, replace, swap neighbours), the plain way. */
function typos(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => d[i]?.[j] ?? Infinity;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

describe('oneTypoPattern', () => {
  it('matches a word exactly when its optimal string alignment distance to the term is at most 1', async () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'å'), minLength: 1, maxLength: 7 });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(word, word), { minLength: 200, maxLength: 200 }), async (pairs) => {
        const result = await pool.query<{ matches: boolean }>(
          `SELECT w ~ p AS matches FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(w, p, n) ORDER BY n`,
          [pairs.map(([w]) => w), pairs.map(([, t]) => oneTypoPattern(t))],
        );
        expect(result.rows.map((r) => r.matches)).toEqual(pairs.map(([w, t]) => typos(w, t) <= 1));
      }),
      { numRuns: 20 },
    );
  });
});

describe('rm_search_words', () => {
  it('lower-cases beyond ASCII and turns every run of other characters into one space', async () => {
    const result = await pool.query<{ words: string }>(
      `SELECT rm_search_words(v) AS words FROM unnest($1::text[]) WITH ORDINALITY AS t(v, n) ORDER BY n`,
      [['ÅKERI Väst-AB', '  ABC--123 ', 'EI.FMV/737', '---', 'Ωmega_Δ']],
    );
    expect(result.rows.map((r) => r.words)).toEqual(['åkeri väst ab', 'abc 123', 'ei fmv 737', '', 'ωmega δ']);
  });

  it('puts each field between bars, skipping the empty ones', async () => {
    const result = await pool.query<{ words: string }>(
      `SELECT rm_asset_search_words('VIN-1', NULL, 'Refrigerated truck', '--', 'Nordic AB') AS words`,
    );
    expect(result.rows[0]?.words).toBe('| vin 1 | refrigerated truck | nordic ab |');
  });
});

describe('rm_search_word_set', () => {
  it('lists the words of every field, and none for an asset without words', async () => {
    const result = await pool.query<{ some: string[]; none: string[] }>(
      `SELECT rm_search_word_set(rm_asset_search_words('VIN-1', NULL, 'Refrigerated truck', '--')) AS some,
              rm_search_word_set(rm_asset_search_words('--', NULL)) AS none`,
    );
    expect(result.rows[0]).toEqual({ some: ['vin', '1', 'refrigerated', 'truck'], none: [] });
  });
});

describe('textCondition', () => {
  /** The plan of a search by `terms`; sequential scans priced out, so the tables' size does not decide. */
  async function planOf(terms: string[]): Promise<string> {
    const params = new SqlParams();
    const sql = `EXPLAIN (COSTS OFF) SELECT id FROM rm_assets WHERE ${textCondition(terms, params)}`;
    const client = await pool.connect();
    try {
      await client.query('SET enable_seqscan = off');
      const result = await client.query<{ 'QUERY PLAN': string }>(sql, params.values);
      return result.rows.map((row) => row['QUERY PLAN']).join('\n');
    } finally {
      await client.query('RESET enable_seqscan');
      client.release();
    }
  }

  it('finds the words one typo away through the word-set index, and their assets by primary key', async () => {
    const plan = await planOf(['scxnia']);
    expect(plan).toMatch(/Bitmap Index Scan on rm_asset_search_word_set\s+Index Cond: \(rm_search_word_set\(words\) && /);
    expect(plan).toMatch(/Bitmap Index Scan on rm_asset_search_words_trgm\s+Index Cond: \(words ~~ '% scxnia%'::text\)/);
    // A bitmap or a plain index scan, as the planner prices them: either finds each id in the key.
    expect(plan).toMatch(/Index Scan (on|using) rm_assets_pkey.*\s+Index Cond: \(id = ANY /);
  });
});
