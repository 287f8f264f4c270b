import type { Config } from 'jest';
import { getJestProjectsAsync } from '@nx/jest';

/** Integration tests (`*.int.spec.ts`): one real PostgreSQL and one real Elasticsearch for the run, a database per test file. */
export default async (): Promise<Config> => ({
  projects: await getJestProjectsAsync(),
  globalSetup: '<rootDir>/tools/testing/global-setup.cjs',
  globalTeardown: '<rootDir>/tools/testing/global-teardown.cjs',
});
