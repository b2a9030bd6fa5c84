/** Keyset pages of an article's claims (position and hint order), the article detail's embedded page, the desk queue. */
import { createTestApp, type TestApp } from '../support/app';
import { createUser, type TestUser } from '../support/factories';
import { allPages, as, importArticle, patchClaim } from '../support/http';

let t: TestApp;
let editor: TestUser;
let reviewer: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  [editor, reviewer] = await Promise.all([createUser(t.db.prisma, { role: 'editor' }), createUser(t.db.prisma, { role: 'reviewer' })]);
});
afterAll(() => t.close());

type Listed = { id: string; position: number; hint: number; text: string; status: string; checkWorthy: boolean };

/** An article of `n` one-line claims with varied check-worthiness cues. */
function longBody(n: number, tag: string): string {
  const kinds = [
    (i: number) => `Unemployment fell to ${i}.5% in May, according to the Labor Department.`,
    (i: number) => `Thank you all for coming tonight number ${i}!`,
    (i: number) => `The senator voted against bill ${i} last year.`,
    (i: number) => `I think we can do better, friend ${i}.`,
  ];
  return Array.from({ length: n }, (_, i) => kinds[i % kinds.length](i).replace(/([.!?])$/, ` ${tag}$1`)).join('\n');
}

describe("an article's claims", () => {
  it('embeds the first 200 claims in the article and pages the rest by cursor, each claim exactly once', async () => {
    const article = await importArticle(t.app, editor, { body: longBody(450, `L${Date.now()}`) });
    expect(article.claims).toHaveLength(200);
    expect(typeof article.claimsNextCursor).toBe('string');

    const rest = await as(t.app, reviewer).get(`/api/articles/${article.id}/claims?cursor=${article.claimsNextCursor}`);
    expect(rest.body.items.map((c: Listed) => c.position)).toEqual(Array.from({ length: 200 }, (_, i) => i + 201));

    const detail = await as(t.app, reviewer).get(`/api/articles/${article.id}`);
    expect(detail.body).toMatchObject({ claimCount: 450, progress: { total: 450, checkWorthy: 450, checked: 0 } });
    expect(detail.body.claims).toHaveLength(200);

    const { items, pages } = await allPages<Listed>(as(t.app, reviewer), `/api/articles/${article.id}/claims`, 64);
    expect(pages).toBe(Math.ceil(450 / 64));
    expect(items.map((c) => c.position)).toEqual(Array.from({ length: 450 }, (_, i) => i + 1));
  });

  it('sorts by check-worthiness hint, highest first, ties in article order, stable across pages', async () => {
    const article = await importArticle(t.app, editor, { body: longBody(37, `W${Date.now()}`) });

    const { items } = await allPages<Listed>(as(t.app, reviewer), `/api/articles/${article.id}/claims?sort=worthiness`, 5);

    expect(items).toHaveLength(37);
    for (let i = 1; i < items.length; i++) {
      const [a, b] = [items[i - 1], items[i]];
      expect(a.hint > b.hint || (a.hint === b.hint && a.position < b.position)).toBe(true);
    }
    expect(items[0].text).toMatch(/^Unemployment fell/);
    expect(items[items.length - 1].text).toMatch(/^(Thank you|I think)/);
  });

  it('filters by check-worthiness and status', async () => {
    const article = await importArticle(t.app, editor, { body: longBody(6, `F${Date.now()}`) });
    await patchClaim(t.app, editor, article.claims[1].id, { checkWorthy: false });
    await patchClaim(t.app, editor, article.claims[3].id, { checkWorthy: false });

    const worthy = await as(t.app, reviewer).get(`/api/articles/${article.id}/claims?checkWorthy=true`);
    const notWorthy = await as(t.app, reviewer).get(`/api/articles/${article.id}/claims?checkWorthy=false`);
    const unreviewed = await as(t.app, reviewer).get(`/api/articles/${article.id}/claims?status=unreviewed,in_review`);

    expect(worthy.body.items.map((c: Listed) => c.position)).toEqual([1, 3, 5, 6]);
    expect(notWorthy.body.items.map((c: Listed) => c.position)).toEqual([2, 4]);
    expect(unreviewed.body.items).toHaveLength(6);
  });

  it.each([
    ['sort=random', 'VALIDATION_FAILED'],
    ['status=done', 'VALIDATION_FAILED'],
    ['checkWorthy=yes', 'VALIDATION_FAILED'],
    ['limit=201', 'VALIDATION_FAILED'],
    ['sort=worthiness&cursor=WyJjbGFpbXM6cG9zaXRpb24iLDVd', 'INVALID_CURSOR'],
  ])('rejects %s with 400 %s', async (qs, code) => {
    const article = await importArticle(t.app, editor);
    const res = await as(t.app, reviewer).get(`/api/articles/${article.id}/claims?${qs}`);
    expect([res.status, res.body.error.code]).toEqual([400, code]);
  });

  it('answers 404 for an unknown article', async () => {
    const res = await as(t.app, reviewer).get('/api/articles/00000000-0000-4000-8000-000000000000/claims');
    expect([res.status, res.body.error.code]).toEqual([404, 'ARTICLE_NOT_FOUND']);
  });
});

describe('the desk queue', () => {
  it('lists claims across articles by status, longest waiting first, filtered by article', async () => {
    const a = await importArticle(t.app, editor, { body: longBody(3, `Q${Date.now()}`) });
    const b = await importArticle(t.app, editor, { body: longBody(2, `R${Date.now()}`) });

    const { items } = await allPages<Listed & { articleTitle: string; statusChangedAt: string }>(
      as(t.app, reviewer),
      `/api/claims?status=unreviewed&articleId=${b.id}`,
      1,
    );
    expect(items.map((c) => c.id)).toEqual(b.claims.map((c) => c.id).sort((x, y) => (x < y ? -1 : 1)));
    expect(items[0].articleTitle).toBe(b.title);

    const all = await allPages<Listed & { statusChangedAt: string }>(as(t.app, reviewer), '/api/claims?status=unreviewed', 50);
    const ids = new Set(all.items.map((c) => c.id));
    for (const claim of [...a.claims, ...b.claims]) expect(ids.has(claim.id)).toBe(true);
    const times = all.items.map((c) => Date.parse(c.statusChangedAt));
    expect(times).toEqual([...times].sort((x, y) => x - y));
  });
});
