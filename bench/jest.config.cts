module.exports = {
  displayName: 'bench',
  preset: '../jest.preset.js',
  testEnvironment: 'node',
  // The harness's own logic (the report, the full run's plan, reading wrk); the benchmarks themselves run with `npm run bench`.
  testMatch: ['<rootDir>/{lib,report,benchmarks}/**/*.spec.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../coverage/bench',
};
