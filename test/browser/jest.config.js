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
  maxWorkers: 1,
  testTimeout: 60000,
};
