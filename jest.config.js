/**
 * Without TEST_DATABASE_URL the suite runs on one embedded PostgreSQL that is only correct with a single
 * connection, so test files run one at a time; with a real server they run in parallel.
 */
const transform = {
  '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
};
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Browser end-to-end tests run separately: `npm run test:browser` (test/browser/jest.config.js).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/'],
  transform,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  maxWorkers: process.env.TEST_DATABASE_URL ? 2 : 1,
  testTimeout: 30000,
};
