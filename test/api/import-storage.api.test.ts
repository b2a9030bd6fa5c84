/** The import's bulk insert sends each claim column as one PostgreSQL array literal: every text must round-trip. */
import { createTestApp, type TestApp } from '../support/app';
import { createUser, type TestUser } from '../support/factories';
import { allPages, as, importArticle, sliceCodePoints, unique } from '../support/http';

let t: TestApp;
let editor: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  editor = await createUser(t.db.prisma, { role: 'editor' });
});
afterAll(() => t.close());

describe('claims stored by the import', () => {
  it('keep quotes, backslashes, braces, commas, NULL and non-BMP characters exactly', async () => {
    const sentences = [
      'He said "no" twice.',
      'The path was C:\\data\\new.',
      'A set {1,2} and a map {"a": 1}.',
      'NULL',
      'Commas, commas, and more commas.',
      'An emoji 🎉 and a curly “quote”.',
      'A lone backslash \\',
      '""',
    ];
    const body = `${unique('Storage')}.\n${sentences.join('\n')}`;
    const article = await importArticle(t.app, editor, { body });
    const { items } = await allPages<{ text: string; start: number; end: number; hint: number }>(
      as(t.app, editor),
      `/api/articles/${article.id}/claims`,
      200,
    );
    expect(items.map((c) => c.text).slice(1)).toEqual(sentences);
    for (const claim of items) {
      expect(sliceCodePoints(body, claim.start, claim.end)).toBe(claim.text);
      expect(claim.hint).toBeGreaterThanOrEqual(0);
    }
    // The import's own response (built from what was written) agrees with what a later read returns.
    expect(article.claims.map((c) => c.text)).toEqual(items.map((c) => c.text));
  });
});
