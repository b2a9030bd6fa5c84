import { ConfigError, loadConfig, parseDuration } from '../../src/config';

const SECRET = 'a-secret-that-is-at-least-thirty-two-bytes-long';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('needs nothing on the embedded default and applies documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      database: { kind: 'embedded', dataDir: './data', poolSize: 1 },
      migrateOnStart: true,
      articleMaxBytes: 1024 * 1024,
      jwt: { secret: undefined, ttlSeconds: 8 * 3600, issuer: 'checkmate', audience: 'checkmate-api' },
      bootstrapAdmin: undefined,
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.jwt)).toBe(true);
  });

  it('uses DATABASE_URL with a pool when given, with the JWT secret it requires', () => {
    const config = loadConfig({ DATABASE_URL: 'postgresql://u@db:5432/x', JWT_SECRET: SECRET, DATABASE_POOL_SIZE: '4', MIGRATE_ON_START: 'false' });
    expect(config.database).toEqual({
      kind: 'external',
      url: 'postgresql://u@db:5432/x',
      migrationUrl: 'postgresql://u@db:5432/x',
      poolSize: 4,
    });
    expect(config.migrateOnStart).toBe(false);
  });

  it.each([
    [{ DATABASE_URL: 'postgresql://db/x' }, 'JWT_SECRET: required when DATABASE_URL is set'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET: must be at least 32 bytes'],
    [{ DATABASE_POOL_SIZE: '5' }, 'DATABASE_POOL_SIZE: the embedded database'],
    [{ ADMIN_EMAIL: 'a@b.example' }, 'ADMIN_EMAIL / ADMIN_PASSWORD: set both or neither'],
    [{ ADMIN_EMAIL: 'boss@b.example', ADMIN_PASSWORD: 'password1234' }, 'ADMIN_PASSWORD: too weak'],
    [{ ADMIN_EMAIL: 'boss@b.example', ADMIN_PASSWORD: 'boss-is-the-best-1' }, 'must not contain your name or email'],
    [{ JWT_TTL: '10s' }, 'JWT_TTL: must be between 1 minute and 30 days'],
    [{ LOGIN_RATE_LIMIT_PER_ACCOUNT: '5' }, 'LOGIN_RATE_LIMIT_PER_ACCOUNT: no longer used'],
    [{ LOGIN_RATE_LIMIT_PER_IP: '20' }, 'LOGIN_RATE_LIMIT_PER_IP: no longer used: see LOGIN_ADDRESS_MAX_FAILURES_PER_DAY'],
    [{ LOGIN_RATE_LIMIT_WINDOW_SECONDS: '900' }, 'LOGIN_RATE_LIMIT_WINDOW_SECONDS: no longer used: see LOGIN_FAILURE_WINDOW_SECONDS'],
    [{ MIGRATION_DATABASE_URL: 'postgresql://owner@db/x' }, 'MIGRATION_DATABASE_URL: only used with DATABASE_URL'],
  ])('refuses %j naming the variable', (env, message) => {
    expect(problemsOf(env).join('\n')).toContain(message);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://db/x', JWT_SECRET: SECRET }, 'DATABASE_URL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ MIGRATE_ON_START: 'maybe' }, 'MIGRATE_ON_START'],
    [{ JWT_TTL: 'forever' }, 'JWT_TTL'],
    [{ ADMIN_EMAIL: 'not-an-email', ADMIN_PASSWORD: 'Some-Long-Pass-9' }, 'ADMIN_EMAIL'],
    [{ ARTICLE_MAX_BYTES: '10' }, 'ARTICLE_MAX_BYTES'],
    [{ LOGIN_PAIR_MAX_FAILURES: '0' }, 'LOGIN_PAIR_MAX_FAILURES'],
    [{ LOGIN_ADDRESS_MAX_FAILURES_PER_DAY: 'lots' }, 'LOGIN_ADDRESS_MAX_FAILURES_PER_DAY'],
    [{ LOGIN_FAILURE_WINDOW_SECONDS: '100000' }, 'LOGIN_FAILURE_WINDOW_SECONDS'],
    [{ LOGIN_DELAY_MAX_MS: '2001' }, 'LOGIN_DELAY_MAX_MS'],
    [{ LOGIN_DELAY_STEP_MS: '-1' }, 'LOGIN_DELAY_STEP_MS'],
    [{ TRUST_PROXY: 'yes please' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY'],
    [{ MIGRATION_DATABASE_URL: 'mysql://db/x', DATABASE_URL: 'postgresql://db/x', JWT_SECRET: SECRET }, 'MIGRATION_DATABASE_URL'],
  ])('reports a malformed %j under its name', (env, variable) => {
    const problems = problemsOf(env);
    expect(problems.some((p) => p.startsWith(`${variable}:`))).toBe(true);
  });

  it('lists every problem at once', () => {
    expect(problemsOf({ PORT: 'x', LOG_LEVEL: 'y' })).toHaveLength(2);
  });

  it('throttles sign-ins per account and address pair, per address per day, and delays by at most 2 s by default', () => {
    expect(loadConfig({}).loginThrottle).toEqual({
      pairMaxFailures: 5,
      failureWindowSeconds: 900,
      addressMaxFailuresPerDay: 100,
      delayStepMs: 250,
      delayMaxMs: 2000,
    });
  });

  it('migrates with MIGRATION_DATABASE_URL when given, and with DATABASE_URL otherwise', () => {
    const base = { DATABASE_URL: 'postgresql://app@db/x', JWT_SECRET: SECRET };
    expect(loadConfig(base).database).toMatchObject({ url: 'postgresql://app@db/x', migrationUrl: 'postgresql://app@db/x' });
    expect(loadConfig({ ...base, MIGRATION_DATABASE_URL: 'postgresql://owner@db/x' }).database).toMatchObject({
      url: 'postgresql://app@db/x',
      migrationUrl: 'postgresql://owner@db/x',
    });
  });

  it.each([
    ['1', 1],
    ['2', 2],
    ['true', true],
    ['false', false],
    ['loopback', ['loopback']],
    ['loopback, 10.0.0.0/8, 192.168.1.1, fd00::/8, 172.16.0.0/255.240.0.0', ['loopback', '10.0.0.0/8', '192.168.1.1', 'fd00::/8', '172.16.0.0/255.240.0.0']],
  ] as const)('reads TRUST_PROXY=%s as Express expects it (hops as a number, not the address 0.0.0.1)', (text, value) => {
    expect(loadConfig({ TRUST_PROXY: text }).trustProxy).toEqual(value);
  });

  it('accepts a strong bootstrap admin password', () => {
    const config = loadConfig({ ADMIN_EMAIL: 'Desk@News.example', ADMIN_PASSWORD: 'Tidal-Ledger-Quartz-42' });
    expect(config.bootstrapAdmin).toEqual({ email: 'Desk@News.example', password: 'Tidal-Ledger-Quartz-42' });
  });
});

describe('parseDuration', () => {
  it.each([
    ['90', 90],
    ['30m', 1800],
    ['8h', 28800],
    ['2d', 172800],
  ])('%s is %i seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });
});
