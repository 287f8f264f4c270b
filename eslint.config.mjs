import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import { importRules } from './tools/eslint/import-rules.mjs';

/**
 * Beacon's lint rules. Module boundaries are enforced on two axes (docs/STYLE.md "Module boundaries"):
 * scope (server | dashboard | shared) and type (app | bench | tools | contracts | domain | data-access | util | testing);
 * the import rules (tools/eslint/import-rules.mjs) keep test helpers out of production code and
 * every project, bench/ and tools/ included, behind its public entry point.
 */
export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/test-results', '**/playwright-report', 'bench/results'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:dashboard', onlyDependOnLibsWithTags: ['scope:dashboard', 'scope:shared'] },
            { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:server', 'scope:shared'] },
            // The wire shapes depend on nothing, so the dashboard can take them without the server's rules (decision 031).
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:domain', 'type:contracts'] },
            {
              sourceTag: 'type:data-access',
              onlyDependOnLibsWithTags: ['type:data-access', 'type:domain', 'type:util', 'type:contracts', 'type:testing'],
            },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: [] },
            // The benchmarks and the workspace's scripts use libraries, never an app (which has no entry point).
            {
              sourceTag: 'type:bench',
              onlyDependOnLibsWithTags: ['type:data-access', 'type:domain', 'type:util', 'type:contracts', 'type:testing'],
            },
            { sourceTag: 'type:tools', onlyDependOnLibsWithTags: ['type:util'] },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:data-access', 'type:domain', 'type:util', 'type:contracts', 'type:testing'],
            },
          ],
        },
      ],
    },
  },
  ...importRules,
  {
    // Type-checked rules for TypeScript sources (docs/STYLE.md "TypeScript and lint").
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
    },
  },
];
