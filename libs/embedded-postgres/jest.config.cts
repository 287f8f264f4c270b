module.exports = {
  displayName: 'embedded-postgres',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../coverage/libs/embedded-postgres',
  // Picks up plain *.spec.ts and the real-PostgreSQL *.int.spec.ts alike.
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  // Integration tests start real clusters (initdb alone takes seconds).
  testTimeout: 120_000,
};
