/**
 * `npm run test:browser`: the web desk end to end in headless Chromium (Debian's /usr/bin/chromium, driven by
 * playwright-core), against the real server on a throwaway embedded database. Kept out of `npm test`.
 */
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.browser.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  // One server for every file (started once: most of a run's fixed cost); files run one at a time on it.
  globalSetup: '<rootDir>/test/browser/global-setup.ts',
  globalTeardown: '<rootDir>/test/browser/global-teardown.ts',
  maxWorkers: 1,
  testTimeout: 60000,
};
