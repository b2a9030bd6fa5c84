/** Exports through the API: the article report in every format, the audiences, file names, and the streamed desk export. */
import { parse } from 'csv-parse/sync';
import { FORMATS } from '../../src/export/formats';
import { createTestApp, type TestApp } from '../support/app';
import { createUser, type TestUser } from '../support/factories';
import { as, expectOk, importArticle, sourceBody, unique } from '../support/http';

let t: TestApp;
let editor: TestUser;
let ana: TestUser;
let ben: TestUser;
beforeAll(async () => {
  t = await createTestApp({ PUBLIC_REPORT_BASE_URL: 'https://facts.example.org/checks' });
  [editor, ana, ben] = await Promise.all([
    createUser(t.db.prisma, { role: 'editor', name: 'Eve Editor' }),
    createUser(t.db.prisma, { role: 'reviewer', name: 'Ana Reviewer' }),
    createUser(t.db.prisma, { role: 'reviewer', name: 'Ben Reviewer' }),
  ]);
});
afterAll(() => t.close());

/** An article whose first claim is published (and corrected), second approved, third in review with a desk note. */
async function deskState(title = `Ünïcode & "Quotes": Budget ${Date.now()}`) {
  const article = await importArticle(t.app, editor, {
    title,
    body: `The council cut spending by 12% in 2024. The mayor said taxes fell. Crime rose 5% in ward ${unique()}, police said.`,
  });
  const [c1, c2, c3] = article.claims.map((c) => c.id);
  for (const claimId of [c1, c2, c3]) {
    for (const reviewer of [ana, ben]) await expectOk(as(t.app, editor).post(`/api/claims/${claimId}/assignments`).send({ reviewerId: reviewer.id }), 201);
  }
  const source = await expectOk(as(t.app, ana).post(`/api/claims/${c1}/sources`).send(sourceBody({ excerpt: 'Spending rose 3%.' })), 201);
  for (const claimId of [c1, c2]) {
    for (const reviewer of [ana, ben]) {
      await expectOk(as(t.app, reviewer).put(`/api/claims/${claimId}/verdicts/mine`).send({ levelKey: 'false', rationale: `Desk rationale of ${reviewer.name}`, submit: true }), 201);
    }
    await expectOk(as(t.app, editor).post(`/api/claims/${claimId}/approve`).send({ levelKey: 'false', rationale: 'Public rationale.' }));
  }
  await expectOk(as(t.app, editor).post(`/api/claims/${c1}/publish`));
  await expectOk(as(t.app, editor).post(`/api/claims/${c1}/corrections`).send({ levelKey: 'mostly_false', note: 'Baseline corrected.' }));
  await expectOk(as(t.app, editor).post(`/api/claims/${c1}/publish`));
  await expectOk(as(t.app, ana).post(`/api/claims/${c3}/notes`).send({ body: 'Desk-only note' }), 201);
  return { article, claimIds: [c1, c2, c3], sourceId: source.body.sourceId };
}

describe('GET /api/articles/:id/report', () => {
  it('answers the complete JSON report for the desk, with every claim in order', async () => {
    const { article, claimIds } = await deskState();

    const res = await expectOk(as(t.app, editor).get(`/api/articles/${article.id}/report?format=json`));

    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="unicode-quotes-budget-\d+\.json"$/);
    const report = res.body;
    expect(report).toMatchObject({ audience: 'desk', reportUrl: `https://facts.example.org/checks/${article.id}`, article: { id: article.id, claimCount: 3 } });
    expect(report.claims.map((c: { id: string }) => c.id)).toEqual(claimIds);
    const [published, approved, inReview] = report.claims;
    expect(published).toMatchObject({
      status: 'published',
      finalVerdict: { revision: 2, level: { key: 'mostly_false' }, correctionNote: 'Baseline corrected.' },
      publishedRevisions: [{ revision: 1, state: 'superseded' }, { revision: 2, state: 'published' }],
    });
    expect(published.review.consensus.level.key).toBe('false');
    expect(approved.finalVerdict).toMatchObject({ state: 'approved', level: { key: 'false' } });
    expect(inReview.notes.map((n: { body: string }) => n.body)).toEqual(['Desk-only note']);
    expect(report.scorecard).toMatchObject({ checked: 2, unchecked: 1 });
    expect(report.corrections).toMatchObject([{ revision: 2, from: { key: 'false' }, to: { key: 'mostly_false' } }]);
    expect(report.appendix.reviewers.map((r: { name: string }) => r.name)).toEqual(['Ana Reviewer', 'Ben Reviewer']);
  });

  it('holds only published work for the public: no names, votes, drafts, notes or unpublished approvals', async () => {
    const { article } = await deskState();

    const report = (await expectOk(as(t.app, editor).get(`/api/articles/${article.id}/report?format=json&audience=public`))).body;

    expect(report.audience).toBe('public');
    const text = JSON.stringify(report);
    for (const secret of ['Ana Reviewer', 'Ben Reviewer', 'Eve Editor', 'Desk rationale', 'Desk-only note']) expect(text).not.toContain(secret);
    expect(report.claims[1].finalVerdict).toBeNull();
    expect(report.claims.every((c: { review: unknown; notes: unknown[] }) => c.review === null && c.notes.length === 0)).toBe(true);
    expect(report.claims[0].sources[0]).toMatchObject({ excerpt: 'Spending rose 3%.' });
    expect(report.scorecard.checked).toBe(1);
  });

  it.each(Object.values(FORMATS).map((f) => [f.name, f.contentType]))('renders %s with its content type and a safe file name', async (format, contentType) => {
    const { article } = await deskState('<b>Bold</b> "claim" / ../../etc/passwd');

    const res = await expectOk(as(t.app, editor).get(`/api/articles/${article.id}/report?format=${format}`).buffer(true));

    expect(res.headers['content-type']).toBe(contentType);
    expect(res.headers['content-disposition']).toMatch(/^(attachment|inline); filename="b-bold-b-claim-etc-passwd(-public)?(\.[a-z]+)+"$/);
  });

  it('forbids scripts in the HTML report with a Content-Security-Policy', async () => {
    const { article } = await deskState();
    const res = await as(t.app, editor).get(`/api/articles/${article.id}/report?format=json`);
    expect(res.status).toBe(200);
    if (!FORMATS.html) return;
    const html = await as(t.app, editor).get(`/api/articles/${article.id}/report?format=html`);
    expect(html.headers['content-security-policy']).toContain("default-src 'none'");
    expect(html.headers['content-security-policy']).toContain('sandbox');
  });

  it.each([
    ['an unknown format', 'format=pdf', 400],
    ['no format', '', 400],
    ['an unknown audience', 'format=json&audience=everyone', 400],
  ])('answers %s (%s) with %i', async (_label, qs, status) => {
    const { article } = await deskState();
    const res = await as(t.app, editor).get(`/api/articles/${article.id}/report?${qs}`);
    expect([res.status, res.body.error.code]).toEqual([status, 'VALIDATION_FAILED']);
  });

  it('answers 404 for an unknown article and 401 without a session', async () => {
    expect((await as(t.app, editor).get('/api/articles/00000000-0000-4000-8000-000000000000/report?format=json')).status).toBe(404);
    expect((await as(t.app).get('/api/articles/00000000-0000-4000-8000-000000000000/report?format=json')).status).toBe(401);
  });
});

describe('GET /api/reports (the desk, streamed)', () => {
  it('streams every claim of the articles in range as JSON, in article and position order', async () => {
    const first = await deskState();
    const second = await deskState();

    const res = await expectOk(as(t.app, editor).get('/api/reports?format=json').buffer(true));

    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="desk-desk-\d{4}-\d{2}-\d{2}\.json"$/);
    const rows: Array<Record<string, unknown>> = JSON.parse(res.text);
    const ours = rows.filter((r) => r.articleId === first.article.id || r.articleId === second.article.id);
    expect(ours.map((r) => [r.articleId, r.position])).toEqual([
      [first.article.id, 1], [first.article.id, 2], [first.article.id, 3],
      [second.article.id, 1], [second.article.id, 2], [second.article.id, 3],
    ]);
    expect(ours[0]).toMatchObject({ verdictLabel: 'Mostly false', verdictState: 'published', sourceUrls: [expect.any(String)], reviewers: ['Ana Reviewer', 'Ben Reviewer'] });
    expect(ours[0].correctedAt).not.toBeNull();
    expect(ours[1]).toMatchObject({ verdictLabel: 'False', verdictState: 'approved' });
  });

  it('streams CSV with a BOM and a header row, filtered by status; the public audience has published verdicts only', async () => {
    const { article } = await deskState();

    const csv = await expectOk(as(t.app, editor).get('/api/reports?format=csv&status=published,approved').buffer(true));
    expect(csv.text.startsWith('\ufeffarticle id,article title,article URL,claim id,position,paragraph,claim,status')).toBe(true);
    const rows = parse(csv.text.slice(1), { columns: true }) as Array<Record<string, string>>;
    const ours = rows.filter((row) => row['article id'] === article.id);
    expect(ours.map((row) => [row.position, row.status, row.verdict])).toEqual([['1', 'published', 'Mostly false'], ['2', 'approved', 'False']]);
    expect(ours[0]['claim'].startsWith('The council cut spending')).toBe(true);

    const pub = await expectOk(as(t.app, editor).get('/api/reports?format=json&audience=public').buffer(true));
    const publicRows: Array<Record<string, unknown>> = JSON.parse(pub.text).filter((r: { articleId: string }) => r.articleId === article.id);
    expect(publicRows.map((r) => r.verdictState)).toEqual(['published', null, null]);
    expect(publicRows.every((r) => Array.isArray(r.reviewers) && (r.reviewers as unknown[]).length === 0)).toBe(true);
  });

  it('streams an article larger than a batch whole, once, in position order, between its neighbours', async () => {
    const before = await importArticle(t.app, editor, { body: `Before ${unique()} one. Before two.` });
    const sentences = Array.from({ length: 2_345 }, (_, i) => `Claim number ${i + 1} of ${unique()} says spending rose.`);
    const large = await importArticle(t.app, editor, { body: sentences.join(' ') });
    const after = await importArticle(t.app, editor, { body: `After ${unique()} one. After two.` });
    expect(large.claimCount).toBe(2_345);

    const res = await expectOk(as(t.app, editor).get('/api/reports?format=json').buffer(true));
    const rows: Array<{ articleId: string; position: number }> = JSON.parse(res.text);
    const ids = [before.id, large.id, after.id];
    const ours = rows.filter((r) => ids.includes(r.articleId)).map((r) => [ids.indexOf(r.articleId), r.position]);
    expect(ours).toEqual([
      [0, 1], [0, 2],
      ...sentences.map((_, i) => [1, i + 1]),
      [2, 1], [2, 2],
    ]);
  });

  it.each([['format=xml'], ['format=csv&from=2025-13-01'], ['format=csv&from=2025-05-02&to=2025-05-01'], ['format=csv&status=done']])(
    'answers %s with 400',
    async (qs) => {
      const res = await as(t.app, editor).get(`/api/reports?${qs}`);
      expect([res.status, res.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    },
  );
});
