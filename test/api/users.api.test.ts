import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { Role } from '../../src/generated/prisma/enums';
import { createTestApp, type TestApp } from '../support/app';
import { createUser, type TestUser } from '../support/factories';
import { allPages, as } from '../support/http';

let t: TestApp;
let admin: TestUser;

beforeAll(async () => {
  // Generous login limits: several tests sign in on purpose, and the limiter is tested in auth.api.test.ts.
  t = await createTestApp({ LOGIN_PAIR_MAX_FAILURES: '100', LOGIN_ADDRESS_MAX_FAILURES_PER_DAY: '10000' });
  admin = await createUser(t.db.prisma, { role: 'admin' });
});
afterAll(() => t.close());

const STRONG_PASSWORD = 'Sturdy-Lantern-Orbit-42';
const OTHER_STRONG_PASSWORD = 'Copper-Tide-Whistle-19';
const NO_SUCH_USER_ID = '00000000-0000-4000-8000-000000000000';

const uniqueEmail = (prefix = 'new.hire') => `${prefix}.${randomBytes(4).toString('hex')}@desk.example`;
const newUser = (overrides: Record<string, unknown> = {}) => ({
  email: uniqueEmail(),
  name: 'New Hire',
  password: STRONG_PASSWORD,
  role: 'reviewer',
  ...overrides,
});

const asAdmin = {
  post: (path: string) => request(t.app).post(path).set(admin.auth),
  get: (path: string) => request(t.app).get(path).set(admin.auth),
  patch: (path: string) => request(t.app).patch(path).set(admin.auth),
};
const login = (email: string, password: string, app = t.app) =>
  request(app).post('/api/auth/login').send({ email, password });
const me = (auth: { Authorization: string }, app = t.app) => request(app).get('/api/auth/me').set(auth);

/** Every key at any depth of a JSON value. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => [key, ...keysOf(child)]);
  }
  return [];
}

function expectNoSecrets(value: unknown, ...passwords: string[]) {
  expect(keysOf(value).filter((key) => /hash|tokenversion|^password$/i.test(key))).toEqual([]);
  const text = JSON.stringify(value);
  expect(text).not.toContain('scrypt');
  for (const password of passwords) expect(text).not.toContain(password);
}

const auditOf = (prisma: TestApp['db']['prisma'], userId: string) =>
  prisma.auditEvent.findMany({ where: { entityType: 'user', entityId: userId }, orderBy: { occurredAt: 'asc' } });

describe('POST /api/users', () => {
  it('creates a user and answers 201 with a Location header and the user without secrets', async () => {
    const payload = newUser({ role: 'editor' });

    const res = await asAdmin.post('/api/users').send(payload);

    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/api/users/${res.body.id}`);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      email: payload.email,
      name: 'New Hire',
      role: 'editor',
      active: true,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(new Date(res.body.createdAt).toISOString()).toBe(res.body.createdAt);
    expectNoSecrets(res.body, STRONG_PASSWORD);
    const row = await t.db.prisma.user.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row).toMatchObject({ email: payload.email, name: 'New Hire', role: 'editor', active: true, tokenVersion: 0 });
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    expect(row.passwordHash).not.toContain(STRONG_PASSWORD);
  });

  it('stores the email trimmed and lowercase', async () => {
    const local = `Mixed.Case.${randomBytes(3).toString('hex')}`;

    const res = await asAdmin.post('/api/users').send(newUser({ email: `  ${local}@Desk.EXAMPLE ` }));

    expect(res.status).toBe(201);
    const expected = `${local.toLowerCase()}@desk.example`;
    expect(res.body.email).toBe(expected);
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { id: res.body.id } })).email).toBe(expected);
  });

  it('lets the new user sign in with the given password', async () => {
    const payload = newUser();
    const created = await asAdmin.post('/api/users').send(payload);
    expect(created.status).toBe(201);

    const res = await login(payload.email, STRONG_PASSWORD);

    expect(res.status).toBe(200);
    expect(res.body.user).toEqual({ id: created.body.id, email: payload.email, name: 'New Hire', role: 'reviewer' });
  });

  it.each([
    ['the same email', (email: string) => email],
    ['the same email in another case', (email: string) => email.toUpperCase()],
  ])('refuses %s twice with 409 EMAIL_TAKEN and writes nothing', async (_label, variant) => {
    const first = newUser();
    expect((await asAdmin.post('/api/users').send(first)).status).toBe(201);
    const users = await t.db.prisma.user.count();
    const events = await t.db.prisma.auditEvent.count();

    const res = await asAdmin.post('/api/users').send(newUser({ email: variant(first.email), name: 'Someone Else' }));

    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('EMAIL_TAKEN');
    expect(await t.db.prisma.user.count()).toBe(users);
    expect(await t.db.prisma.auditEvent.count()).toBe(events);
    expect(await t.db.prisma.user.count({ where: { email: first.email } })).toBe(1);
  });

  it.each([
    ['that is too short', { password: 'Sh0rt-pw!' }],
    ['that is a common password', { password: 'password1234' }],
    ['with too few different characters', { password: 'abababababababab' }],
    ['that contains the full name', { name: 'Marguerite Duval', password: '#1 marguerite duval!' }],
    ['that contains the local part of the email', { email: 'lindqvist@desk.example', password: 'XX-lindqvist-99' }],
  ])('refuses a password %s with 400 WEAK_PASSWORD and writes nothing', async (_label, overrides) => {
    const payload = newUser(overrides);
    const before = await t.db.prisma.user.count();

    const res = await asAdmin.post('/api/users').send(payload);

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('WEAK_PASSWORD');
    expect(res.body.error.details.length).toBeGreaterThan(0);
    for (const detail of res.body.error.details) expect(detail.path).toBe('body.password');
    expect(await t.db.prisma.user.count()).toBe(before);
    expect(await t.db.prisma.user.count({ where: { email: payload.email as string } })).toBe(0);
  });

  it.each([
    ['an invalid role', { role: 'boss' }, 'body.role'],
    ['a missing email', { email: undefined }, 'body.email'],
    ['a malformed email', { email: 'not-an-email' }, 'body.email'],
    ['a missing name', { name: undefined }, 'body.name'],
    ['a blank name', { name: '   ' }, 'body.name'],
    ['a missing password', { password: undefined }, 'body.password'],
    ['a missing role', { role: undefined }, 'body.role'],
    ['an unknown field', { active: false }, 'body'],
    ['a passwordHash field', { passwordHash: 'scrypt$1$1$1$AA$AA' }, 'body'],
  ])('rejects %s with 400 VALIDATION_FAILED and writes nothing', async (_label, overrides, path) => {
    const before = await t.db.prisma.user.count();

    const res = await asAdmin.post('/api/users').send(newUser(overrides));

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await t.db.prisma.user.count()).toBe(before);
  });

  it.each([
    ['a reviewer', 'reviewer'],
    ['an editor', 'editor'],
  ] as const)('forbids %s with 403 FORBIDDEN and writes nothing', async (_label, role) => {
    const caller = await createUser(t.db.prisma, { role });
    const before = await t.db.prisma.user.count();

    const res = await request(t.app).post('/api/users').set(caller.auth).send(newUser({ role: 'admin' }));

    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    expect(await t.db.prisma.user.count()).toBe(before);
  });

  it('requires a signed-in user with 401 UNAUTHENTICATED', async () => {
    const before = await t.db.prisma.user.count();

    const res = await request(t.app).post('/api/users').send(newUser());

    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(await t.db.prisma.user.count()).toBe(before);
  });
});

describe('GET /api/users', () => {
  // Other tests in this file add users too, so expectations are read from the database in the same test.
  const get = (path: string) => asAdmin.get(path);
  type Listed = { id: string; role: string; active: boolean; createdAt: string };
  const walk = async (query: string, limit: number) => {
    const { items } = await allPages<Listed>(as(t.app, admin), `/api/users?${query}`, limit);
    for (const item of items) expectNoSecrets(item);
    return items;
  };

  it('lists every user exactly once, oldest first, in keyset pages', async () => {
    await createUser(t.db.prisma, { role: 'editor' });
    await createUser(t.db.prisma, { active: false });
    const rows = await t.db.prisma.user.findMany({ select: { id: true } });

    const items = await walk('', 3);

    expect(items.map((u) => u.id).sort()).toEqual(rows.map((u) => u.id).sort());
    const created = items.map((u) => Date.parse(u.createdAt));
    expect(created).toEqual([...created].sort((a, b) => a - b));
  });

  it('answers 50 per page by default with a cursor to the next page', async () => {
    const total = await t.db.prisma.user.count();

    const res = await get('/api/users');

    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(Math.min(total, 50));
    expect(res.body.nextCursor === null).toBe(total <= 50);
  });

  type Made = 'activeEditor' | 'inactiveEditor' | 'inactiveReviewer';
  it.each<[string, { role?: Role; active?: boolean }, Made[]]>([
    ['role=editor', { role: 'editor' }, ['activeEditor', 'inactiveEditor']],
    ['active=false', { active: false }, ['inactiveEditor', 'inactiveReviewer']],
    ['role=editor&active=true', { role: 'editor', active: true }, ['activeEditor']],
    ['role=reviewer&active=false', { role: 'reviewer', active: false }, ['inactiveReviewer']],
    ['role=admin', { role: 'admin' }, []],
  ])('filters by %s', async (query, where, mustInclude) => {
    const made: Record<Made, TestUser> = {
      activeEditor: await createUser(t.db.prisma, { role: 'editor' }),
      inactiveEditor: await createUser(t.db.prisma, { role: 'editor', active: false }),
      inactiveReviewer: await createUser(t.db.prisma, { active: false }),
    };
    const expected = await t.db.prisma.user.findMany({ where, select: { id: true } });

    const items = await walk(query, 2);

    expect(items.map((u) => u.id).sort()).toEqual(expected.map((u) => u.id).sort());
    for (const item of items) expect(item).toMatchObject(where);
    const ids = new Set(items.map((u) => u.id));
    for (const [key, user] of Object.entries(made) as Array<[Made, TestUser]>) {
      expect([key, ids.has(user.id)]).toEqual([key, mustInclude.includes(key)]);
    }
  });

  it.each([['limit=0'], ['limit=201'], ['limit=abc'], ['page=2'], ['role=boss'], ['active=maybe']])(
    'rejects the bad query %s with 400 VALIDATION_FAILED',
    async (qs) => {
      const res = await get(`/api/users?${qs}`);

      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.details.map((d: { path: string }) => d.path).join(' ')).toContain('query');
    },
  );

  it('rejects a cursor that this list did not make with 400 INVALID_CURSOR', async () => {
    for (const cursor of ['garbage', Buffer.from('["articles:newest","2025-01-01T00:00:00.000Z","x"]').toString('base64url')]) {
      const res = await get(`/api/users?cursor=${cursor}`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('INVALID_CURSOR');
    }
  });
});

describe('GET /api/users/:id', () => {
  it('returns the user without secrets', async () => {
    const user = await createUser(t.db.prisma, { role: 'editor' });

    const res = await asAdmin.get(`/api/users/${user.id}`);

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: user.id,
      email: user.email,
      name: user.name,
      role: 'editor',
      active: true,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expectNoSecrets(res.body, user.password);
  });

  it.each([
    [NO_SUCH_USER_ID, 404, 'USER_NOT_FOUND'],
    ['not-a-uuid', 400, 'VALIDATION_FAILED'],
  ])('answers %s with %i %s', async (id, status, code) => {
    const res = await asAdmin.get(`/api/users/${id}`);

    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
  });
});

describe('who may manage users', () => {
  it.each([
    ['a reviewer', 'reviewer', 'get', '/api/users'],
    ['an editor', 'editor', 'get', '/api/users'],
    ['a reviewer', 'reviewer', 'get', '/api/users/:self'],
    ['an editor', 'editor', 'patch', '/api/users/:self'],
    ['a reviewer', 'reviewer', 'patch', '/api/users/:self'],
  ] as const)('forbids %s to %s %s with 403 FORBIDDEN', async (_label, role, method, path) => {
    const caller = await createUser(t.db.prisma, { role });

    const req = request(t.app)[method](path.replace(':self', caller.id)).set(caller.auth);
    const res = method === 'patch' ? await req.send({ role: 'admin' }) : await req;

    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { id: caller.id } })).role).toBe(role);
  });

  it.each([
    ['get', '/api/users'],
    ['get', `/api/users/${NO_SUCH_USER_ID}`],
    ['patch', `/api/users/${NO_SUCH_USER_ID}`],
  ] as const)('requires a signed-in user to %s %s', async (method, path) => {
    const res = await request(t.app)[method](path);

    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });
});

describe('PATCH /api/users/:id', () => {
  it('does not bring back tokens issued before a deactivation when the user is reactivated', async () => {
    const user = await createUser(t.db.prisma, { role: 'reviewer' });
    await asAdmin.patch(`/api/users/${user.id}`).send({ active: false }).expect(200);
    await asAdmin.patch(`/api/users/${user.id}`).send({ active: true }).expect(200);

    const stale = await request(t.app).get('/api/auth/me').set(user.auth);
    const fresh = await request(t.app).post('/api/auth/login').send({ email: user.email, password: user.password });

    expect(stale.status).toBe(401);
    expect(stale.body.error.code).toBe('TOKEN_REVOKED');
    expect(fresh.status).toBe(200);
  });

  it('renames a user and records user.updated with before and after', async () => {
    const user = await createUser(t.db.prisma, { role: 'editor', name: 'Old Name' });

    const res = await asAdmin.patch(`/api/users/${user.id}`).send({ name: '  New Name  ' });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: user.id, name: 'New Name', role: 'editor', active: true });
    expectNoSecrets(res.body, user.password);
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe('New Name');
    const events = await auditOf(t.db.prisma, user.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'user.updated',
      actorId: admin.id,
      requestId: res.headers['x-request-id'],
      before: { email: user.email, name: 'Old Name', role: 'editor', active: true },
      after: { email: user.email, name: 'New Name', role: 'editor', active: true },
    });
    expectNoSecrets([events[0].before, events[0].after], user.password);
  });

  it('changes a role and records user.role_changed', async () => {
    const user = await createUser(t.db.prisma, { role: 'reviewer' });

    const res = await asAdmin.patch(`/api/users/${user.id}`).send({ role: 'editor' });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: user.id, role: 'editor' });
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe('editor');
    const events = await auditOf(t.db.prisma, user.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'user.role_changed',
      actorId: admin.id,
      before: { role: 'reviewer', active: true },
      after: { role: 'editor', active: true },
    });
    expectNoSecrets([events[0].before, events[0].after], user.password);
  });

  it('deactivates a user: their token stops working at once, login fails, and user.deactivated is recorded', async () => {
    const user = await createUser(t.db.prisma);
    expect((await me(user.auth)).status).toBe(200);

    const res = await asAdmin.patch(`/api/users/${user.id}`).send({ active: false });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: user.id, active: false });
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).active).toBe(false);
    const withToken = await me(user.auth);
    expect(withToken.status).toBe(401);
    expect(withToken.body.error.code).toBe('ACCOUNT_DEACTIVATED');
    const signIn = await login(user.email, user.password);
    expect(signIn.status).toBe(401);
    expect(signIn.body.error.code).toBe('INVALID_CREDENTIALS');
    const events = await auditOf(t.db.prisma, user.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'user.deactivated',
      actorId: admin.id,
      before: { active: true },
      after: { active: false },
    });
    expectNoSecrets([events[0].before, events[0].after], user.password);
  });

  it('reactivates a user so they can sign in again, and records user.reactivated', async () => {
    const user = await createUser(t.db.prisma, { active: false });
    expect((await login(user.email, user.password)).status).toBe(401);

    const res = await asAdmin.patch(`/api/users/${user.id}`).send({ active: true });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: user.id, active: true });
    const signIn = await login(user.email, user.password);
    expect(signIn.status).toBe(200);
    expect(signIn.body.user.id).toBe(user.id);
    const events = await auditOf(t.db.prisma, user.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'user.reactivated',
      actorId: admin.id,
      before: { active: false },
      after: { active: true },
    });
  });

  it("resets a password: the user's tokens are revoked, only the new password works, and user.password_reset is recorded", async () => {
    const user = await createUser(t.db.prisma);

    const res = await asAdmin.patch(`/api/users/${user.id}`).send({ password: OTHER_STRONG_PASSWORD });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: user.id, active: true });
    expectNoSecrets(res.body, OTHER_STRONG_PASSWORD);
    const row = await t.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.tokenVersion).toBe(1);
    expect(row.passwordHash).not.toContain(OTHER_STRONG_PASSWORD);
    const oldToken = await me(user.auth);
    expect(oldToken.status).toBe(401);
    expect(oldToken.body.error.code).toBe('TOKEN_REVOKED');
    expect((await login(user.email, user.password)).status).toBe(401);
    const signIn = await login(user.email, OTHER_STRONG_PASSWORD);
    expect(signIn.status).toBe(200);
    expect((await me({ Authorization: `Bearer ${signIn.body.token}` })).status).toBe(200);
    const events = await auditOf(t.db.prisma, user.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'user.password_reset',
      actorId: admin.id,
      before: { email: user.email, name: user.name, role: 'reviewer', active: true },
      after: { email: user.email, name: user.name, role: 'reviewer', active: true },
      context: { passwordChanged: true },
    });
    expectNoSecrets([events[0].before, events[0].after], OTHER_STRONG_PASSWORD, user.password);
  });

  it('refuses a weak reset password with 400 WEAK_PASSWORD and keeps the old one', async () => {
    const user = await createUser(t.db.prisma);
    const before = await t.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });

    const res = await asAdmin.patch(`/api/users/${user.id}`).send({ password: 'password1234' });

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('WEAK_PASSWORD');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain('body.password');
    const after = await t.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ passwordHash: before.passwordHash, tokenVersion: 0 });
    expect((await me(user.auth)).status).toBe(200);
  });

  it.each([
    ['an empty body', {}, 'body'],
    ['an unknown field', { email: 'changed@desk.example' }, 'body'],
    ['a tokenVersion field', { tokenVersion: 5 }, 'body'],
    ['an invalid role', { role: 'boss' }, 'body.role'],
    ['a non-boolean active', { active: 'false' }, 'body.active'],
    ['a blank name', { name: '   ' }, 'body.name'],
    ['an empty password', { password: '' }, 'body.password'],
  ])('rejects %s with 400 VALIDATION_FAILED and changes nothing', async (_label, payload, path) => {
    const user = await createUser(t.db.prisma, { role: 'editor' });
    const before = await t.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });

    const res = await asAdmin.patch(`/api/users/${user.id}`).send(payload);

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await t.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toEqual(before);
    expect(await auditOf(t.db.prisma, user.id)).toEqual([]);
  });

  it.each([
    ['name', { name: 'Nobody' }],
    ['role', { role: 'editor' }],
    ['active flag', { active: false }],
    ['password', { password: OTHER_STRONG_PASSWORD }],
  ])('answers 404 USER_NOT_FOUND when changing the %s of an unknown user', async (_label, payload) => {
    const events = await t.db.prisma.auditEvent.count();

    const res = await asAdmin.patch(`/api/users/${NO_SUCH_USER_ID}`).send(payload);

    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('USER_NOT_FOUND');
    expect(await t.db.prisma.auditEvent.count()).toBe(events);
  });

  it('answers 400 VALIDATION_FAILED for an id that is not a UUID', async () => {
    const res = await asAdmin.patch('/api/users/42').send({ name: 'Whoever' });

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain('params.id');
  });
});

describe('roles are loaded on every request', () => {
  const article = () => {
    const tag = randomBytes(6).toString('hex');
    return { title: `Role check ${tag}`, body: `The mayor said ${tag} on Monday. Nobody disagreed.` };
  };

  it('lets a reviewer promoted to editor import an article with the same token', async () => {
    const user = await createUser(t.db.prisma, { role: 'reviewer' });
    const refused = await request(t.app).post('/api/articles').set(user.auth).send(article());
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');

    expect((await asAdmin.patch(`/api/users/${user.id}`).send({ role: 'editor' })).status).toBe(200);
    const res = await request(t.app).post('/api/articles').set(user.auth).send(article());

    expect(res.status).toBe(201);
    expect(await t.db.prisma.article.count({ where: { id: res.body.id, createdById: user.id } })).toBe(1);
  });

  it('forbids a demoted editor to import an article with the same token', async () => {
    const user = await createUser(t.db.prisma, { role: 'editor' });
    expect((await request(t.app).post('/api/articles').set(user.auth).send(article())).status).toBe(201);
    const before = await t.db.prisma.article.count();

    expect((await asAdmin.patch(`/api/users/${user.id}`).send({ role: 'reviewer' })).status).toBe(200);
    const res = await request(t.app).post('/api/articles').set(user.auth).send(article());

    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    expect(await t.db.prisma.article.count()).toBe(before);
  });

  it('takes user management away from a demoted admin at once', async () => {
    const other = await createUser(t.db.prisma, { role: 'admin' });
    expect((await request(t.app).get('/api/users').set(other.auth)).status).toBe(200);

    expect((await asAdmin.patch(`/api/users/${other.id}`).send({ role: 'editor' })).status).toBe(200);
    const res = await request(t.app).get('/api/users').set(other.auth);

    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
  });
});

describe('the last active admin', () => {
  // The file shares one database, so each test first deactivates every other admin and afterwards
  // reactivates them (straight in the database, as arrangement), leaving the shared admin usable.
  let deactivated: string[] = [];
  afterEach(async () => {
    await t.db.prisma.user.updateMany({ where: { id: { in: deactivated } }, data: { active: true } });
    deactivated = [];
  });

  /** An admin who is the only active admin (other active admins are deactivated until the test ends). */
  async function onlyActiveAdmin(): Promise<TestUser> {
    const others = await t.db.prisma.user.findMany({ where: { role: 'admin', active: true }, select: { id: true } });
    deactivated.push(...others.map((u) => u.id));
    await t.db.prisma.user.updateMany({ where: { id: { in: deactivated } }, data: { active: false } });
    const sole = await createUser(t.db.prisma, { role: 'admin' });
    await createUser(t.db.prisma, { role: 'admin', active: false });
    expect(await t.db.prisma.user.count({ where: { role: 'admin', active: true } })).toBe(1);
    return sole;
  }

  it.each([
    ['demote', { role: 'editor' }],
    ['deactivate', { active: false }],
  ])('refuses to let the only active admin %s themselves with 409 LAST_ADMIN and changes nothing', async (_label, payload) => {
    const sole = await onlyActiveAdmin();

    const res = await request(t.app).patch(`/api/users/${sole.id}`).set(sole.auth).send(payload);

    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('LAST_ADMIN');
    expect(await t.db.prisma.user.findUniqueOrThrow({ where: { id: sole.id } })).toMatchObject({ role: 'admin', active: true });
    expect(await auditOf(t.db.prisma, sole.id)).toEqual([]);
    expect((await request(t.app).get('/api/users').set(sole.auth)).status).toBe(200);
  });

  it('refuses a password-and-role change of the only active admin as a whole', async () => {
    const sole = await onlyActiveAdmin();
    const before = await t.db.prisma.user.findUniqueOrThrow({ where: { id: sole.id } });

    const res = await request(t.app)
      .patch(`/api/users/${sole.id}`)
      .set(sole.auth)
      .send({ role: 'reviewer', password: OTHER_STRONG_PASSWORD });

    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('LAST_ADMIN');
    expect(await t.db.prisma.user.findUniqueOrThrow({ where: { id: sole.id } })).toEqual(before);
  });

  it.each([
    ['demote', { role: 'editor' }, { role: 'editor', active: true }, 'user.role_changed'],
    ['deactivate', { active: false }, { role: 'admin', active: false }, 'user.deactivated'],
  ])('lets an admin %s themselves while another admin is active', async (_label, payload, expected, action) => {
    const self = await onlyActiveAdmin();
    await createUser(t.db.prisma, { role: 'admin' });

    const res = await request(t.app).patch(`/api/users/${self.id}`).set(self.auth).send(payload);

    expect(res.status).toBe(200);
    expect(await t.db.prisma.user.findUniqueOrThrow({ where: { id: self.id } })).toMatchObject(expected);
    expect((await auditOf(t.db.prisma, self.id)).map((e) => [e.action, e.actorId])).toEqual([[action, self.id]]);
  });

  it('lets an admin deactivate another admin while one active admin remains', async () => {
    const first = await onlyActiveAdmin();
    const second = await createUser(t.db.prisma, { role: 'admin' });

    const res = await request(t.app).patch(`/api/users/${second.id}`).set(first.auth).send({ active: false });

    expect(res.status).toBe(200);
    expect(await t.db.prisma.user.count({ where: { role: 'admin', active: true } })).toBe(1);
    const back = await request(t.app).patch(`/api/users/${first.id}`).set(first.auth).send({ role: 'editor' });
    expect(back.status).toBe(409);
    expect(back.body.error.code).toBe('LAST_ADMIN');
  });

  it('lets only one of two admins demoting each other at the same time succeed', async () => {
    const a = await onlyActiveAdmin();
    const b = await createUser(t.db.prisma, { role: 'admin' });

    const results = await Promise.all([
      request(t.app).patch(`/api/users/${b.id}`).set(a.auth).send({ role: 'editor' }),
      request(t.app).patch(`/api/users/${a.id}`).set(b.auth).send({ role: 'editor' }),
    ]);

    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    // The loser is refused either by the last-admin check or, if the winner committed before the loser's
    // request was authenticated, because the loser is no longer an admin.
    const refused = results.find((r) => r.status !== 200)!;
    expect([[409, 'LAST_ADMIN'], [403, 'FORBIDDEN']]).toContainEqual([refused.status, refused.body.error.code]);
    expect(await t.db.prisma.user.count({ where: { role: 'admin', active: true } })).toBe(1);
  });

  it('keeps exactly one active admin when four admins step down at the same time', async () => {
    const admins = [await onlyActiveAdmin()];
    for (let i = 0; i < 3; i++) admins.push(await createUser(t.db.prisma, { role: 'admin' }));

    const results = await Promise.all(
      admins.map((a, i) => request(t.app).patch(`/api/users/${a.id}`).set(a.auth).send(i % 2 ? { active: false } : { role: 'reviewer' })),
    );

    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 409]);
    expect(await t.db.prisma.user.count({ where: { role: 'admin', active: true } })).toBe(1);
  });
});

describe('audit trail of user management', () => {
  it('records user.created by the admin with the new values and no password or hash', async () => {
    const payload = newUser({ role: 'editor', name: 'Audited Hire' });

    const res = await asAdmin.post('/api/users').send(payload);

    expect(res.status).toBe(201);
    const events = await auditOf(t.db.prisma, res.body.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'user.created',
      actorId: admin.id,
      requestId: res.headers['x-request-id'],
      before: null,
      after: { email: payload.email, name: 'Audited Hire', role: 'editor', active: true },
    });
    expectNoSecrets([events[0].before, events[0].after], STRONG_PASSWORD);
  });

  it('keeps one event per change, none of them holding a password or hash', async () => {
    const payload = newUser({ name: 'Lifecycle Person' });
    const created = await asAdmin.post('/api/users').send(payload);
    const id = created.body.id as string;

    const steps = [{ name: 'Lifecycle Renamed' }, { role: 'editor' }, { password: OTHER_STRONG_PASSWORD }, { active: false }, { active: true }];
    for (const body of steps) expect((await asAdmin.patch(`/api/users/${id}`).send(body)).status).toBe(200);

    const events = await auditOf(t.db.prisma, id);
    expect(events.map((e) => e.action).sort()).toEqual(
      ['user.created', 'user.updated', 'user.role_changed', 'user.password_reset', 'user.deactivated', 'user.reactivated'].sort(),
    );
    expect(new Set(events.map((e) => e.actorId))).toEqual(new Set([admin.id]));
    for (const event of events) expectNoSecrets([event.before, event.after], STRONG_PASSWORD, OTHER_STRONG_PASSWORD);
  });
});

describe('GET /api/people (for editors)', () => {
  it('lists the active people with id, name and role only, filtered by role', async () => {
    const editorUser = await createUser(t.db.prisma, { role: 'editor' });
    const active = await createUser(t.db.prisma, { role: 'reviewer' });
    const inactive = await createUser(t.db.prisma, { role: 'reviewer', active: false });

    const { items } = await allPages<{ id: string; name: string; role: string }>(as(t.app, editorUser), '/api/people?role=reviewer', 50);

    const ids = items.map((p) => p.id);
    expect(ids).toContain(active.id);
    expect(ids).not.toContain(inactive.id);
    expect(items.every((p) => p.role === 'reviewer')).toBe(true);
    expect(Object.keys(items[0]).sort()).toEqual(['id', 'name', 'role']);
  });
});
