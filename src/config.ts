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
  DATABASE_POOL_SIZE: wholeNumber(1, 100).optional(),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  MIGRATE_ON_START: booleanFromString.default(true),
  SEED_DEMO_DATA: booleanFromString.default(true),
  ARTICLE_MAX_BYTES: wholeNumber(1024, 50 * 1024 * 1024).default(1024 * 1024),
  ARTICLE_MAX_CLAIMS: wholeNumber(1, 1_000_000).default(20_000),
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
  TRUST_PROXY: optionalString,
  LOGIN_RATE_LIMIT_PER_ACCOUNT: wholeNumber(1, 1_000_000).default(5),
  LOGIN_RATE_LIMIT_PER_IP: wholeNumber(1, 1_000_000).default(20),
  LOGIN_RATE_LIMIT_WINDOW_SECONDS: wholeNumber(1, 86_400).default(15 * 60),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  nodeEnv: Env['NODE_ENV'];
  port: number;
  host: string | undefined;
  logLevel: Env['LOG_LEVEL'];
  database:
    | { kind: 'external'; url: string; poolSize: number }
    | { kind: 'embedded'; dataDir: string; poolSize: 1 };
  dataDir: string;
  migrateOnStart: boolean;
  seedDemoData: boolean;
  articleMaxBytes: number;
  /** Most claims one article may split into: bounds what one import can cost. */
  articleMaxClaims: number;
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
  trustProxy: string | undefined;
  loginRateLimit: { perAccount: number; perIp: number; windowSeconds: number };
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
      ? { kind: 'external', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE ?? 10 }
      : { kind: 'embedded', dataDir: e.DATA_DIR, poolSize: 1 },
    dataDir: e.DATA_DIR,
    migrateOnStart: e.MIGRATE_ON_START,
    seedDemoData: e.SEED_DEMO_DATA,
    articleMaxBytes: e.ARTICLE_MAX_BYTES,
    articleMaxClaims: e.ARTICLE_MAX_CLAIMS,
    review: { consensusRule: e.CONSENSUS_RULE, requiredVerdicts: e.REQUIRED_VERDICTS },
    jwt: { secret: e.JWT_SECRET, ttlSeconds, issuer: e.JWT_ISSUER, audience: e.JWT_AUDIENCE },
    bootstrapAdmin: e.ADMIN_EMAIL && e.ADMIN_PASSWORD ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD } : undefined,
    trustProxy: e.TRUST_PROXY,
    loginRateLimit: {
      perAccount: e.LOGIN_RATE_LIMIT_PER_ACCOUNT,
      perIp: e.LOGIN_RATE_LIMIT_PER_IP,
      windowSeconds: e.LOGIN_RATE_LIMIT_WINDOW_SECONDS,
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
