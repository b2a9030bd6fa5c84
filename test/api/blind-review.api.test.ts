/**
 * Blind review: until a reviewer has submitted, no route shows them another reviewer's verdict, vote, the
 * consensus or a verdict event. Editors see everything; reviewers not assigned see only the final verdict once it is
 * approved or published. Besides the targeted checks, every GET route of the route table is swept for the secret.
 */
import { formatNames } from '../../src/export/formats';
import { ROUTES } from '../../src/routes';
import { createTestApp, type TestApp } from '../support/app';
import { createUser, type TestUser } from '../support/factories';
import { as, expectOk, importArticle, sourceBody } from '../support/http';

let t: TestApp;
let editor: TestUser;
let ana: TestUser;
let ben: TestUser;
let outsider: TestUser;
beforeAll(async () => {
  // One submitted verdict is enough to await approval here, so a claim can be approved while Ben has not submitted.
  t = await createTestApp({ REQUIRED_VERDICTS: '1' });
  [editor, ana, ben, outsider] = await Promise.all([
    createUser(t.db.prisma, { role: 'editor' }),
    createUser(t.db.prisma, { role: 'reviewer', name: 'Ana Blind' }),
    createUser(t.db.prisma, { role: 'reviewer', name: 'Ben Blind' }),
    createUser(t.db.prisma, { role: 'reviewer', name: 'Olga Outsider' }),
  ]);
});
afterAll(() => t.close());

interface Scene {
  articleId: string;
  claimId: string;
  sourceId: string;
  secret: string;
  anaVerdictId: string;
}

/** Ana and Ben are assigned; Ana has submitted a verdict with a secret rationale; Ben has a draft. */
async function scene(): Promise<Scene> {
  const secret = `SECRET-RATIONALE-${Date.now()}-${Math.random()}`;
  const article = await importArticle(t.app, editor, { body: `The mayor said crime fell 20% last year. ${secret.slice(-8)} more.` });
  const claimId = article.claims[0].id;
  for (const reviewer of [ana, ben]) await expectOk(as(t.app, editor).post(`/api/claims/${claimId}/assignments`).send({ reviewerId: reviewer.id }), 201);
  const source = await expectOk(as(t.app, ana).post(`/api/claims/${claimId}/sources`).send(sourceBody()), 201);
  const verdict = await expectOk(
    as(t.app, ana).put(`/api/claims/${claimId}/verdicts/mine`).send({ levelKey: 'pants_on_fire', rationale: secret, sourceIds: [source.body.sourceId], submit: true }),
    201,
  );
  await expectOk(as(t.app, ben).put(`/api/claims/${claimId}/verdicts/mine`).send({ levelKey: 'true', rationale: 'Ben draft' }), 201);
  return { articleId: article.id, claimId, sourceId: source.body.sourceId, secret, anaVerdictId: verdict.body.id };
}

describe('before a reviewer has submitted', () => {
  it('shows them only their own verdict, no consensus, no other verdict events', async () => {
    const s = await scene();
    const verdicts = (await as(t.app, ben).get(`/api/claims/${s.claimId}/verdicts`)).body.items;
    expect(verdicts.map((v: { reviewer: { id: string } }) => v.reviewer.id)).toEqual([ben.id]);

    const claim = (await as(t.app, ben).get(`/api/claims/${s.claimId}`)).body;
    expect(claim.review.consensus).toBeNull();
    expect(claim.review.submittedVerdicts).toBe(1);

    const history = (await as(t.app, ben).get(`/api/claims/${s.claimId}/history?limit=200`)).body.items;
    const verdictEvents = history.filter((e: { entityType: string }) => e.entityType === 'verdict');
    expect(verdictEvents.map((e: { actor: { id: string } }) => e.actor.id)).toEqual([ben.id]);
  });

  it('does not show them an approved final verdict until they submit', async () => {
    const s = await scene();
    await expectOk(as(t.app, editor).post(`/api/claims/${s.claimId}/approve`).send({ levelKey: 'false', rationale: 'Approved text.', reason: 'Softer.' }));

    expect((await as(t.app, ben).get(`/api/claims/${s.claimId}`)).body.finalVerdict).toBeNull();
    const outsiderView = (await as(t.app, outsider).get(`/api/claims/${s.claimId}`)).body;
    expect(outsiderView.finalVerdict).toMatchObject({ state: 'approved', level: { key: 'false' }, consensus: null });
    expect((await as(t.app, ana).get(`/api/claims/${s.claimId}`)).body.finalVerdict.consensus).toMatchObject({ levelKey: 'pants_on_fire' });
  });

  it('shows everything once they have submitted (except other drafts, which only editors see)', async () => {
    const s = await scene();
    const anaSees = (await as(t.app, ana).get(`/api/claims/${s.claimId}/verdicts`)).body.items;
    expect(anaSees.map((v: { reviewer: { id: string }; status: string }) => [v.reviewer.id, v.status])).toEqual([[ana.id, 'submitted']]);
    expect((await as(t.app, ana).get(`/api/claims/${s.claimId}`)).body.review.consensus).toMatchObject({ level: { key: 'pants_on_fire' } });

    const editorSees = (await as(t.app, editor).get(`/api/claims/${s.claimId}/verdicts`)).body.items;
    expect(editorSees.map((v: { status: string }) => v.status).sort()).toEqual(['draft', 'submitted']);
  });
});

describe('desk reports', () => {
  it('hold only what the reader may see: no consensus or other verdicts before they submit', async () => {
    const s = await scene();
    const claimIn = async (who: TestUser) =>
      (await expectOk(as(t.app, who).get(`/api/articles/${s.articleId}/report?format=json`))).body.claims.find((c: { id: string }) => c.id === s.claimId);

    const forBen = await claimIn(ben);
    expect(forBen.review.consensus).toBeNull();
    expect(forBen.review.verdicts.map((v: { reviewer: string }) => v.reviewer)).toEqual(['Ben Blind']);
    const forOlga = await claimIn(outsider);
    expect([forOlga.review.consensus, forOlga.review.verdicts]).toEqual([null, []]);
    const forEditor = await claimIn(editor);
    expect(forEditor.review.consensus.level.key).toBe('pants_on_fire');
    expect(forEditor.review.verdicts).toHaveLength(2);
  });
});

describe('reviewers not assigned to the claim', () => {
  it('see no individual verdicts, no consensus and no verdict events; the published verdict once published', async () => {
    const s = await scene();
    expect((await as(t.app, outsider).get(`/api/claims/${s.claimId}/verdicts`)).body.items).toEqual([]);
    expect((await as(t.app, outsider).get(`/api/claims/${s.claimId}`)).body.review.consensus).toBeNull();

    await expectOk(as(t.app, editor).post(`/api/claims/${s.claimId}/approve`).send({ levelKey: 'pants_on_fire', rationale: 'Public rationale.' }));
    await expectOk(as(t.app, editor).post(`/api/claims/${s.claimId}/publish`));
    const published = (await as(t.app, outsider).get(`/api/claims/${s.claimId}`)).body;
    expect(published.finalVerdict).toMatchObject({ state: 'published', rationale: 'Public rationale.' });
    expect((await as(t.app, outsider).get(`/api/claims/${s.claimId}/verdicts`)).body.items).toEqual([]);
  });
});

describe('no route leaks a verdict before its reader has submitted', () => {
  /** Every GET route of the table, called with this scene's ids; routes needing other ids are filled or skipped. */
  function sweepTargets(s: Scene): string[] {
    return ROUTES.filter((route) => route.method === 'get' && route.path.startsWith('/api/'))
      .map((route) =>
        route.path
          .replace(/^\/api\/articles\/:id/, `/api/articles/${s.articleId}`)
          .replace(/^\/api\/claims\/:id/, `/api/claims/${s.claimId}`)
          .replace(/^\/api\/sources\/:id/, `/api/sources/${s.sourceId}`)
          .replace(':sourceId', s.sourceId),
      )
      .filter((path) => !path.includes(':'))
      .concat(
        // Exports need a format: every format of the article report, and the desk stream.
        formatNames.map((format) => `/api/articles/${s.articleId}/report?format=${format}`),
        ['/api/reports?format=csv', '/api/reports?format=json'],
      );
  }

  it.each([['Ben (assigned, not submitted)', () => ben], ['Olga (not assigned)', () => outsider]])('for %s', async (_label, who) => {
    const s = await scene();
    const targets = sweepTargets(s);
    expect(targets).toEqual(expect.arrayContaining([`/api/claims/${s.claimId}`, `/api/claims/${s.claimId}/verdicts`, `/api/claims/${s.claimId}/history`]));

    for (const path of targets) {
      const res = await as(t.app, who()).get(path).buffer(true);
      // Desk-wide lists also hold other tests' published claims (public by then): judge only this scene's items.
      const items: unknown[] | undefined = Array.isArray(res.body?.items) ? res.body.items : undefined;
      const text = items
        ? JSON.stringify(items.filter((item) => JSON.stringify(item).includes(s.claimId)))
        : JSON.stringify(res.body) + (res.text ?? '');
      // Ana's level is a key of the scale itself, so the scales list and the reports' scale appendix may name it;
      // nothing else may (the reports' review sections are checked on their own below).
      const namesScale = path.startsWith('/api/rating-scales') || path.includes('/report?');
      const namesHerLevel = !namesScale && text.includes('pants_on_fire');
      expect({ path, leaks: text.includes(s.secret) || text.includes(s.anaVerdictId) || namesHerLevel }).toEqual({ path, leaks: false });
    }
  });
});
