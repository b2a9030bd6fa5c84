/** Claim triage by editors: versions and conflicts, narrowing, merging and splitting with exact offsets, claimant. */
import { createTestApp, type TestApp } from '../support/app';
import { createUser, type TestUser } from '../support/factories';
import { as, importArticle, sliceCodePoints } from '../support/http';

let t: TestApp;
let editor: TestUser;
let otherEditor: TestUser;
let reviewer: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  [editor, otherEditor, reviewer] = await Promise.all([
    createUser(t.db.prisma, { role: 'editor', name: 'Eve Editor' }),
    createUser(t.db.prisma, { role: 'editor', name: 'Otto Other' }),
    createUser(t.db.prisma, { role: 'reviewer' }),
  ]);
});
afterAll(() => t.close());

const ed = () => as(t.app, editor);
const claimEvents = (claimId: string) =>
  t.db.prisma.auditEvent.findMany({ where: { entityType: 'claim', entityId: claimId }, orderBy: { occurredAt: 'asc' } });

describe('versions and conflicts', () => {
  it('answers the version as an ETag and bumps it on every change', async () => {
    const article = await importArticle(t.app, editor);
    const claimId = article.claims[0].id;

    const read = await ed().get(`/api/claims/${claimId}`);
    expect([read.body.version, read.headers.etag]).toEqual([1, '"1"']);

    const changed = await ed().patch(`/api/claims/${claimId}`).set('If-Match', '"1"').send({ checkWorthy: false });
    expect([changed.status, changed.body.version, changed.headers.etag]).toEqual([200, 2, '"2"']);
  });

  it('answers 428 when neither If-Match nor version is sent, and changes nothing', async () => {
    const article = await importArticle(t.app, editor);

    const res = await ed().patch(`/api/claims/${article.claims[0].id}`).send({ checkWorthy: false });

    expect(res.status).toBe(428);
    expect(res.body.error.code).toBe('VERSION_REQUIRED');
    expect((await ed().get(`/api/claims/${article.claims[0].id}`)).body).toMatchObject({ checkWorthy: true, version: 1 });
  });

  it('answers a stale version field with 409 VERSION_CONFLICT naming who changed which fields', async () => {
    const article = await importArticle(t.app, editor);
    const claimId = article.claims[0].id;
    expect((await as(t.app, otherEditor).patch(`/api/claims/${claimId}`).send({ checkWorthy: false, version: 1 })).status).toBe(200);

    const stale = await ed().patch(`/api/claims/${claimId}`).send({ claimant: { name: 'Mayor Lee' }, version: 1 });

    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({
      code: 'VERSION_CONFLICT',
      currentVersion: 2,
      changes: [{ version: 2, by: { id: otherEditor.id, name: 'Otto Other' }, action: 'claim.updated', fields: ['checkWorthy'] }],
    });
    expect(stale.body.error.message).toContain('Otto Other');
    expect((await ed().get(`/api/claims/${claimId}`)).body.claimant).toBeNull();
  });

  it('answers a stale If-Match with 412 and the same account of the changes', async () => {
    const article = await importArticle(t.app, editor);
    const claimId = article.claims[0].id;
    await as(t.app, otherEditor).patch(`/api/claims/${claimId}`).set('If-Match', '"1"').send({ claimDate: '2024-05-01' });

    const stale = await ed().patch(`/api/claims/${claimId}`).set('If-Match', 'W/"1"').send({ checkWorthy: false });

    expect(stale.status).toBe(412);
    expect(stale.body.error).toMatchObject({ code: 'PRECONDITION_FAILED', currentVersion: 2, changes: [{ fields: ['claimDate'] }] });
  });

  it.each([
    ['a malformed If-Match', { 'If-Match': 'abc' }, { checkWorthy: false }],
    ['If-Match and version that disagree', { 'If-Match': '"1"' }, { checkWorthy: false, version: 2 }],
    ['a version that is not a whole number', {}, { checkWorthy: false, version: 1.5 }],
    ['only a version', {}, { version: 1 }],
    ['an unknown field', {}, { status: 'approved', version: 1 }],
  ])('answers %s with 400', async (_label, headers, body) => {
    const article = await importArticle(t.app, editor);
    const res = await ed().patch(`/api/claims/${article.claims[0].id}`).set(headers).send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('writes no event and keeps the version when an update changes nothing', async () => {
    const article = await importArticle(t.app, editor);
    const claimId = article.claims[0].id;

    const res = await ed().patch(`/api/claims/${claimId}`).send({ checkWorthy: true, claimant: null, version: 1 });

    expect([res.status, res.body.version]).toEqual([200, 1]);
    expect(await claimEvents(claimId)).toHaveLength(0);
  });

  it('lets only editors triage: a reviewer may no longer change check-worthiness', async () => {
    const article = await importArticle(t.app, editor);
    const res = await as(t.app, reviewer).patch(`/api/claims/${article.claims[0].id}`).send({ checkWorthy: false, version: 1 });
    expect(res.status).toBe(403);
  });
});

describe('claimant and claim date', () => {
  it("default to the article's author and date, and can be set and cleared", async () => {
    const article = await importArticle(t.app, editor, { author: 'Jane Reporter', publishedAt: '2025-03-02T10:00:00Z' });
    const claimId = article.claims[0].id;
    expect(article.claims[0]).toMatchObject({ claimant: { name: 'Jane Reporter', role: null }, claimDate: '2025-03-02', claimantIsDefault: true });

    const set = await ed().patch(`/api/claims/${claimId}`).send({ claimant: { name: 'Gov. Ana Ruiz', role: 'Governor' }, claimDate: '2025-02-27', version: 1 });
    expect(set.body).toMatchObject({ claimant: { name: 'Gov. Ana Ruiz', role: 'Governor' }, claimDate: '2025-02-27', claimantIsDefault: false });

    const cleared = await ed().patch(`/api/claims/${claimId}`).send({ claimant: null, claimDate: null, version: 2 });
    expect(cleared.body).toMatchObject({ claimant: { name: 'Jane Reporter' }, claimDate: '2025-03-02', claimantIsDefault: true });
  });

  it.each([
    [{ claimant: { name: '' } }, 'body.claimant.name'],
    [{ claimant: { name: 'A', title: 'x' } }, 'body.claimant'],
    [{ claimDate: '2025-02-30' }, 'body.claimDate'],
    [{ claimDate: '0000-01-01' }, 'body.claimDate'],
    [{ claimDate: 'yesterday' }, 'body.claimDate'],
  ])('refuses %j with 400 naming %s', async (change, path) => {
    const article = await importArticle(t.app, editor);
    const res = await ed().patch(`/api/claims/${article.claims[0].id}`).send({ ...change, version: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });
});

describe('narrowing', () => {
  const body = 'Officials said 🔥 crime fell 12% in 2024, the lowest rate in decades. Next sentence here.';

  it('narrows to the checkable part with exact code-point offsets, recomputes the hint, and can be undone', async () => {
    const article = await importArticle(t.app, editor, { body });
    const claim = article.claims[0];
    const start = Array.from(body).indexOf('c', 15); // "crime…"
    const end = Array.from(claim.text).length - 1; // drop the final period

    const narrowed = await ed().patch(`/api/claims/${claim.id}`).send({ start, end, version: 1 });

    expect(narrowed.status).toBe(200);
    expect(narrowed.body).toMatchObject({ start, end, sentenceStart: claim.start, sentenceEnd: claim.end, narrowed: true });
    expect(narrowed.body.text).toBe(sliceCodePoints(body, start, end));
    expect(narrowed.body.text.startsWith('crime fell 12%')).toBe(true);
    expect(typeof narrowed.body.hint).toBe('number');
    const events = await claimEvents(claim.id);
    expect(events.map((e) => e.action)).toEqual(['claim.narrowed']);

    const undone = await ed().patch(`/api/claims/${claim.id}`).send({ start: claim.start, end: claim.end, version: 2 });
    expect(undone.body).toMatchObject({ text: claim.text, narrowed: false, version: 3 });
  });

  it.each([
    ['outside the sentence', (c: { start: number; end: number }) => ({ start: c.start, end: c.end + 3 })],
    ['empty', (c: { start: number }) => ({ start: c.start + 2, end: c.start + 2 })],
    ['beginning with whitespace', (c: { start: number }) => ({ start: c.start + 9 })],
  ])('refuses a span %s with 400', async (_label, span) => {
    const article = await importArticle(t.app, editor, { body: `Officials said crime fell. ${Date.now()} more words.` });
    const res = await ed().patch(`/api/claims/${article.claims[0].id}`).send({ ...span(article.claims[0]), version: 1 });
    expect(res.status).toBe(400);
  });
});

describe('merge and split', () => {
  const body = 'Alpha one. Beta two 🌍. Gamma three.\nDelta four.';

  it('merges a claim with the next one of its paragraph, keeping ids and renumbering positions', async () => {
    const article = await importArticle(t.app, editor, { body });
    const [a, b, c, d] = article.claims;

    const merged = await ed().post(`/api/claims/${a.id}/merge-next`).set('If-Match', '"1"');

    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ id: a.id, start: a.start, end: b.end, text: 'Alpha one. Beta two 🌍.', position: 1 });
    expect(merged.body.text).toBe(sliceCodePoints(body, a.start, b.end));
    const list = await ed().get(`/api/articles/${article.id}/claims`);
    expect(list.body.items.map((x: { id: string; position: number }) => [x.id, x.position])).toEqual([[a.id, 1], [c.id, 2], [d.id, 3]]);
    expect((await ed().get(`/api/claims/${b.id}`)).status).toBe(404);
    expect((await ed().get(`/api/articles/${article.id}`)).body.claimCount).toBe(3);
    const events = await t.db.prisma.auditEvent.findMany({ where: { claimId: { in: [a.id, b.id] } }, orderBy: { action: 'asc' } });
    expect(events.map((e) => [e.action, e.entityId, e.context])).toEqual([
      ['claim.merged', a.id, { mergedClaimId: b.id, mergedText: b.text }],
      ['claim.merged_into', b.id, { intoClaimId: a.id }],
    ]);
    const history = await ed().get(`/api/claims/${b.id}/history`);
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual(['claim.merged_into']);
  });

  it('refuses to merge the last claim of a paragraph with 409 NO_NEXT_CLAIM', async () => {
    const article = await importArticle(t.app, editor, { body: `${body} ${Date.now()}` });
    const res = await ed().post(`/api/claims/${article.claims[2].id}/merge-next`).send({ version: 1 });
    expect([res.status, res.body.error.code]).toEqual([409, 'NO_NEXT_CLAIM']);
  });

  it('splits at a code-point offset: whitespace belongs to neither part, the second part gets a new id', async () => {
    const text = 'The plan costs $5 million 🌍 and it passed on Tuesday.';
    const article = await importArticle(t.app, editor, { body: `${text}\nAnother paragraph.` });
    const [claim, after] = article.claims;
    const offset = Array.from(text).indexOf('a', 27); // the space before "and" stays out of both parts

    const res = await ed().post(`/api/claims/${claim.id}/split`).send({ offset: offset - 1, version: 1 });

    expect(res.status).toBe(200);
    const [first, second] = res.body.claims;
    expect(first).toMatchObject({ id: claim.id, text: 'The plan costs $5 million 🌍', position: 1, version: 2 });
    expect(second).toMatchObject({ text: 'and it passed on Tuesday.', position: 2, paragraph: 1, version: 1 });
    expect(second.id).not.toBe(claim.id);
    for (const part of [first, second]) expect(sliceCodePoints(`${text}\nAnother paragraph.`, part.start, part.end)).toBe(part.text);
    const list = await ed().get(`/api/articles/${article.id}/claims`);
    expect(list.body.items.map((x: { id: string }) => x.id)).toEqual([claim.id, second.id, after.id]);
    expect(list.body.items[2].position).toBe(3);
  });

  it.each([['at its start', 0], ['at its end', 10], ['past the body', 9999]])('refuses a split offset %s (not strictly inside the claim)', async (_label, delta) => {
    const article = await importArticle(t.app, editor, { body: `Short one. ${Date.now()}` });
    const claim = article.claims[0];
    const res = await ed().post(`/api/claims/${claim.id}/split`).send({ offset: claim.start + delta, version: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('body.offset');
  });

  it('undoes a split with a merge, giving back the original text', async () => {
    const article = await importArticle(t.app, editor, { body: `Split me here, then merge me back. ${Date.now()}` });
    const claim = article.claims[0];
    const split = await ed().post(`/api/claims/${claim.id}/split`).send({ offset: claim.start + 14, version: 1 });
    expect(split.status).toBe(200);

    const merged = await ed().post(`/api/claims/${claim.id}/merge-next`).send({ version: 2 });

    expect(merged.body).toMatchObject({ text: claim.text, start: claim.start, end: claim.end });
  });
});
