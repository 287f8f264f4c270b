/**
 * Where code may import from, beyond the project graph that `@nx/enforce-module-boundaries` checks.
 * The globs are from the repository root (`basePath`), so they hold whichever project's config
 * imports them.
 */
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** Every file ESLint reads in Beacon. */
const CODE = ['**/*.ts', '**/*.js', '**/*.mjs', '**/*.cjs'];

/**
 * Test code: specs (unit, integration, fault), test helpers (any `testing/` folder, fixtures), jest's
 * setup and configuration, the browser tests (e2e/) and the benchmarks (bench/).
 */
const TEST_CODE = [
  '**/*.spec.ts',
  '**/testing/**',
  'libs/testing/**',
  '**/*.fixture.ts',
  '**/fixtures/**',
  '**/test-setup.ts',
  '**/jest.config.*',
  'jest.*.ts',
  'jest.preset.js',
  'e2e/**',
  'bench/**',
];

/** `@beacon/testing`, anything in a `testing/` folder (ours, Angular's, Nest's) and fixtures. */
const TEST_HELPERS = {
  regex: '^@beacon/testing(/|$)|(^|/)testing(/|$)|(^|/)fixtures?(/|$)|\\.fixture$',
  message:
    'Test helpers (@beacon/testing, testing/ folders, fixtures) are for test code only: *.spec.ts, testing/, jest setup, e2e/ and bench/.',
};

/**
 * A relative path that climbs out of its project into another (`../../libs/…`, `../../../apps/…`):
 * another project is used through its public entry point. @nx/enforce-module-boundaries also
 * refuses a relative path between two projects, but only in `import`s; this holds for `require()`
 * and `import()` too, and for bench/ and tools/.
 */
const CROSS_PROJECT = {
  regex: '^(\\.\\./)+(apps|libs|bench|tools|e2e)(/|$)',
  message: 'Another project is imported through its public entry point (@beacon/<name>), never by a relative path.',
};

/** A file inside a project (`@beacon/read-models/src/lib/…`): only the entry point is public. */
const INSIDE_A_PROJECT = {
  regex: '^@beacon/[^/]+/',
  message: 'A project is imported through its public entry point (@beacon/<name>), never a file inside it.',
};

/**
 * The rules no-restricted-imports applies to `import`, applied to `require()` and `import()` too
 * (the .cjs and .mjs scripts load modules so). esquery's regular expressions cannot hold a `/`.
 */
function restrictedCalls(patterns) {
  return patterns.flatMap(({ regex, message }) => {
    const pattern = regex.replaceAll('/', '\\x2F');
    return [
      { selector: `CallExpression[callee.name='require'] > Literal.arguments[value=/${pattern}/]`, message },
      { selector: `ImportExpression > Literal.source[value=/${pattern}/]`, message },
    ];
  });
}

function restrictImports(patterns) {
  return {
    'no-restricted-imports': ['error', { patterns }],
    'no-restricted-syntax': ['error', ...restrictedCalls(patterns)],
  };
}

/**
 * All code, bench/ and tools/ included, reaches another project only through its entry point, and
 * production code never imports a test helper. One config object per set of files, each listing
 * every rule for them: a later object's no-restricted-imports replaces an earlier one's.
 */
export const importRules = [
  {
    basePath: ROOT,
    files: CODE,
    rules: restrictImports([CROSS_PROJECT, INSIDE_A_PROJECT]),
  },
  {
    basePath: ROOT,
    files: CODE,
    ignores: TEST_CODE,
    rules: restrictImports([CROSS_PROJECT, INSIDE_A_PROJECT, TEST_HELPERS]),
  },
];
