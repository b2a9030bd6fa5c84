import request from 'supertest';
import { buildApp } from '../../src/app';
import { createLogger } from '../../src/logger';
import { createTestApp, testConfig, type TestApp } from '../support/app';
import { createUser } from '../support/factories';

let t: TestApp;
let editor: { Authorization: string };
let api: {
  post: (path: string) => request.Test;
  get: (path: string) => request.Test;
  delete: (path: string) => request.Test;
};

beforeAll(async () => {
  t = await createTestApp({ ARTICLE_MAX_BYTES: '4096' });
  editor = (await createUser(t.db.prisma, { role: 'editor' })).auth;
  api = {
    post: (path) => request(t.app).post(path).set(editor),
    get: (path) => request(t.app).get(path).set(editor),
    delete: (path) => request(t.app).delete(path).set(editor),
  };
});
afterAll(() => t.close());

const slice = (body: string, start: number, end: number) => Array.from(body).slice(start, end).join('');

describe('POST /api/articles', () => {
  it('stores the article and one claim per sentence with code-point offsets', async () => {
    const body = 'Prices rose 5% in March. Officials said “it is 🔥 hot.” Nobody agreed.\nA second paragraph here.';
    const res = await api.post('/api/articles').send({ title: 'Prices', body, outlet: 'Daily' });

    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/api/articles/${res.body.id}`);
    expect(res.body).toMatchObject({ title: 'Prices', body, outlet: 'Daily', url: null, claimCount: 4, version: 1, claimsNextCursor: null });
    expect(res.body.claims.map((c: { text: string }) => c.text)).toEqual([
      'Prices rose 5% in March.',
      'Officials said “it is 🔥 hot.”',
      'Nobody agreed.',
      'A second paragraph here.',
    ]);
    expect(res.body.claims.map((c: { position: number }) => c.position)).toEqual([1, 2, 3, 4]);
    expect(res.body.claims.map((c: { paragraph: number }) => c.paragraph)).toEqual([1, 1, 1, 2]);
    for (const claim of res.body.claims) expect(slice(body, claim.start, claim.end)).toBe(claim.text);
    expect(await t.db.prisma.claim.count({ where: { articleId: res.body.id } })).toBe(4);
  });

  it('returns the existing article with 200 when the same body is posted again', async () => {
    const body = 'The council met on Tuesday. It approved the budget.';
    const first = await api.post('/api/articles').send({ title: 'Council', body });
    const second = await api.post('/api/articles').send({ title: 'Council again', body });

    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.title).toBe('Council');
    expect(await t.db.prisma.article.count({ where: { body } })).toBe(1);
  });

  it('accepts text/plain with the title in the query string and keeps the body exactly', async () => {
    const body = '  Line one is here.\r\n\r\nLine two follows.  ';
    const res = await api
      .post('/api/articles?title=Plain&outlet=Wire&publishedAt=2025-03-02')
      .set('Content-Type', 'text/plain')
      .send(body);

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ title: 'Plain', outlet: 'Wire', body, publishedAt: '2025-03-02T00:00:00.000Z' });
    expect(res.body.claims.map((c: { text: string }) => c.text)).toEqual(['Line one is here.', 'Line two follows.']);
    for (const claim of res.body.claims) expect(slice(body, claim.start, claim.end)).toBe(claim.text);
  });

  it.each([
    ['missing title', { body: 'Text.' }, 'body.title'],
    ['blank title', { title: '   ', body: 'Text.' }, 'body.title'],
    ['missing body', { title: 'T' }, 'body.body'],
    ['whitespace-only body', { title: 'T', body: ' \n\t ' }, 'body.body'],
    ['body of the wrong type', { title: 'T', body: 42 }, 'body.body'],
    ['bad url', { title: 'T', body: 'Text.', url: 'ftp://x' }, 'body.url'],
    ['bad publishedAt', { title: 'T', body: 'Text.', publishedAt: 'yesterday' }, 'body.publishedAt'],
    ['unknown field', { title: 'T', body: 'Text.', bogus: 1 }, 'body'],
  ])('rejects %s with 400 and writes nothing', async (_label, payload, path) => {
    const before = await t.db.prisma.article.count();
    const res = await api.post('/api/articles').send(payload);

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(typeof res.body.error.requestId).toBe('string');
    expect(await t.db.prisma.article.count()).toBe(before);
  });

  it.each([
    ['missing title', { body: 'Text.' }, 'is required'],
    ['numeric title', { title: 7, body: 'Text.' }, 'must be a string'],
    ['title over 500 characters', { title: 'a'.repeat(501), body: 'Text.' }, 'Too big: expected string to have <=500 characters'],
  ])('explains a %s in words', async (_label, payload, message) => {
    const res = await api.post('/api/articles').send(payload);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'body.title', message }]);
  });

  it('asks for a body when none is sent', async () => {
    const res = await api.post('/api/articles');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'body', message: 'is required' }] });
  });

  it('rejects text/plain without a title', async () => {
    const res = await api.post('/api/articles').set('Content-Type', 'text/plain').send('Some text.');
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain('query.title');
  });

  it('rejects malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await api.post('/api/articles').set('Content-Type', 'application/json').send('{"title": "x",');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('MALFORMED_JSON');
  });

  it('rejects an unsupported content type with 415', async () => {
    const res = await api.post('/api/articles').set('Content-Type', 'application/xml').send('<a/>');
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('rejects a body over the configured limit with 413 and writes nothing', async () => {
    const before = await t.db.prisma.article.count();
    const res = await api.post('/api/articles').send({ title: 'Long', body: 'Word. '.repeat(1000) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await t.db.prisma.article.count()).toBe(before);
  });

  it('refuses an article that splits into more claims than ARTICLE_MAX_CLAIMS with 413 and writes nothing', async () => {
    // A second app over this file's database (the embedded database allows one schema per file).
    const capped = buildApp({ db: t.db, config: testConfig({ ARTICLE_MAX_BYTES: '4096', ARTICLE_MAX_CLAIMS: '50' }), logger: createLogger('silent') });
    const before = await t.db.prisma.article.count();
    const ok = await request(capped).post('/api/articles').set(editor).send({ title: 'Fifty', body: 'Many. '.repeat(50) });
    const tooMany = await request(capped).post('/api/articles').set(editor).send({ title: 'Many', body: 'Words. '.repeat(51) });

    expect(ok.status).toBe(201);
    expect([tooMany.status, tooMany.body.error.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect(tooMany.body.error.message).toContain('51 claims');
    expect(await t.db.prisma.article.count()).toBe(before + 1);
  });

  it('rejects a request far over the limit with 413 before parsing it', async () => {
    const res = await api.post('/api/articles').send({ title: 'Huge', body: 'x'.repeat(200_000) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('reading and deleting', () => {
  it('lists articles newest first in keyset pages, with progress counts', async () => {
    const tag = `Listed-${Date.now()}`;
    for (const n of [1, 2, 3]) {
      await api.post('/api/articles').send({ title: `${tag} ${n}`, body: `Listed article number ${n} of ${tag}.` });
    }
    const first = await api.get(`/api/articles?q=${tag.toLowerCase()}&limit=2`);

    expect(first.status).toBe(200);
    expect(first.body.items.map((a: { title: string }) => a.title)).toEqual([`${tag} 3`, `${tag} 2`]);
    expect(first.body.items[0]).not.toHaveProperty('body');
    expect(first.body.items[0]).toMatchObject({ claimCount: 1, progress: { total: 1, checkWorthy: 1, checked: 0 } });
    expect(typeof first.body.nextCursor).toBe('string');

    const second = await api.get(`/api/articles?q=${tag.toLowerCase()}&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toEqual({ items: [expect.objectContaining({ title: `${tag} 1` })], nextCursor: null });
  });

  it('searches titles literally: % _ and \\ are not wildcards', async () => {
    const tag = `Lit${Date.now()}`;
    const titles = [`${tag} 100% sure`, `${tag} 100 sure`, `${tag} a_b`, `${tag} axb`, `${tag} back\\slash`, `${tag} backslash`];
    for (const [i, title] of titles.entries()) await api.post('/api/articles').send({ title, body: `Literal search body ${tag} ${i}.` });

    const found = async (q: string) =>
      (await api.get(`/api/articles?q=${encodeURIComponent(q)}`)).body.items.map((a: { title: string }) => a.title);

    expect(await found(`${tag} 100%`)).toEqual([`${tag} 100% sure`]);
    expect(await found(`${tag} a_b`)).toEqual([`${tag} a_b`]);
    expect(await found(`${tag} back\\`)).toEqual([`${tag} back\\slash`]);
    expect(await found(`${tag.toUpperCase()} AXB`)).toEqual([`${tag} axb`]);
  });

  it.each([['page=1'], ['limit=0'], ['limit=201'], ['limit=abc'], ['cursor=%%%'], ['cursor=bm90LWEtY3Vyc29y']])(
    'rejects the bad query %s with 400',
    async (qs) => {
      const res = await api.get(`/api/articles?${qs}`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toMatch(/^(VALIDATION_FAILED|INVALID_CURSOR)$/);
    },
  );

  it('reads an article with its claims in order, and a single claim', async () => {
    const created = await api.post('/api/articles').send({ title: 'Order', body: 'One. Two. Three.' });
    const res = await api.get(`/api/articles/${created.body.id}`);

    expect(res.status).toBe(200);
    expect(res.body.claims.map((c: { text: string }) => c.text)).toEqual(['One.', 'Two.', 'Three.']);
    const claim = await api.get(`/api/claims/${res.body.claims[1].id}`);
    expect(claim.status).toBe(200);
    expect(claim.body).toMatchObject({ text: 'Two.', position: 2, articleId: created.body.id, status: 'unreviewed' });
  });

  it('deletes an article and its claims', async () => {
    const created = await api.post('/api/articles').send({ title: 'Gone', body: 'Soon gone. Really.' });
    const res = await api.delete(`/api/articles/${created.body.id}`);

    expect(res.status).toBe(204);
    expect(await t.db.prisma.claim.count({ where: { articleId: created.body.id } })).toBe(0);
    expect((await api.get(`/api/articles/${created.body.id}`)).status).toBe(404);
    expect((await api.delete(`/api/articles/${created.body.id}`)).status).toBe(404);
  });

  it.each([
    ['get', '/api/articles/00000000-0000-4000-8000-000000000000', 404, 'ARTICLE_NOT_FOUND'],
    ['get', '/api/claims/00000000-0000-4000-8000-000000000000', 404, 'CLAIM_NOT_FOUND'],
    ['get', '/api/articles/not-a-uuid', 400, 'VALIDATION_FAILED'],
    ['get', '/api/claims/123', 400, 'VALIDATION_FAILED'],
    ['delete', '/api/articles/nope', 400, 'VALIDATION_FAILED'],
    ['get', '/api/nothing-here', 404, 'ROUTE_NOT_FOUND'],
  ] as const)('%s %s → %i %s', async (method, path, status, code) => {
    const res = await api[method](path);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
  });
});
