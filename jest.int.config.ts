import type { Config } from 'jest';
import { getJestProjectsAsync } from '@nx/jest';

/** Integration tests (`*.int.spec.ts`): one real PostgreSQL for the run, a database per test file. */
export default async (): Promise<Config> => ({
  projects: await getJestProjectsAsync(),
  globalSetup: '<rootDir>/tools/testing/postgres.global-setup.cjs',
  globalTeardown: '<rootDir>/tools/testing/postgres.global-teardown.cjs',
});
