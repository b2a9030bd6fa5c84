import { isIP } from 'node:net';
import { z } from 'zod';
import { passwordWeaknesses } from './auth/passwords';

/** The only module that reads process.env; everything else receives a parsed, frozen Config. */

const booleanFromString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const durationPattern = /^\d+\s*(s|m|h|d)?$/;

const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ error: `must be a whole number from ${min} to ${max}` })
    .int(`must be a whole number from ${min} to ${max}`)
    .min(min, `must be a whole number from ${min} to ${max}`)
    .max(max, `must be a whole number from ${min} to ${max}`);

/** The sign-in delay never exceeds this, whatever the configuration: it slows guessing, it must not lock anyone out. */
export const MAX_LOGIN_DELAY_MS = 2000;

/** Variables that were renamed or removed: setting one stops the start with a pointer to what replaced it. */
const RETIRED_VARIABLES: Record<string, string> = {
  LOGIN_RATE_LIMIT_PER_ACCOUNT:
    'no longer used: failures are now limited per account and client address pair (LOGIN_PAIR_MAX_FAILURES); an account is never locked for everyone',
  LOGIN_RATE_LIMIT_PER_IP: 'no longer used: see LOGIN_ADDRESS_MAX_FAILURES_PER_DAY',
  LOGIN_RATE_LIMIT_WINDOW_SECONDS: 'no longer used: see LOGIN_FAILURE_WINDOW_SECONDS',
};

const TRUST_PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** One entry of a trust-proxy list: a name Express knows, an address, or a subnet (CIDR or address/netmask). */
function isTrustProxyEntry(entry: string): boolean {
  if (TRUST_PROXY_NAMES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  if (rest.length > 0 || isIP(address) === 0) return false;
  if (prefix === undefined) return true;
  const maxBits = isIP(address) === 4 ? 32 : 128;
  return (/^\d{1,3}$/.test(prefix) && Number(prefix) <= maxBits) || isIP(prefix) === isIP(address);
}

/**
 * Express's `trust proxy`: `true`/`false`, a number of proxy hops, or a comma-separated list of trusted proxy
 * addresses, subnets and names. Parsed here because Express reads a string such as "1" as the address 0.0.0.1
 * rather than as one hop, which would silently make every client look like the proxy.
 */
const trustProxySetting = z
  .string()
  .transform((value, ctx): TrustProxy => {
    const text = value.trim().toLowerCase();
    if (text === 'true') return true;
    if (text === 'false') return false;
    if (/^\d+$/.test(text)) return Number(text);
    const entries = text.split(',').map((entry) => entry.trim());
    const bad = entries.filter((entry) => !isTrustProxyEntry(entry));
    if (bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `must be true, false, a number of proxy hops, or a comma-separated list of addresses, subnets (CIDR) or loopback/linklocal/uniquelocal; not understood: ${bad.join(', ')}`,
      });
      return z.NEVER;
    }
    return entries;
  })
  .optional();

export type TrustProxy = boolean | number | string[];

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: wholeNumber(0, 65535).default(3000),
  HOST: optionalString,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// connection URL')
      .optional(),
  ),
  MIGRATION_DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// connection URL')
      .optional(),
  ),
  DATABASE_POOL_SIZE: wholeNumber(1, 100).optional(),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  MIGRATE_ON_START: booleanFromString.default(true),
  SEED_DEMO_DATA: booleanFromString.default(true),
  ARTICLE_MAX_BYTES: wholeNumber(1024, 50 * 1024 * 1024).default(1024 * 1024),
  ARTICLE_MAX_CLAIMS: wholeNumber(1, 1_000_000).default(20_000),
  ORGANIZATION_NAME: z.string().trim().min(1).max(200).default('Checkmate Fact-Check Desk'),
  ORGANIZATION_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).default('https://checkmate.example'),
  PUBLIC_REPORT_BASE_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).default('https://checkmate.example/fact-checks'),
  CONSENSUS_RULE: z.enum(['majority', 'unanimous', 'editor']).default('majority'),
  REQUIRED_VERDICTS: z
    .string()
    .trim()
    .regex(/^(all|[1-9]\d{0,2})$/, 'must be "all" (every assigned reviewer) or a number from 1 to 999')
    .default('all')
    .transform((value) => (value === 'all' ? ('all' as const) : Number(value))),
  JWT_SECRET: optionalString,
  JWT_TTL: z
    .string()
    .trim()
    .regex(durationPattern, 'must be a number of seconds or a duration like 30m, 8h, 1d')
    .default('8h'),
  JWT_ISSUER: z.string().trim().min(1).default('checkmate'),
  JWT_AUDIENCE: z.string().trim().min(1).default('checkmate-api'),
  ADMIN_EMAIL: optionalString.pipe(z.email().optional()),
  ADMIN_PASSWORD: optionalString,
  TRUST_PROXY: optionalString.pipe(trustProxySetting),
  LOGIN_PAIR_MAX_FAILURES: wholeNumber(1, 1000).default(5),
  LOGIN_FAILURE_WINDOW_SECONDS: wholeNumber(1, 86_400).default(15 * 60),
  LOGIN_ADDRESS_MAX_FAILURES_PER_DAY: wholeNumber(1, 1_000_000).default(100),
  LOGIN_DELAY_STEP_MS: wholeNumber(0, MAX_LOGIN_DELAY_MS).default(250),
  LOGIN_DELAY_MAX_MS: wholeNumber(0, MAX_LOGIN_DELAY_MS).default(MAX_LOGIN_DELAY_MS),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  nodeEnv: Env['NODE_ENV'];
  port: number;
  host: string | undefined;
  logLevel: Env['LOG_LEVEL'];
  database:
    | {
        kind: 'external';
        url: string;
        /** The owner's connection, used only to apply migrations; DATABASE_URL unless MIGRATION_DATABASE_URL is set. */
        migrationUrl: string;
        poolSize: number;
      }
    | { kind: 'embedded'; dataDir: string; poolSize: 1 };
  dataDir: string;
  migrateOnStart: boolean;
  seedDemoData: boolean;
  articleMaxBytes: number;
  /** Most claims one article may split into: bounds what one import can cost. */
  articleMaxClaims: number;
  /** Who publishes the fact-checks, and where the public reports live (ClaimReview and annotation URLs). */
  publishing: { organisation: { name: string; url: string }; publicReportBaseUrl: string };
  review: {
    /** How the submitted verdicts agree into a consensus. */
    consensusRule: 'majority' | 'unanimous' | 'editor';
    /** Submitted verdicts that move a claim to awaiting approval: every assignee, or a number. */
    requiredVerdicts: 'all' | number;
  };
  jwt: {
    /** Undefined only on the embedded default, where a random secret is generated into DATA_DIR. */
    secret: string | undefined;
    ttlSeconds: number;
    issuer: string;
    audience: string;
  };
  bootstrapAdmin: { email: string; password: string } | undefined;
  trustProxy: TrustProxy | undefined;
  loginThrottle: {
    /** Consecutive failures of one account from one client address before that pair is refused. */
    pairMaxFailures: number;
    /** Failures older than this are forgotten; a refused pair waits this long after its last failure. */
    failureWindowSeconds: number;
    /** Failed or refused sign-ins one client address may make per day, across all accounts. */
    addressMaxFailuresPerDay: number;
    /** Added to every sign-in of an account per recent failure on it (from any address), up to delayMaxMs. */
    delayStepMs: number;
    delayMaxMs: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export const MIN_JWT_SECRET_BYTES = 32;

export function parseDuration(value: string): number {
  const match = /^(\d+)\s*(s|m|h|d)?$/.exec(value.trim());
  if (!match) throw new Error(`not a duration: ${value}`);
  const unitSeconds = { s: 1, m: 60, h: 3600, d: 86400 }[(match[2] ?? 's') as 's' | 'm' | 'h' | 'd'];
  return Number(match[1]) * unitSeconds;
}

/** Parses and checks the environment once; throws ConfigError naming every bad or missing variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = EnvSchema.safeParse(env);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  problems.push(...crossVariableProblems(env));
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const ttlSeconds = parseDuration(e.JWT_TTL);

  const config: Config = {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    database: e.DATABASE_URL
      ? {
          kind: 'external',
          url: e.DATABASE_URL,
          migrationUrl: e.MIGRATION_DATABASE_URL ?? e.DATABASE_URL,
          poolSize: e.DATABASE_POOL_SIZE ?? 10,
        }
      : { kind: 'embedded', dataDir: e.DATA_DIR, poolSize: 1 },
    dataDir: e.DATA_DIR,
    migrateOnStart: e.MIGRATE_ON_START,
    seedDemoData: e.SEED_DEMO_DATA,
    articleMaxBytes: e.ARTICLE_MAX_BYTES,
    articleMaxClaims: e.ARTICLE_MAX_CLAIMS,
    publishing: {
      organisation: { name: e.ORGANIZATION_NAME, url: e.ORGANIZATION_URL },
      publicReportBaseUrl: e.PUBLIC_REPORT_BASE_URL,
    },
    review: { consensusRule: e.CONSENSUS_RULE, requiredVerdicts: e.REQUIRED_VERDICTS },
    jwt: { secret: e.JWT_SECRET, ttlSeconds, issuer: e.JWT_ISSUER, audience: e.JWT_AUDIENCE },
    bootstrapAdmin: e.ADMIN_EMAIL && e.ADMIN_PASSWORD ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD } : undefined,
    trustProxy: e.TRUST_PROXY,
    loginThrottle: {
      pairMaxFailures: e.LOGIN_PAIR_MAX_FAILURES,
      failureWindowSeconds: e.LOGIN_FAILURE_WINDOW_SECONDS,
      addressMaxFailuresPerDay: e.LOGIN_ADDRESS_MAX_FAILURES_PER_DAY,
      delayStepMs: e.LOGIN_DELAY_STEP_MS,
      delayMaxMs: e.LOGIN_DELAY_MAX_MS,
    },
  };
  return deepFreeze(config);
}

/** Rules that involve several variables; they read the raw values so all problems are reported together. */
function crossVariableProblems(env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  const value = (name: string) => env[name]?.trim() || undefined;
  const databaseUrl = value('DATABASE_URL');
  const poolSize = Number(value('DATABASE_POOL_SIZE'));
  const secret = value('JWT_SECRET');
  const ttl = value('JWT_TTL');
  const adminEmail = value('ADMIN_EMAIL');
  const adminPassword = value('ADMIN_PASSWORD');

  for (const [name, replacement] of Object.entries(RETIRED_VARIABLES)) {
    if (value(name) !== undefined) problems.push(`${name}: ${replacement}`);
  }
  if (!databaseUrl && value('MIGRATION_DATABASE_URL')) {
    problems.push('MIGRATION_DATABASE_URL: only used with DATABASE_URL (the embedded database has no roles); set DATABASE_URL too');
  }
  if (!databaseUrl && poolSize > 1) {
    problems.push(
      'DATABASE_POOL_SIZE: the embedded database (used when DATABASE_URL is unset) is only correct with one connection; set it to 1 or set DATABASE_URL',
    );
  }
  if (databaseUrl && !secret) {
    problems.push('JWT_SECRET: required when DATABASE_URL is set (at least 32 bytes, e.g. `openssl rand -base64 48`)');
  }
  if (secret && Buffer.byteLength(secret, 'utf8') < MIN_JWT_SECRET_BYTES) {
    problems.push(`JWT_SECRET: must be at least ${MIN_JWT_SECRET_BYTES} bytes long`);
  }
  if (ttl && durationPattern.test(ttl)) {
    const seconds = parseDuration(ttl);
    if (seconds < 60 || seconds > 30 * 86400) problems.push('JWT_TTL: must be between 1 minute and 30 days');
  }
  if (Boolean(adminEmail) !== Boolean(adminPassword)) problems.push('ADMIN_EMAIL / ADMIN_PASSWORD: set both or neither');
  if (adminEmail && adminPassword) {
    const weaknesses = passwordWeaknesses(adminPassword, { email: adminEmail });
    if (weaknesses.length > 0) problems.push(`ADMIN_PASSWORD: too weak: it ${weaknesses.join('; it ')}`);
  }
  return problems;
}

function deepFreeze<T extends object>(value: T): Readonly<T> {
  for (const child of Object.values(value)) {
    if (child && typeof child === 'object') deepFreeze(child);
  }
  return Object.freeze(value);
}
