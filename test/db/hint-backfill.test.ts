import { createTestApp, type TestApp } from '../support/app';
import { createUser } from '../support/factories';
import { importArticle } from '../support/http';
import { backfillHints } from '../../src/triage/hint-backfill';
import { checkWorthinessHint } from '../../src/triage/check-worthiness';

/** Claims imported before hints existed are scored once, at the first start after the migration. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the hint backfill', () => {
  it('scores every claim without a hint, records the task as done, and does nothing at later starts', async () => {
    const editor = await createUser(t.db.prisma, { role: 'editor' });
    const article = await importArticle(t.app, editor, { body: 'Unemployment fell to 3.5% in May. Thank you all!\nA third line here.' });
    // As the migration left claims imported before hints existed:
    await t.db.prisma.claim.updateMany({ where: { articleId: article.id }, data: { hint: null } });
    await t.db.prisma.dataBackfill.update({ where: { name: 'claim_hints' }, data: { completedAt: null } });

    const scored = await backfillHints(t.db.pool);

    expect(scored).toBe(3);
    const claims = await t.db.prisma.claim.findMany({ where: { articleId: article.id }, orderBy: { position: 'asc' } });
    expect(claims.map((c) => c.hint)).toEqual(claims.map((c) => checkWorthinessHint(c.text)));
    expect((await t.db.prisma.dataBackfill.findUniqueOrThrow({ where: { name: 'claim_hints' } })).completedAt).toBeInstanceOf(Date);

    await t.db.prisma.claim.updateMany({ where: { articleId: article.id }, data: { hint: null } });
    expect(await backfillHints(t.db.pool)).toBe(0);
  });
});
