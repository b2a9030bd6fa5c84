/**
 * ARTICLE_MAX_BYTES limits the article as stored (UTF-8 bytes of the decoded body), not the JSON that carries
 * it: escapes such as \u00e9 or \n make the request up to 6 times bigger. The raw request stays bounded.
 */
import request from 'supertest';
import { buildApp } from '../../src/app';
import { articleRequestLimits, JSON_ENVELOPE_BYTES } from '../../src/http/body-limits';
import { createLogger } from '../../src/logger';
import { createTestApp, testConfig, type TestApp } from '../support/app';
import { createUser } from '../support/factories';

const LIMIT = 64 * 1024;
let t: TestApp;
let editor: { Authorization: string };

beforeAll(async () => {
  t = await createTestApp({ ARTICLE_MAX_BYTES: String(LIMIT) });
  editor = (await createUser(t.db.prisma, { role: 'editor' })).auth;
});
afterAll(() => t.close());

let unique = 0;
/** An article body of exactly `bytes` UTF-8 bytes, built from `unit` (sentences, so it splits into claims). */
function articleOf(bytes: number, unit = 'The council approved the budget on Tuesday.\n'): string {
  const head = `Article ${++unique} of ${Date.now()}.\n`;
  let text = head + unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)));
  while (Buffer.byteLength(text) > bytes) text = text.slice(0, text.length - Math.ceil((Buffer.byteLength(text) - bytes) / 4));
  // Trimming whole characters may undershoot by a byte or two: pad with ASCII to the exact size.
  text += '.'.repeat(bytes - Buffer.byteLength(text));
  if (Buffer.byteLength(text) !== bytes) throw new Error('articleOf: size mismatch');
  return text;
}

/** A JSON string literal with every UTF-16 code unit written as a \uXXXX escape: 6 bytes per ASCII character. */
function escapeEverything(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) out += `\\u${text.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return `${out}"`;
}

const postJson = (app: TestApp['app'], auth: { Authorization: string }, raw: string) =>
  request(app).post('/api/articles').set(auth).set('Content-Type', 'application/json').send(raw);

describe('article size limits apply to the decoded body', () => {
  it('accepts an article of exactly the limit whose JSON escapes every character (6 times its size)', async () => {
    const body = articleOf(LIMIT);
    const raw = `{"title":"Escaped","body":${escapeEverything(body)}}`;
    expect(Buffer.byteLength(raw)).toBeGreaterThan(6 * LIMIT);

    const res = await postJson(t.app, editor, raw);

    expect(res.status).toBe(201);
    const stored = await t.db.prisma.article.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(stored.body).toBe(body);
  });

  it('counts UTF-8 bytes, not characters: the limit in 2-byte characters fits, one byte more does not', async () => {
    const fits = articleOf(LIMIT, 'Le café était fermé à Genève.\n');
    const over = `${articleOf(LIMIT - 1, 'Le café était fermé à Genève.\n')}é`;
    expect(Buffer.byteLength(over)).toBe(LIMIT + 1);

    const accepted = await postJson(t.app, editor, JSON.stringify({ title: 'Fits', body: fits }));
    const refused = await postJson(t.app, editor, JSON.stringify({ title: 'Over', body: over }));

    expect(accepted.status).toBe(201);
    expect(refused.status).toBe(413);
    expect(refused.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a decoded body one byte over the limit with 413 PAYLOAD_TOO_LARGE, however it is escaped, and writes nothing', async () => {
    const before = await t.db.prisma.article.count();
    const body = articleOf(LIMIT + 1);

    const res = await postJson(t.app, editor, `{"title":"Over","body":${escapeEverything(body)}}`);

    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining(`${LIMIT} bytes`) });
    expect(await t.db.prisma.article.count()).toBe(before);
  });

  it('still bounds the raw request: past 6 times the limit plus the envelope it is refused before parsing', async () => {
    const before = await t.db.prisma.article.count();
    const { json } = articleRequestLimits(LIMIT);
    expect(json).toBe(6 * LIMIT + JSON_ENVELOPE_BYTES);
    const raw = `{"title":"Huge","body":"${'x'.repeat(json)}"}`;

    const res = await postJson(t.app, editor, raw);

    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(res.body.error.message).toContain(`request limit of ${json} bytes`);
    expect(await t.db.prisma.article.count()).toBe(before);
  });

  it('takes a text/plain article of exactly the limit and refuses one byte more with 413', async () => {
    const body = articleOf(LIMIT);
    const send = (text: string) =>
      request(t.app).post('/api/articles?title=Plain').set(editor).set('Content-Type', 'text/plain; charset=utf-8').send(text);

    const accepted = await send(body);
    const refused = await send(`${articleOf(LIMIT)}x`);

    expect(accepted.status).toBe(201);
    expect(refused.status).toBe(413);
    expect(refused.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it.each([
    ['application/json; charset=utf-16le', Buffer.from('{"title":"T","body":"Sixteen bits."}', 'utf16le')],
    ['text/plain; charset=iso-8859-1', Buffer.from('Caf\xe9 society.', 'latin1')],
  ])('refuses a body declared as %s with 415 (the limits assume UTF-8)', async (contentType, payload) => {
    const res = await request(t.app).post('/api/articles?title=Charset').set(editor).set('Content-Type', contentType).send(payload);

    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('with the default limit of 1 MiB', () => {
  // A second app over the same database: the embedded one allows a single connection (pool) at a time.
  const defaults = () => buildApp({ db: t.db, config: testConfig(), logger: createLogger('silent') });

  it('accepts a 1 MiB article whose JSON encoding is about 3 MB', async () => {
    const limit = testConfig().articleMaxBytes;
    expect(limit).toBe(1024 * 1024);
    const body = articleOf(
      limit,
      'Городской совет во вторник утвердил бюджет на следующий год, и мэр назвал его честной сделкой для всех жителей города и его пригородов.\n',
    );
    // JSON.stringify leaves Cyrillic as is; escape every non-ASCII character, as many clients (Python's json) do.
    const raw = JSON.stringify({ title: 'Мегабайт', body }).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    expect(Buffer.byteLength(body)).toBe(limit);
    expect(Buffer.byteLength(raw)).toBeGreaterThan(2.8 * limit);

    const res = await postJson(defaults(), editor, raw);

    expect(res.status).toBe(201);
    expect(res.body.claimCount).toBeGreaterThan(3_000);
  });
});
