/**
 * Property-based fuzzing of every operation of the OpenAPI document (test/fuzz/ builds the requests and the checks).
 *
 * For each path × method, fast-check generates requests as an admin or editor (so permissions do not hide the input
 * handling), then a smaller pass as a reviewer: real fixture ids or hostile path segments (malformed percent-escapes),
 * query parameters and JSON bodies from the documented schemas, two in three valid in shape with awkward content
 * (they reach the services and the database), one in three mutated (wrong types, missing and unknown fields, NUL and
 * lone surrogates, odd dates and numbers, hostile URLs, huge strings, repeated keys, tampered cursors), odd If-Match
 * and Content-Type headers, malformed JSON and non-UTF-8 bodies. A version conflict is retried with the version it
 * names. Every response must be below 500, have a status the document lists for the operation, and a body valid
 * against the document's own JSON Schema (errors: the one Error shape, with the request's id). Valid examples of
 * every operation must be accepted, inputs that used to answer 500 are pinned, and the document must be valid
 * OpenAPI 3.1.
 *
 * Bounded: FUZZ_RUNS requests per operation (default 40) within FUZZ_BUDGET_MS per operation. Each run draws a seed
 * (in the test names); a failure prints the command that replays it: FUZZ_SEED=<seed> FUZZ_OPERATION=<operationId>.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import fc from 'fast-check';
import { createTestApp, type TestApp } from '../support/app';
import { isEmbedded } from '../support/db';
import { document, operations, type Operation } from '../fuzz/operations';
import { requestArb, send, userFor, type ActorName, type FuzzRequest, type RawRequest, type RequestContext } from '../fuzz/requests';
import { responseValidator } from '../fuzz/response-check';
import { VALID_EXAMPLES, type Example } from '../fuzz/valid-examples';
import { buildWorld, bundleIds, createBundle, createScale, pathParamFor, type Bundle, type Stage, type World } from '../fuzz/world';
import { toJson } from '../fuzz/schema-arbitrary';
import { percentEncode } from '../fuzz/hostile';

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
/** Per operation; the embedded database is slower, so it gets more time for about the same number of runs. */
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? (isEmbedded() ? 2500 : 1200));
const ONLY = process.env.FUZZ_OPERATION;
/** FUZZ_STATS=1 prints how often each operation answered each status and error code (to see what the runs reach). */
const STATS = process.env.FUZZ_STATS ? new Map<string, number>() : undefined;

/** Small limits so huge bodies cross them cheaply; one submitted verdict settles a claim (simpler fixtures). */
const APP_ENV = { REQUIRED_VERDICTS: '1', ARTICLE_MAX_BYTES: String(64 * 1024) };
const SMALL_BODY_LIMIT = 64 * 1024;

const doc = document();
const check = responseValidator(doc);
/** Destructive operations last, so the others still find the fixtures they aim at. */
const OPERATIONS = operations(doc).sort((a, b) => Number(a.method === 'delete') - Number(b.method === 'delete'));

let t: TestApp;
let world: World;
let ctx: RequestContext;

beforeAll(async () => {
  t = await createTestApp(APP_ENV);
  world = await buildWorld(t);
  world.cursors = await collectCursors(world);
  ctx = {
    doc,
    world,
    hugeMax: (op) => (op.operationId === 'importArticle' ? 7 * 64 * 1024 + 70 * 1024 : SMALL_BODY_LIMIT + 2048),
  };
}, 120_000);
afterAll(async () => {
  if (STATS) console.log([...STATS].sort(([a], [b]) => a.localeCompare(b)).map(([key, n]) => `${key}: ${n}`).join('\n'));
  await t?.close();
});

/** The first page's nextCursor of every list (limit=1), from a bundle that has data everywhere. */
async function collectCursors(w: World): Promise<string[]> {
  const bundle = w.bundles.find((b) => b.stage === 'published')!;
  const cursors: string[] = [];
  for (const op of operations(doc).filter((o) => o.method === 'get' && o.queryParams.some((p) => p.name === 'cursor'))) {
    for (const query of ['limit=1', 'limit=1&sort=worthiness']) {
      const url = `${op.path.replace(/\{(\w+)\}/g, (_m, name: string) => percentEncode(pathParamFor(op.path, name, bundle) ?? ''))}?${query}`;
      const res = await send(w.t.app, { method: 'get', url, headers: {}, body: undefined }, w.admin);
      if (res.status === 200 && typeof res.body.nextCursor === 'string') cursors.push(res.body.nextCursor);
      else if (res.status !== 200 && !query.includes('sort')) throw new Error(`collecting cursors: ${url} answered ${res.status}`);
    }
  }
  return [...new Set(cursors)];
}

/** A seed per operation, so one operation can be replayed alone with the run's seed. */
const seedFor = (name: string) => [...name].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, SEED) >>> 1;

async function sendAndCheck(op: Operation, req: FuzzRequest) {
  const res = await send(t.app, req, userFor(world, req.actor));
  if (STATS) {
    const detail = res.body?.error?.details?.[0];
    const key = `${op.operationId} ${res.status} ${res.body?.error?.code ?? ''}${detail ? ` ${detail.path}: ${String(detail.message).slice(0, 50)}` : ''}`;
    STATS.set(key, (STATS.get(key) ?? 0) + 1);
  }
  const problems = check(op, res);
  if (problems.length > 0) {
    throw new Error(`${problems.join('\n')}\n  request: ${req.describe()}\n  response: ${res.status} ${res.text?.slice(0, 600)}`);
  }
  return res;
}

async function fuzz(label: string, arbitrary: fc.Arbitrary<FuzzRequest>, numRuns: number, budgetMs: number) {
  const seed = seedFor(label);
  const property = fc.asyncProperty(arbitrary, async (req) => {
    const op = BY_ID.get(req.operationId)!;
    const res = await sendAndCheck(op, req);
    // A version conflict names the current version: retry with it, as a client would, so the change is applied.
    const current = res.body?.error?.currentVersion;
    const retry = (res.status === 409 || res.status === 412) && typeof current === 'number' ? req.withVersion(current) : undefined;
    if (retry) await sendAndCheck(op, retry);
  });
  try {
    await fc.assert(property, { seed, numRuns, plugins: [fc.interruptAfterTimeLimit(budgetMs)], includeErrorInReport: true });
  } catch (error) {
    const message = (error as Error).message;
    throw new Error(`${label}: reproduce with FUZZ_SEED=${SEED} FUZZ_OPERATION=${label} npx jest test/api/fuzz.api.test.ts\n${message.slice(0, 6000)}`);
  }
}

const BY_ID = new Map(OPERATIONS.map((op) => [op.operationId, op]));
const forOperation = (op: Operation, actors: ActorName[], bundles?: Bundle[]) => requestArb(op, ctx, actors, bundles);

/**
 * Operations that move a claim on (or remove what they act on) use up the fixtures at the stage they need; each gets
 * a fresh bundle at that stage, aimed at three times in four, so its successful path runs too.
 */
const STAGE_FOR: Record<string, Stage> = {
  updateClaim: 'unreviewed',
  mergeClaimWithNext: 'unreviewed',
  splitClaim: 'unreviewed',
  deleteArticle: 'unreviewed',
  saveMyVerdict: 'in_review',
  unassignReviewer: 'in_review',
  removeClaimSource: 'in_review',
  reopenVerdict: 'awaiting_approval',
  approveClaim: 'awaiting_approval',
  returnClaim: 'awaiting_approval',
  publishClaim: 'approved',
  openCorrection: 'published',
  retractClaim: 'published',
};

async function bundlesFor(op: Operation): Promise<Bundle[] | undefined> {
  const stage = STAGE_FOR[op.operationId];
  if (!stage) return undefined;
  const scaleId = world.bundles[0].scaleId;
  const fresh: Bundle[] = [];
  fresh.push(await createBundle(t, { admin: world.admin, alsoAssign: [world.admin, world.editor, world.reviewer] }, stage, scaleId));
  world.ids.push(...fresh.flatMap(bundleIds));
  return [...fresh, ...fresh, ...fresh, ...world.bundles.slice(0, fresh.length)];
}

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', () => {
    // The validator is an ES module, which Jest's CommonJS runtime cannot load: run it in a child process.
    const script = `
      import { Validator } from '@seriousme/openapi-schema-validator';
      let input = ''; for await (const chunk of process.stdin) input += chunk;
      const result = await new Validator().validate(JSON.parse(input));
      process.stdout.write(JSON.stringify(result));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      input: JSON.stringify(doc),
      cwd: path.resolve(__dirname, '../..'),
      encoding: 'utf8',
    });
    expect(JSON.parse(output)).toEqual({ valid: true });
  });

  it('has a valid example in the fuzz table for every operation, and none for an operation it lacks', () => {
    expect(Object.keys(VALID_EXAMPLES).sort()).toEqual(OPERATIONS.map((op) => op.operationId).sort());
  });
});

/** Before the fuzzing, so the examples meet a desk in its ordinary state (e.g. the sign-in throttle untouched). */
describe('valid inputs are accepted', () => {
  const cases = OPERATIONS.flatMap((op) => (VALID_EXAMPLES[op.operationId] ?? []).map((example, i) => [`${op.operationId} #${i + 1}`, op, example] as const));

  it.each(cases)('%s', async (_name, op, example) => {
    const res = await sendExample(op, example);
    expect({ status: res.status, problems: check(op, res), body: res.status === example.status ? undefined : res.body }).toEqual({ status: example.status, problems: [], body: undefined });
  });
});

/** Inputs of every class the outside fuzzer (and this one) found answering 500, each pinned to its precise answer. */
describe('hostile inputs that used to answer 500', () => {
  const cursorWith = async (url: string, replace: (parts: unknown[]) => unknown[]) => {
    const res = await send(t.app, { method: 'get', url: `${url}${url.includes('?') ? '&' : '?'}limit=1`, headers: {}, body: undefined }, world.admin);
    const parts = JSON.parse(Buffer.from(res.body.nextCursor, 'base64url').toString('utf8')) as unknown[];
    return Buffer.from(toJson(replace(parts)), 'utf8').toString('base64url');
  };
  const json = (value: unknown) => Buffer.from(toJson(value), 'utf8');
  const cjk = Array.from({ length: 700 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');
  type Case = [name: string, build: (b: Bundle) => RawRequest | Promise<RawRequest>, status: number, code: string, path: string | undefined];
  const cases: Case[] = [
    ['NUL in a title', () => post('/api/articles', json({ title: 'a\u0000b', body: 'Text.' })), 400, 'VALIDATION_FAILED', 'body.title'],
    ['a lone surrogate in a title (audited as JSON)', () => post('/api/articles', json({ title: 'a\ud800b', body: 'Text.' })), 400, 'VALIDATION_FAILED', 'body.title'],
    ['NUL in a claimant', (b) => patch(`/api/claims/${b.claimId}`, json({ claimant: { name: 'A\u0000' }, version: 1 })), 400, 'VALIDATION_FAILED', 'body.claimant.name'],
    ['NUL in a note', (b) => post(`/api/claims/${b.claimId}/notes`, json({ body: '\u0000' })), 400, 'VALIDATION_FAILED', 'body.body'],
    ['NUL in a level description', () => post('/api/rating-scales', json({ name: 'S', levels: [{ key: 'a', label: 'A', value: 1, color: '#000000', description: '\u0000' }, { key: 'b', label: 'B', value: 0, color: '#000000' }] })), 400, 'VALIDATION_FAILED', 'body.levels.0.description'],
    ['NUL in a search', () => get('/api/articles?q=%00'), 400, 'VALIDATION_FAILED', 'query.q'],
    ['NUL in a source search', () => get('/api/sources?q=a%00b'), 400, 'VALIDATION_FAILED', 'query.q'],
    ['NUL in an audit filter', () => get('/api/audit?action=%00'), 400, 'VALIDATION_FAILED', 'query.action'],
    ['NUL in a key', (b) => post(`/api/claims/${b.claimId}/notes`, Buffer.from('{"body":"x","\\u0000":1}')), 400, 'VALIDATION_FAILED', 'body.\\u0000'],
    ['a cursor position beyond integer', async (b) => get(`/api/articles/${b.articleId}/claims?cursor=${await cursorWith(`/api/articles/${b.articleId}/claims`, ([o]) => [o, 2 ** 40])}`), 400, 'INVALID_CURSOR', 'query.cursor'],
    ['a cursor timestamp in year 0', async () => get(`/api/articles?cursor=${await cursorWith('/api/articles', ([o, , id]) => [o, '0000-01-01T00:00:00Z', id])}`), 400, 'INVALID_CURSOR', 'query.cursor'],
    ['a source URL longer than 2048 once normalised', (b) => post(`/api/claims/${b.claimId}/sources`, json({ url: `https://example.org/${cjk}`, title: 'T', sourceType: 'dataset', stance: 'context' })), 400, 'VALIDATION_FAILED', 'body.url'],
    ['a cut-off percent-escape in the path', () => get('/api/articles/%E0%A4%A'), 400, 'VALIDATION_FAILED', 'params'],
    ['a lone % in the path', (b) => request('delete', `/api/claims/${b.claimId}/sources/%`), 400, 'VALIDATION_FAILED', 'params'],
    ['a body that is not UTF-8', (b) => post(`/api/claims/${b.claimId}/notes`, Buffer.from([0x7b, 0x22, 0x62, 0x6f, 0x64, 0x79, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d])), 400, 'VALIDATION_FAILED', 'body'],
    ['a text/plain article that is not UTF-8', () => ({ ...post('/api/articles?title=T', Buffer.from([0x48, 0xed, 0xa0, 0x80, 0x2e])), headers: { 'Content-Type': 'text/plain' } }), 400, 'VALIDATION_FAILED', 'body'],
    ['a JSON body declared latin1', (b) => ({ ...post(`/api/claims/${b.claimId}/notes`, json({ body: 'x' })), headers: { 'Content-Type': 'application/json; charset=latin1' } }), 415, 'UNSUPPORTED_MEDIA_TYPE', undefined],
    ['a body nested 30,000 deep', (b) => post(`/api/claims/${b.claimId}/notes`, Buffer.from(`{"body":${'['.repeat(30_000)}${']'.repeat(30_000)}}`)), 400, 'VALIDATION_FAILED', 'body.body'],
    ['submitting a verdict without a level', (b) => put(`/api/claims/${b.claimId}/verdicts/mine`, json({ rationale: 'Because.', submit: true })), 400, 'VALIDATION_FAILED', 'body.levelKey'],
  ];
  const request = (method: Operation['method'], url: string, body?: Buffer): RawRequest => ({
    method,
    url,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body,
  });
  const get = (url: string) => request('get', url);
  const post = (url: string, body: Buffer) => request('post', url, body);
  const patch = (url: string, body: Buffer) => request('patch', url, body);
  const put = (url: string, body: Buffer) => request('put', url, body);

  it.each(cases)('%s', async (_name, build, status, code, path) => {
    const bundle = world.bundles.find((b) => b.stage === 'in_review')!;
    const req = await build(bundle);
    const res = await send(t.app, req, world.admin);
    expect({ status: res.status, code: res.body?.error?.code, path: res.body?.error?.details?.[0]?.path }).toEqual({ status, code, path });
    const op = OPERATIONS.find((o) => o.method === req.method && new RegExp(`^${o.path.replace(/\{\w+\}/g, '[^/]+')}$`).test(req.url.split('?')[0]));
    expect(op && check(op, res)).toEqual([]);
  });
});

describe(`fuzzing every operation as an admin or editor (seed ${SEED}, ≤${RUNS} runs or ${BUDGET_MS} ms each)`, () => {
  it.each(OPERATIONS.map((op) => [op.operationId, op] as const))('%s', async (name, op) => {
    if (ONLY && ONLY !== name) return;
    const actors: ActorName[] = op.isPublic ? ['anonymous', 'admin'] : ['admin', 'admin', 'editor'];
    await fuzz(name, forOperation(op, actors, await bundlesFor(op)), RUNS, BUDGET_MS);
  }, 60_000);
});

describe('fuzzing as a reviewer', () => {
  it('every operation, fewer runs', async () => {
    if (ONLY && ONLY !== 'reviewer') return;
    const arbitrary = fc.oneof(...OPERATIONS.map((op) => forOperation(op, ['reviewer'])));
    await fuzz('reviewer', arbitrary, RUNS * 5, BUDGET_MS * 6);
  }, 120_000);
});

/**
 * Runs one valid example. An operation on a resource gets a bundle of its own at the stage it needs (the world's
 * actors assigned), so examples never interfere; the others read the world as it is.
 */
async function sendExample(op: Operation, example: Example) {
  const needsBundle = op.pathParams.length > 0 || example.stage !== undefined;
  const bundle = needsBundle
    ? await createBundle(t, { admin: world.admin, alsoAssign: [world.admin, world.editor, world.reviewer] }, example.stage ?? 'in_review', await createScale(t, world.admin))
    : world.bundles.find((b) => b.stage === 'in_review')!;
  const exampleWorld: World = { ...world, bundles: [bundle] };
  const user = typeof example.as === 'function' ? await example.as(exampleWorld) : userFor(exampleWorld, example.as ?? 'admin');
  const url = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => percentEncode(pathParamFor(op.path, name, bundle) ?? 'missing-fixture'));
  const query = typeof example.query === 'function' ? example.query(bundle) : example.query;
  const headers: Record<string, string> = { ...example.headers };
  let body: Buffer | undefined;
  if (example.text !== undefined) {
    headers['Content-Type'] = 'text/plain; charset=utf-8';
    body = Buffer.from(example.text, 'utf8');
  } else if (example.body !== undefined) {
    const value = typeof example.body === 'function' ? await example.body(bundle, exampleWorld) : example.body;
    headers['Content-Type'] = 'application/json';
    body = Buffer.from(JSON.stringify(value), 'utf8');
  }
  const req: RawRequest = { method: op.method, url: query ? `${url}?${query}` : url, headers, body };
  return send(t.app, req, user);
}
