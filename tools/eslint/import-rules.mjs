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
 * Production code never imports a test helper. One config object per set of files, each listing
 * every rule for them: a later object's no-restricted-imports replaces an earlier one's.
 */
export const importRules = [
  {
    basePath: ROOT,
    files: CODE,
    ignores: TEST_CODE,
    rules: restrictImports([TEST_HELPERS]),
  },
];
