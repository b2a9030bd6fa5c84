import type { Db } from '../../src/db/sql';
import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { buildApp } from '../../src/app';
import { purgeExpiredLoginFailures } from '../../src/auth/login-attempts.queries';
import { createPrismaClient } from '../../src/db/prisma';
import { createLogger } from '../../src/logger';
import { createTestApp, testConfig, TEST_JWT_SECRET, type TestApp } from '../support/app';
import { isEmbedded } from '../support/db';
import { createUser, DEFAULT_TEST_PASSWORD, type TestUser } from '../support/factories';

let t: TestApp;

beforeAll(async () => {
  // Generous limits: this app is shared by the whole file (all from one address), and the throttle itself is
  // tested further down on app instances of its own, each test from addresses of its own.
  t = await createTestApp({ LOGIN_PAIR_MAX_FAILURES: '100', LOGIN_ADDRESS_MAX_FAILURES_PER_DAY: '10000' });
});
afterAll(() => t.close());

const NEW_PASSWORD = 'Granite-Meadow-Quilt-58';
const NO_SUCH_USER_ID = '00000000-0000-4000-8000-000000000000';

const login = (email: string, password: string, app = t.app) =>
  request(app).post('/api/auth/login').send({ email, password });
const me = (auth: { Authorization: string }) => request(t.app).get('/api/auth/me').set(auth);
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Every key at any depth of a JSON value. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => [key, ...keysOf(child)]);
  }
  return [];
}

function expectNoSecrets(body: unknown, password: string) {
  expect(keysOf(body).filter((key) => /password|hash|tokenversion/i.test(key))).toEqual([]);
  const text = JSON.stringify(body);
  expect(text).not.toContain('scrypt$');
  expect(text).not.toContain(password);
}

function expectUnauthorized(res: request.Response, code: string) {
  expect(res.status).toBe(401);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.headers['www-authenticate']).toBe('Bearer');
  expect(res.body.error.code).toBe(code);
  expect(typeof res.body.error.message).toBe('string');
  expect(res.body).not.toHaveProperty('id');
}

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decodeSegment = (token: string, index: number) =>
  JSON.parse(Buffer.from(token.split('.')[index], 'base64url').toString('utf8')) as Record<string, unknown>;

/** A token with the claims given, signed HS256 with the test secret, issuer and audience unless overridden. */
function forge(claims: object, options: jwt.SignOptions = {}, secret: jwt.Secret = TEST_JWT_SECRET): string {
  const { issuer, audience } = testConfig().jwt;
  return jwt.sign(claims, secret, { algorithm: 'HS256', issuer, audience, expiresIn: 300, ...options });
}

describe('POST /api/auth/login', () => {
  it('signs in with email and password and returns a bearer token, its expiry and the user without secrets', async () => {
    const user = await createUser(t.db.prisma, { role: 'editor' });
    const before = Date.now();

    const res = await login(user.email, user.password);

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      token: expect.any(String),
      tokenType: 'Bearer',
      expiresAt: expect.any(String),
      user: { id: user.id, email: user.email, name: user.name, role: 'editor' },
    });
    expect(new Date(res.body.expiresAt).toISOString()).toBe(res.body.expiresAt);
    const expectedExpiry = before + t.config.jwt.ttlSeconds * 1000;
    expect(Math.abs(new Date(res.body.expiresAt).getTime() - expectedExpiry)).toBeLessThan(5_000);
    const claims = decodeSegment(res.body.token, 1);
    expect(claims).toMatchObject({ sub: user.id, tv: 0, iss: t.config.jwt.issuer, aud: t.config.jwt.audience });
    expect(claims.exp).toBe(new Date(res.body.expiresAt).getTime() / 1000);
    expectNoSecrets(res.body, user.password);
  });

  it('issues a token that authenticates the user', async () => {
    const user = await createUser(t.db.prisma);
    const { body } = await login(user.email, user.password);

    const res = await me(bearer(body.token));

    expect(res.status).toBe(200);
    expect(res.body.id).toBe(user.id);
  });

  it('matches the email case-insensitively and ignores surrounding spaces', async () => {
    const user = await createUser(t.db.prisma);

    const res = await login(`  ${user.email.toUpperCase()}  `, user.password);

    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: user.id, email: user.email });
  });

  it('gives a wrong password and an unknown email the same 401 answer', async () => {
    const user = await createUser(t.db.prisma);

    const wrongPassword = await login(user.email, 'Not-The-Right-Password-1');
    const unknownEmail = await login('nobody-here@desk.example', user.password);

    expectUnauthorized(wrongPassword, 'INVALID_CREDENTIALS');
    expectUnauthorized(unknownEmail, 'INVALID_CREDENTIALS');
    expect(wrongPassword.body.error.message).toBe(unknownEmail.body.error.message);
    expect(Object.keys(wrongPassword.body.error).sort()).toEqual(Object.keys(unknownEmail.body.error).sort());
    expect(wrongPassword.body).not.toHaveProperty('token');
  });

  it('refuses a deactivated user with the right password with the same 401 INVALID_CREDENTIALS', async () => {
    const user = await createUser(t.db.prisma, { active: false });
    const unknown = await login('nobody-at-all@desk.example', user.password);

    const res = await login(user.email, user.password);

    expectUnauthorized(res, 'INVALID_CREDENTIALS');
    expect(res.body.error.message).toBe(unknown.body.error.message);
    expect(res.body).not.toHaveProperty('token');
  });

  it.each([
    ['a missing email', { password: DEFAULT_TEST_PASSWORD }, 'body.email'],
    ['a missing password', { email: 'someone@desk.example' }, 'body.password'],
    ['an empty password', { email: 'someone@desk.example', password: '' }, 'body.password'],
    ['a malformed email', { email: 'not-an-email', password: DEFAULT_TEST_PASSWORD }, 'body.email'],
    ['an email of the wrong type', { email: 42, password: DEFAULT_TEST_PASSWORD }, 'body.email'],
    ['an extra field', { email: 'someone@desk.example', password: DEFAULT_TEST_PASSWORD, role: 'admin' }, 'body'],
  ])('rejects %s with 400 VALIDATION_FAILED', async (_label, payload, path) => {
    const res = await request(t.app).post('/api/auth/login').send(payload);

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(res.body).not.toHaveProperty('token');
  });

  it('rejects malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await request(t.app)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": "a@desk.example",');

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('MALFORMED_JSON');
  });

  it('rejects a text/plain body with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const user = await createUser(t.db.prisma);

    const res = await request(t.app)
      .post('/api/auth/login')
      .set('Content-Type', 'text/plain')
      .send(JSON.stringify({ email: user.email, password: user.password }));

    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(res.body).not.toHaveProperty('token');
  });

  it('stores a scrypt hash, never the plain password', async () => {
    const admin = await createUser(t.db.prisma, { role: 'admin' });
    const password = 'Velvet-Harbour-Signal-31';
    const created = await request(t.app)
      .post('/api/users')
      .set(admin.auth)
      .send({ email: 'hashed.one@desk.example', name: 'Hashed One', password, role: 'reviewer' });
    expect(created.status).toBe(201);

    const row = await t.db.prisma.user.findUniqueOrThrow({ where: { id: created.body.id } });

    expect(row.passwordHash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(row.passwordHash).not.toContain(password);
    expect((await login('hashed.one@desk.example', password)).status).toBe(200);
  });
});

describe('GET /api/auth/me', () => {
  it('returns the signed-in user without secrets', async () => {
    const user = await createUser(t.db.prisma, { role: 'reviewer' });

    const res = await me(user.auth);

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: user.id,
      email: user.email,
      name: user.name,
      role: 'reviewer',
      active: true,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expectNoSecrets(res.body, user.password);
  });
});

describe('token attacks', () => {
  let rsaPrivateKey: string;
  beforeAll(() => {
    rsaPrivateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  });

  interface Ctx {
    user: TestUser;
    admin: TestUser;
  }

  it('accepts a token forged with the right secret, algorithm, issuer, audience and claims (control)', async () => {
    const user = await createUser(t.db.prisma);

    const res = await me(bearer(forge({ sub: user.id, tv: 0 })));

    expect(res.status).toBe(200);
    expect(res.body.id).toBe(user.id);
  });

  it.each<[string, (ctx: Ctx) => Record<string, string>, string]>([
    ['no Authorization header', () => ({}), 'UNAUTHENTICATED'],
    ['a Basic scheme', () => ({ Authorization: 'Basic eHl6' }), 'INVALID_TOKEN'],
    ['"Bearer" without a token', () => ({ Authorization: 'Bearer' }), 'INVALID_TOKEN'],
    ['a token that is not a JWT', () => bearer('not-a-jwt'), 'INVALID_TOKEN'],
    [
      'alg "none" with an empty signature',
      ({ user }) => bearer(`${b64url({ alg: 'none', typ: 'JWT' })}.${user.token.split('.')[1]}.`),
      'INVALID_TOKEN',
    ],
    ['HS512 with the right secret', ({ user }) => bearer(forge({ sub: user.id, tv: 0 }, { algorithm: 'HS512' })), 'INVALID_TOKEN'],
    ['HS384 with the right secret', ({ user }) => bearer(forge({ sub: user.id, tv: 0 }, { algorithm: 'HS384' })), 'INVALID_TOKEN'],
    [
      'a payload whose sub was swapped to an admin, keeping the signature',
      ({ user, admin }) => {
        const [header, , signature] = user.token.split('.');
        const payload = { ...decodeSegment(user.token, 1), sub: admin.id };
        return bearer(`${header}.${b64url(payload)}.${signature}`);
      },
      'INVALID_TOKEN',
    ],
    [
      'the wrong secret',
      ({ user }) => bearer(forge({ sub: user.id, tv: 0 }, {}, 'another-secret-that-is-long-enough-for-hs256-xyz')),
      'INVALID_TOKEN',
    ],
    ['an expired token', ({ user }) => bearer(forge({ sub: user.id, tv: 0 }, { expiresIn: -10 })), 'TOKEN_EXPIRED'],
    ['the wrong issuer', ({ user }) => bearer(forge({ sub: user.id, tv: 0 }, { issuer: 'someone-else' })), 'INVALID_TOKEN'],
    ['the wrong audience', ({ user }) => bearer(forge({ sub: user.id, tv: 0 }, { audience: 'another-api' })), 'INVALID_TOKEN'],
    ['no tv claim', ({ user }) => bearer(forge({ sub: user.id })), 'INVALID_TOKEN'],
    ['a tv claim that is not an integer', ({ user }) => bearer(forge({ sub: user.id, tv: '0' })), 'INVALID_TOKEN'],
    ['no sub claim', () => bearer(forge({ tv: 0 })), 'INVALID_TOKEN'],
    ['the sub of a user that does not exist', () => bearer(forge({ sub: NO_SUCH_USER_ID, tv: 0 })), 'INVALID_TOKEN'],
    ['a sub that is not a UUID', () => bearer(forge({ sub: "1' OR '1'='1", tv: 0 })), 'INVALID_TOKEN'],
    [
      'a token without an expiry',
      ({ user }) => {
        const { issuer, audience } = testConfig().jwt;
        return bearer(jwt.sign({ sub: user.id, tv: 0 }, TEST_JWT_SECRET, { algorithm: 'HS256', issuer, audience }));
      },
      'INVALID_TOKEN',
    ],
  ])('rejects %s with 401, a JSON error and WWW-Authenticate: Bearer', async (_label, build, code) => {
    const ctx: Ctx = { user: await createUser(t.db.prisma), admin: await createUser(t.db.prisma, { role: 'admin' }) };

    const res = await request(t.app).get('/api/auth/me').set(build(ctx));

    expectUnauthorized(res, code);
  });

  it('accepts the Bearer scheme in any letter case, as HTTP allows', async () => {
    const user = await createUser(t.db.prisma);

    const res = await request(t.app).get('/api/auth/me').set('Authorization', `bearer ${user.token}`);

    expect(res.status).toBe(200);
    expect(res.body.id).toBe(user.id);
  });

  it('rejects a token signed RS256 with a generated RSA key with 401 INVALID_TOKEN', async () => {
    const user = await createUser(t.db.prisma);
    const token = forge({ sub: user.id, tv: 0 }, { algorithm: 'RS256' }, rsaPrivateKey);
    expect(decodeSegment(token, 0).alg).toBe('RS256');

    const res = await me(bearer(token));

    expectUnauthorized(res, 'INVALID_TOKEN');
  });

  it('rejects a forged token on a protected resource too, and grants nothing', async () => {
    const reviewer = await createUser(t.db.prisma);
    const admin = await createUser(t.db.prisma, { role: 'admin' });
    const [header, , signature] = reviewer.token.split('.');
    const tampered = `${header}.${b64url({ ...decodeSegment(reviewer.token, 1), sub: admin.id })}.${signature}`;

    const res = await request(t.app).patch(`/api/users/${reviewer.id}`).set(bearer(tampered)).send({ role: 'admin' });

    expectUnauthorized(res, 'INVALID_TOKEN');
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { id: reviewer.id } })).role).toBe('reviewer');
  });
});

describe('revocation', () => {
  it('revokes the old token after the user changes their password', async () => {
    const user = await createUser(t.db.prisma);
    const changed = await request(t.app)
      .post('/api/auth/password')
      .set(user.auth)
      .send({ currentPassword: user.password, newPassword: NEW_PASSWORD });
    expect(changed.status).toBe(200);

    const res = await me(user.auth);

    expectUnauthorized(res, 'TOKEN_REVOKED');
  });

  it("rejects a deactivated user's token at once with 401 ACCOUNT_DEACTIVATED", async () => {
    const admin = await createUser(t.db.prisma, { role: 'admin' });
    const user = await createUser(t.db.prisma);
    expect((await me(user.auth)).status).toBe(200);

    const deactivated = await request(t.app).patch(`/api/users/${user.id}`).set(admin.auth).send({ active: false });
    const res = await me(user.auth);

    expect(deactivated.status).toBe(200);
    expectUnauthorized(res, 'ACCOUNT_DEACTIVATED');
  });
});

describe('POST /api/auth/password', () => {
  const changePassword = (user: TestUser, body: object) =>
    request(t.app).post('/api/auth/password').set(user.auth).send(body);

  it('refuses a wrong current password with 403 CURRENT_PASSWORD_INCORRECT and changes nothing', async () => {
    const user = await createUser(t.db.prisma);
    const before = await t.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });

    const res = await changePassword(user, { currentPassword: 'Not-My-Password-123', newPassword: NEW_PASSWORD });

    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CURRENT_PASSWORD_INCORRECT');
    const after = await t.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.tokenVersion).toBe(before.tokenVersion);
    expect((await me(user.auth)).status).toBe(200);
  });

  it.each([
    ['that is too short', () => 'Sh0rt-pw!'],
    ['that is a common password', () => 'password1234'],
    ['that contains the local part of the email', (user: TestUser) => `X9!${user.email.split('@')[0]}`],
  ])('refuses a new password %s with 400 WEAK_PASSWORD and changes nothing', async (_label, newPassword) => {
    const user = await createUser(t.db.prisma);
    const before = await t.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });

    const res = await changePassword(user, { currentPassword: user.password, newPassword: newPassword(user) });

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('WEAK_PASSWORD');
    expect(res.body.error.details.length).toBeGreaterThan(0);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(
      res.body.error.details.map(() => 'body.newPassword'),
    );
    const after = await t.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.tokenVersion).toBe(before.tokenVersion);
    expect(await t.db.prisma.auditEvent.count({ where: { entityId: user.id } })).toBe(0);
  });

  it.each([
    ['a missing currentPassword', { newPassword: NEW_PASSWORD }, 'body.currentPassword'],
    ['a missing newPassword', { currentPassword: DEFAULT_TEST_PASSWORD }, 'body.newPassword'],
    ['an extra field', { currentPassword: DEFAULT_TEST_PASSWORD, newPassword: NEW_PASSWORD, userId: NO_SUCH_USER_ID }, 'body'],
  ])('rejects %s with 400 VALIDATION_FAILED', async (_label, payload, path) => {
    const user = await createUser(t.db.prisma);

    const res = await changePassword(user, payload);

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('requires a signed-in user', async () => {
    const res = await request(t.app)
      .post('/api/auth/password')
      .send({ currentPassword: DEFAULT_TEST_PASSWORD, newPassword: NEW_PASSWORD });

    expectUnauthorized(res, 'UNAUTHENTICATED');
  });

  it('changes the password, returns a new working token and bumps the token version', async () => {
    const user = await createUser(t.db.prisma);
    const before = await t.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });

    const res = await changePassword(user, { currentPassword: user.password, newPassword: NEW_PASSWORD });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', user: { id: user.id, email: user.email } });
    expect(res.body.token).not.toBe(user.token);
    expectNoSecrets(res.body, NEW_PASSWORD);
    const fresh = await me(bearer(res.body.token));
    expect(fresh.status).toBe(200);
    expect(fresh.body.id).toBe(user.id);
    const after = await t.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.tokenVersion).toBe(before.tokenVersion + 1);
    expect(after.passwordHash).not.toBe(before.passwordHash);
    expect(after.passwordHash).toMatch(/^scrypt\$/);
    expect(after.passwordHash).not.toContain(NEW_PASSWORD);
  });

  it('lets the user sign in with the new password and no longer with the old one', async () => {
    const user = await createUser(t.db.prisma);
    expect((await changePassword(user, { currentPassword: user.password, newPassword: NEW_PASSWORD })).status).toBe(200);

    const withNew = await login(user.email, NEW_PASSWORD);
    const withOld = await login(user.email, user.password);

    expect(withNew.status).toBe(200);
    expect(withNew.body.user.id).toBe(user.id);
    expectUnauthorized(withOld, 'INVALID_CREDENTIALS');
  });

  it('records a user.password_changed audit event by the user, without any password or hash', async () => {
    const user = await createUser(t.db.prisma);

    const res = await changePassword(user, { currentPassword: user.password, newPassword: NEW_PASSWORD });

    expect(res.status).toBe(200);
    const events = await t.db.prisma.auditEvent.findMany({ where: { entityType: 'user', entityId: user.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'user.password_changed',
      actorId: user.id,
      requestId: res.headers['x-request-id'],
      before: { email: user.email, name: user.name, role: user.role, active: true },
      after: { email: user.email, name: user.name, role: user.role, active: true },
      context: { passwordChanged: true },
    });
    const recorded = JSON.stringify([events[0].before, events[0].after]);
    expect(recorded).not.toContain('scrypt');
    expect(recorded).not.toContain(NEW_PASSWORD);
    expect(recorded).not.toContain(user.password);
  });
});

describe('login rate limiting', () => {
  /**
   * Counters live in the database, so tests stay apart by using accounts and client addresses of their own
   * (the address comes from X-Forwarded-For, trusted from one proxy hop: supertest plays the proxy).
   */
  const limitedApp = (overrides: NodeJS.ProcessEnv = {}, db: Db = t.db) =>
    buildApp({
      db,
      config: testConfig({
        TRUST_PROXY: '1',
        LOGIN_PAIR_MAX_FAILURES: '3',
        LOGIN_ADDRESS_MAX_FAILURES_PER_DAY: '6',
        ...overrides,
      }),
      logger: createLogger('silent'),
    });
  const WRONG = 'Wrong-Password-Guess-00';
  const WINDOW_SECONDS = testConfig().loginThrottle.failureWindowSeconds;
  let addresses = 0;
  /** A client address no other test uses (TEST-NET-3 and friends). */
  const newAddress = () => {
    addresses++;
    return `203.0.${Math.floor(addresses / 250)}.${(addresses % 250) + 1}`;
  };
  const loginFrom = (app: ReturnType<typeof limitedApp>, address: string, email: string, password: string) =>
    request(app).post('/api/auth/login').set('X-Forwarded-For', address).send({ email, password });
  async function failTimes(times: number, app: ReturnType<typeof limitedApp>, address: string, email: string) {
    const statuses = [];
    for (let i = 0; i < times; i++) statuses.push((await loginFrom(app, address, email, WRONG)).status);
    return statuses;
  }

  function expectRateLimited(res: request.Response, maxRetryAfter = WINDOW_SECONDS) {
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe('RATE_LIMITED');
    expect(res.body.error.requestId).toBe(res.headers['x-request-id']);
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(maxRetryAfter);
    expect(res.body).not.toHaveProperty('token');
  }

  it("refuses the (account, address) pair after 3 wrong passwords, even the right password from that address", async () => {
    const app = limitedApp();
    const user = await createUser(t.db.prisma);
    const attacker = newAddress();

    const failures = await failTimes(3, app, attacker, user.email);
    const refused = await loginFrom(app, attacker, user.email, user.password);

    expect(failures).toEqual([401, 401, 401]);
    expectRateLimited(refused);
  });

  it("never refuses the real user's right password from another address, however much an attacker failed", async () => {
    const app = limitedApp({ LOGIN_ADDRESS_MAX_FAILURES_PER_DAY: '1000' });
    const user = await createUser(t.db.prisma);
    const attacker = newAddress();
    const failures = await failTimes(20, app, attacker, user.email);
    expect(failures.slice(0, 3)).toEqual([401, 401, 401]);
    expect(new Set(failures.slice(3))).toEqual(new Set([429]));

    const realUser = await loginFrom(app, newAddress(), user.email, user.password);
    const attackerAgain = await loginFrom(app, attacker, user.email, user.password);

    expect(realUser.status).toBe(200);
    expect(realUser.body.user.id).toBe(user.id);
    expectRateLimited(attackerAgain);
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY trusts the proxy, so a client cannot pick a fresh address per guess', async () => {
    // Every request then counts under supertest's own address, which the rest of this file uses too: no daily cap here.
    const app = limitedApp({ TRUST_PROXY: '', LOGIN_ADDRESS_MAX_FAILURES_PER_DAY: '10000' });
    const user = await createUser(t.db.prisma);

    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await loginFrom(app, newAddress(), user.email, WRONG)).status);
    const refused = await loginFrom(app, newAddress(), user.email, user.password);

    expect(statuses).toEqual([401, 401, 401]);
    expectRateLimited(refused);
  });

  it('gives each address its own count for the same account', async () => {
    const app = limitedApp();
    const user = await createUser(t.db.prisma);

    const fromA = await failTimes(3, app, newAddress(), user.email);
    const fromB = await failTimes(3, app, newAddress(), user.email);

    expect([...fromA, ...fromB]).toEqual([401, 401, 401, 401, 401, 401]);
  });

  it('counts the pair whatever the case and spacing of the email', async () => {
    const app = limitedApp();
    const user = await createUser(t.db.prisma);
    const address = newAddress();

    const failures = [];
    for (const email of [user.email, user.email.toUpperCase(), ` ${user.email} `]) {
      failures.push((await loginFrom(app, address, email, WRONG)).status);
    }
    const refused = await loginFrom(app, address, user.email, user.password);

    expect(failures).toEqual([401, 401, 401]);
    expectRateLimited(refused);
  });

  it('resets the pair after a successful sign-in', async () => {
    const app = limitedApp();
    const user = await createUser(t.db.prisma);
    const address = newAddress();

    const statuses = await failTimes(2, app, address, user.email);
    statuses.push((await loginFrom(app, address, user.email, user.password)).status);
    statuses.push(...(await failTimes(3, app, address, user.email)));
    const refused = await loginFrom(app, address, user.email, WRONG);

    expect(statuses).toEqual([401, 401, 200, 401, 401, 401]);
    expectRateLimited(refused);
  });

  it('caps the failures of one client address per day across accounts, known or not; other addresses are unaffected', async () => {
    const app = limitedApp();
    const users = await Promise.all([1, 2, 3].map(() => createUser(t.db.prisma)));
    const emails = [...users.map((u) => u.email), 'ghost-1@desk.example', 'ghost-2@desk.example', 'ghost-3@desk.example'];
    const fresh = await createUser(t.db.prisma);
    const sprayer = newAddress();

    const failures = [];
    for (const email of emails) failures.push((await loginFrom(app, sprayer, email, WRONG)).status);
    const refused = await loginFrom(app, sprayer, fresh.email, fresh.password);
    const elsewhere = await loginFrom(app, newAddress(), fresh.email, fresh.password);

    expect(failures).toEqual([401, 401, 401, 401, 401, 401]);
    expectRateLimited(refused, 86_400);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(WINDOW_SECONDS);
    expect(elsewhere.status).toBe(200);
  });

  it('does not count successful sign-ins against the client address', async () => {
    const app = limitedApp();
    const user = await createUser(t.db.prisma);
    const address = newAddress();

    const statuses = [];
    for (let i = 0; i < 8; i++) statuses.push((await loginFrom(app, address, user.email, user.password)).status);

    expect(statuses).toEqual(Array(8).fill(200));
  });

  it('counts a burst of parallel guesses atomically: no more than the limit get to try a password', async () => {
    const app = limitedApp({ LOGIN_ADDRESS_MAX_FAILURES_PER_DAY: '1000' });
    const user = await createUser(t.db.prisma);
    const address = newAddress();

    const statuses = (await Promise.all(Array.from({ length: 12 }, () => loginFrom(app, address, user.email, WRONG)))).map(
      (res) => res.status,
    );

    expect(statuses.filter((status) => status === 401)).toHaveLength(3);
    expect(statuses.filter((status) => status === 429)).toHaveLength(9);
  });

  it('shares the counts between two instances of the service over the same database', async () => {
    // A second connection pool where the database allows it (the embedded one is only correct with one).
    const second = isEmbedded() ? undefined : createPrismaClient({ url: t.db.url, schema: t.db.schema, poolSize: 2 });
    try {
      const [one, two] = [limitedApp(), limitedApp({}, second ?? t.db)];
      const user = await createUser(t.db.prisma);
      const address = newAddress();

      const failures = [
        (await loginFrom(one, address, user.email, WRONG)).status,
        (await loginFrom(two, address, user.email, WRONG)).status,
        (await loginFrom(one, address, user.email, WRONG)).status,
      ];
      const refusedByTwo = await loginFrom(two, address, user.email, user.password);
      const refusedByOne = await loginFrom(one, address, user.email, user.password);

      expect(failures).toEqual([401, 401, 401]);
      expectRateLimited(refusedByTwo);
      expectRateLimited(refusedByOne);
    } finally {
      await second?.close();
    }
  });

  it('forgets failures once the window has passed', async () => {
    const app = limitedApp({ LOGIN_FAILURE_WINDOW_SECONDS: '1' });
    const user = await createUser(t.db.prisma);
    const address = newAddress();
    expect(await failTimes(3, app, address, user.email)).toEqual([401, 401, 401]);
    const refused = await loginFrom(app, address, user.email, user.password);
    expectRateLimited(refused, 1);

    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const later = await loginFrom(app, address, user.email, user.password);

    expect(later.status).toBe(200);
  });

  it('treats a wrong current password on POST /api/auth/password as a failed sign-in of that pair', async () => {
    const app = limitedApp();
    const user = await createUser(t.db.prisma);
    const [thief, owner] = [newAddress(), newAddress()];
    const change = (address: string, currentPassword: string) =>
      request(app)
        .post('/api/auth/password')
        .set(user.auth)
        .set('X-Forwarded-For', address)
        .send({ currentPassword, newPassword: NEW_PASSWORD });

    const failures = [];
    for (let i = 0; i < 3; i++) failures.push((await change(thief, WRONG)).status);
    const refused = await change(thief, user.password);
    const signInElsewhere = await loginFrom(app, owner, user.email, user.password);
    const changedElsewhere = await change(owner, user.password);

    expect(failures).toEqual([403, 403, 403]);
    expectRateLimited(refused);
    expect(signInElsewhere.status).toBe(200);
    expect(changedElsewhere.status).toBe(200);
  });

  it('slows guessing one account from many addresses by a delay that grows with its failures, stays bounded and never refuses', async () => {
    const STEP = 120;
    const MAX = 360;
    const app = limitedApp({ LOGIN_DELAY_STEP_MS: String(STEP), LOGIN_DELAY_MAX_MS: String(MAX) });
    const user = await createUser(t.db.prisma);
    const timed = async (password: string) => {
      const started = performance.now();
      const res = await loginFrom(app, newAddress(), user.email, password);
      return { status: res.status, ms: performance.now() - started };
    };

    const guesses = [];
    for (let i = 0; i < 6; i++) guesses.push(await timed(WRONG));
    const realUser = await timed(user.password);

    // Each guess comes from a fresh address, so none is refused; each waits STEP per earlier failure, up to MAX.
    expect(guesses.map((g) => g.status)).toEqual(Array(6).fill(401));
    const expectedDelays = [0, 120, 240, 360, 360, 360];
    guesses.forEach((guess, i) => expect(guess.ms).toBeGreaterThanOrEqual(expectedDelays[i] - 5));
    expect(guesses[0].ms).toBeLessThan(STEP + 1_000);
    expect(realUser.status).toBe(200);
    expect(realUser.ms).toBeGreaterThanOrEqual(MAX - 5);
    // Bounded: the capped delay plus the ordinary work of a sign-in (scrypt and a few queries), never more.
    expect(realUser.ms).toBeLessThan(MAX + 1_500);
  });
});

describe('sign-in counters in the database', () => {
  it('purges expired counters and keeps live ones', async () => {
    const past = new Date(Date.now() - 60_000);
    const future = new Date(Date.now() + 60_000);
    await t.db.prisma.loginFailurePair.createMany({
      data: [
        { account: 'purge-old@desk.example', clientAddress: '198.51.100.1', failures: 2, expiresAt: past },
        { account: 'purge-live@desk.example', clientAddress: '198.51.100.1', failures: 2, expiresAt: future },
      ],
    });
    await t.db.prisma.loginFailureAddress.create({ data: { clientAddress: '198.51.100.2', failures: 9, expiresAt: past } });
    await t.db.prisma.loginFailureAccount.create({ data: { account: 'purge-old@desk.example', failures: 9, expiresAt: past } });

    const deleted = await purgeExpiredLoginFailures(t.db.prisma);

    expect(deleted).toBeGreaterThanOrEqual(3);
    expect(await t.db.prisma.loginFailurePair.findMany({ where: { account: { startsWith: 'purge-' } }, select: { account: true } })).toEqual([
      { account: 'purge-live@desk.example' },
    ]);
    expect(await t.db.prisma.loginFailureAddress.count({ where: { clientAddress: '198.51.100.2' } })).toBe(0);
    expect(await t.db.prisma.loginFailureAccount.count({ where: { account: 'purge-old@desk.example' } })).toBe(0);
  });

  it('treats an expired counter as absent, without waiting for the purge', async () => {
    const user = await createUser(t.db.prisma);
    const app = buildApp({
      db: t.db,
      config: testConfig({ TRUST_PROXY: 'loopback', LOGIN_PAIR_MAX_FAILURES: '3' }),
      logger: createLogger('silent'),
    });
    await t.db.prisma.loginFailurePair.create({
      data: { account: user.email, clientAddress: '198.51.100.3', failures: 50, expiresAt: new Date(Date.now() - 1_000) },
    });
    await t.db.prisma.loginFailureAddress.create({
      data: { clientAddress: '198.51.100.3', failures: 1_000_000, expiresAt: new Date(Date.now() - 1_000) },
    });

    const res = await request(app)
      .post('/api/auth/login')
      .set('X-Forwarded-For', '198.51.100.3')
      .send({ email: user.email, password: user.password });

    expect(res.status).toBe(200);
  });
});
