import type { Express } from 'express';
import { buildApp } from '../../src/app';
import { loadConfig, type Config } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createTestDatabase, type TestDatabase } from './db';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

export function testConfig(overrides: NodeJS.ProcessEnv = {}): Readonly<Config> {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: process.env.TEST_DATABASE_URL,
    JWT_SECRET: TEST_JWT_SECRET,
    // No sign-in delay unless a test is about it: the suite signs in a lot, often with wrong passwords.
    LOGIN_DELAY_STEP_MS: '0',
    ...overrides,
  });
}

export interface TestApp {
  app: Express;
  db: TestDatabase;
  config: Readonly<Config>;
  close(): Promise<void>;
}

/** The real HTTP app on a migrated schema of its own. */
export async function createTestApp(overrides: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = testConfig(overrides);
  // TEST_LOG_LEVEL=error shows server errors while debugging a test.
  const app = buildApp({ db, config, logger: createLogger((process.env.TEST_LOG_LEVEL as 'error' | undefined) ?? 'silent') });
  return { app, db, config, close: () => db.close() };
}
