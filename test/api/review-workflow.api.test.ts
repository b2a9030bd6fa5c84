/**
 * The whole life of a claim: assignment, sources, blind verdicts from two reviewers, consensus, approval,
 * publication (with a frozen snapshot of its sources), correction, retraction, and the refusals on the way.
 */
import { createTestApp, type TestApp } from '../support/app';
import { createUser, type TestUser } from '../support/factories';
import { as, expectOk, importArticle, sourceBody } from '../support/http';

let t: TestApp;
let editor: TestUser;
let ana: TestUser;
let ben: TestUser;
let outsider: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  [editor, ana, ben, outsider] = await Promise.all([
    createUser(t.db.prisma, { role: 'editor', name: 'Eve Editor' }),
    createUser(t.db.prisma, { role: 'reviewer', name: 'Ana Reviewer' }),
    createUser(t.db.prisma, { role: 'reviewer', name: 'Ben Reviewer' }),
    createUser(t.db.prisma, { role: 'reviewer', name: 'Olga Outsider' }),
  ]);
});
afterAll(() => t.close());

const claimOf = async (user: TestUser, claimId: string) => (await expectOk(as(t.app, user).get(`/api/claims/${claimId}`))).body;

async function claimInReview() {
  const article = await importArticle(t.app, editor, { body: `The city cut its budget by 12% in 2024, officials said. Another line ${Date.now()}.` });
  const claimId = article.claims[0].id;
  await expectOk(as(t.app, editor).post(`/api/claims/${claimId}/assignments`).send({ reviewerId: ana.id, dueAt: '2030-01-01T12:00:00Z' }), 201);
  await expectOk(as(t.app, editor).post(`/api/claims/${claimId}/assignments`).send({ reviewerId: ben.id }), 201);
  return { article, claimId };
}

describe('the life of a claim', () => {
  it('goes from a sentence to a published, sourced, corrected and retracted fact-check', async () => {
    const { claimId } = await claimInReview();
    expect((await claimOf(editor, claimId)).status).toBe('in_review');

    // Evidence, by an assigned reviewer.
    const source = await expectOk(as(t.app, ana).post(`/api/claims/${claimId}/sources`).send(sourceBody({ url: 'HTTPS://Data.Example.gov/budget/?utm_source=x&b=2&a=1#top' })), 201);
    expect(source.body).toMatchObject({ url: 'https://data.example.gov/budget?a=1&b=2', stance: 'refutes', addedBy: { id: ana.id } });
    const sourceId = source.body.sourceId;

    // Blind verdicts: Ana drafts, then submits; Ben cannot see hers until he submits.
    const draft = await expectOk(as(t.app, ana).put(`/api/claims/${claimId}/verdicts/mine`).send({ levelKey: 'false', rationale: 'Budget rose.' }), 201);
    expect(draft.body).toMatchObject({ status: 'draft', level: { key: 'false' }, version: 1 });
    await expectOk(as(t.app, ana).put(`/api/claims/${claimId}/verdicts/mine`).send({ sourceIds: [sourceId], submit: true, version: 1 }));
    expect((await as(t.app, ben).get(`/api/claims/${claimId}/verdicts`)).body.items).toEqual([]);
    expect((await claimOf(ben, claimId)).review.consensus).toBeNull();
    expect((await claimOf(editor, claimId)).status).toBe('in_review');

    await expectOk(as(t.app, ben).put(`/api/claims/${claimId}/verdicts/mine`).send({ levelKey: 'false', rationale: 'The budget grew 3%.', sourceIds: [sourceId], submit: true }), 201);
    const afterBoth = await claimOf(ben, claimId);
    expect(afterBoth.status).toBe('awaiting_approval');
    expect(afterBoth.review).toMatchObject({ requiredVerdicts: 2, submittedVerdicts: 2, consensus: { rule: 'majority', level: { key: 'false' }, agreement: 1 } });
    expect((await as(t.app, ben).get(`/api/claims/${claimId}/verdicts`)).body.items).toHaveLength(2);

    // Approval (agrees with the consensus, so no reason needed), then publication.
    await expectOk(as(t.app, editor).post(`/api/claims/${claimId}/approve`).send({ levelKey: 'false', rationale: 'City records show the budget grew 3% in 2024.' }));
    const listed = async (who: TestUser) =>
      (await expectOk(as(t.app, who).get(`/api/claims?articleId=${(await claimOf(editor, claimId)).articleId}`))).body.items.find((c: { id: string }) => c.id === claimId).verdict;
    expect(await listed(editor)).toMatchObject({ key: 'false', label: 'False', state: 'approved' });
    expect(await listed(outsider)).toBeNull();
    const published = await expectOk(as(t.app, editor).post(`/api/claims/${claimId}/publish`));
    expect(published.body.status).toBe('published');
    expect(published.body.finalVerdict).toMatchObject({
      revision: 1,
      state: 'published',
      level: { key: 'false', label: 'False', value: 1 },
      scale: { bestValue: 5, worstValue: 0 },
      sources: [{ sourceId, url: 'https://data.example.gov/budget?a=1&b=2', stance: 'refutes', excerpt: 'Table 3 shows a 2% rise.' }],
    });

    // Later edits of the source never change the published fact-check.
    const current = await as(t.app, editor).get(`/api/sources/${sourceId}`);
    await expectOk(as(t.app, editor).patch(`/api/sources/${sourceId}`).send({ title: 'Renamed report', version: current.body.version }));
    await expectOk(as(t.app, editor).patch(`/api/claims/${claimId}/sources/${sourceId}`).send({ excerpt: 'Another passage.', version: 1 }));
    const snapshot = (await claimOf(outsider, claimId)).finalVerdict.sources[0];
    expect(snapshot).toMatchObject({ title: 'Annual report', excerpt: 'Table 3 shows a 2% rise.' });
    expect(await listed(outsider)).toMatchObject({ key: 'false', state: 'published', color: '#cf222e' });

    // A correction: new rationale and a public note, republished; revision 1 stays readable with its dates.
    const correcting = await expectOk(as(t.app, editor).post(`/api/claims/${claimId}/corrections`).send({ levelKey: 'mostly_false', note: 'We misread the 2023 baseline.' }));
    expect(correcting.body.status).toBe('correcting');
    const republished = await expectOk(as(t.app, editor).post(`/api/claims/${claimId}/publish`));
    expect(republished.body.finalVerdict).toMatchObject({ revision: 2, state: 'published', level: { key: 'mostly_false' }, correctionNote: 'We misread the 2023 baseline.', rationale: 'City records show the budget grew 3% in 2024.' });
    expect(republished.body.publishedVerdicts.map((r: { revision: number; state: string }) => [r.revision, r.state])).toEqual([[2, 'published'], [1, 'superseded']]);
    expect(republished.body.publishedVerdicts[1].supersededAt).toBe(republished.body.publishedVerdicts[0].publishedAt);

    // Retraction, with a public note; the published verdicts stay.
    const retracted = await expectOk(as(t.app, editor).post(`/api/claims/${claimId}/retract`).send({ note: 'The underlying data was withdrawn.' }));
    expect(retracted.body).toMatchObject({ status: 'retracted', retraction: { note: 'The underlying data was withdrawn.' } });
    expect(retracted.body.publishedVerdicts).toHaveLength(2);

    const actions = (await as(t.app, editor).get(`/api/claims/${claimId}/history?limit=200`)).body.items.map((e: { action: string }) => e.action).reverse();
    expect(actions).toEqual(expect.arrayContaining(['assignment.created', 'claim_source.added', 'verdict.created', 'verdict.submitted', 'ruling.approved', 'ruling.published', 'ruling.correction_opened', 'ruling.republished']));
    expect(actions.filter((a: string) => a === 'claim.status_changed')).toHaveLength(7);
  });

  it('refuses steps that skip the workflow with 409 INVALID_TRANSITION and the statuses reachable', async () => {
    const { claimId } = await claimInReview();

    const res = await as(t.app, editor).post(`/api/claims/${claimId}/publish`);

    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'INVALID_TRANSITION', status: 'in_review', reachable: ['awaiting_approval', 'unreviewed'] });
    const again = await as(t.app, editor).post(`/api/claims/${claimId}/retract`).send({ note: 'x' });
    expect(again.body.error.code).toBe('INVALID_TRANSITION');
  });

  it('requires a written reason when the approved level differs from the consensus or there is none', async () => {
    const { claimId } = await claimInReview();
    await expectOk(as(t.app, ana).put(`/api/claims/${claimId}/verdicts/mine`).send({ levelKey: 'true', rationale: 'Yes.', submit: true }), 201);
    await expectOk(as(t.app, ben).put(`/api/claims/${claimId}/verdicts/mine`).send({ levelKey: 'false', rationale: 'No.', submit: true }), 201);
    const tie = await claimOf(editor, claimId);
    expect(tie.review.consensus).toMatchObject({ level: null, agreement: 0.5, distribution: [{ count: 1 }, { count: 1 }] });

    const noReason = await as(t.app, editor).post(`/api/claims/${claimId}/approve`).send({ levelKey: 'half_true', rationale: 'Mixed.' });
    expect([noReason.status, noReason.body.error.code, noReason.body.error.details[0].path]).toEqual([400, 'REASON_REQUIRED', 'body.reason']);
    const withReason = await as(t.app, editor).post(`/api/claims/${claimId}/approve`).send({ levelKey: 'half_true', rationale: 'Mixed.', reason: 'Reviewers split; the data supports half.' });
    expect(withReason.body.finalVerdict).toMatchObject({ state: 'approved', reason: 'Reviewers split; the data supports half.', consensus: { levelKey: null, agreement: 0.5 } });
  });

  it('sends a claim back: verdicts reopen, an unpublished approval is withdrawn, the note reaches the desk notes', async () => {
    const { claimId } = await claimInReview();
    for (const reviewer of [ana, ben]) {
      await expectOk(as(t.app, reviewer).put(`/api/claims/${claimId}/verdicts/mine`).send({ levelKey: 'false', rationale: 'No.', submit: true }), 201);
    }
    await expectOk(as(t.app, editor).post(`/api/claims/${claimId}/approve`).send({ levelKey: 'false', rationale: 'No.' }));

    const back = await expectOk(as(t.app, editor).post(`/api/claims/${claimId}/return`).send({ note: 'Check the 2019 figure.' }));

    expect(back.body).toMatchObject({ status: 'in_review', finalVerdict: null });
    const verdicts = (await as(t.app, editor).get(`/api/claims/${claimId}/verdicts`)).body.items;
    expect(verdicts.map((v: { status: string }) => v.status)).toEqual(['draft', 'draft']);
    const notes = (await as(t.app, ana).get(`/api/claims/${claimId}/notes`)).body.items;
    expect(notes.map((n: { body: string }) => n.body)).toEqual(['Sent back to review: Check the 2019 figure.']);
    // Ana revises and resubmits.
    const mine = verdicts.find((v: { reviewer: { id: string } }) => v.reviewer.id === ana.id);
    await expectOk(as(t.app, ana).put(`/api/claims/${claimId}/verdicts/mine`).send({ rationale: 'Still no.', submit: true, version: mine.version }));
  });

  it('freezes a submitted verdict until an editor reopens it', async () => {
    const { claimId } = await claimInReview();
    const submitted = await expectOk(as(t.app, ana).put(`/api/claims/${claimId}/verdicts/mine`).send({ levelKey: 'false', rationale: 'No.', submit: true }), 201);

    const frozen = await as(t.app, ana).put(`/api/claims/${claimId}/verdicts/mine`).send({ rationale: 'Changed my mind.', version: submitted.body.version });
    expect([frozen.status, frozen.body.error.code]).toEqual([409, 'VERDICT_SUBMITTED']);

    const reopened = await expectOk(as(t.app, editor).post(`/api/claims/${claimId}/verdicts/${submitted.body.id}/reopen`));
    expect(reopened.body.status).toBe('draft');
    const revised = await expectOk(as(t.app, ana).put(`/api/claims/${claimId}/verdicts/mine`).send({ rationale: 'Changed my mind.', version: reopened.body.version }));
    expect(revised.body.rationale).toBe('Changed my mind.');
    const stale = await as(t.app, ana).put(`/api/claims/${claimId}/verdicts/mine`).send({ rationale: 'Again.', version: reopened.body.version });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'VERSION_CONFLICT']);
    const missing = await as(t.app, ana).put(`/api/claims/${claimId}/verdicts/mine`).send({ rationale: 'Again.' });
    expect(missing.status).toBe(428);
  });

  it('checks verdict input: a level of the scale, sources of the claim, a level and rationale to submit', async () => {
    const { claimId } = await claimInReview();
    const other = await importArticle(t.app, editor);
    const foreign = await expectOk(as(t.app, editor).post(`/api/claims/${other.claims[0].id}/sources`).send(sourceBody()), 201);

    const cases = [
      [{ levelKey: 'maybe' }, 'body.levelKey'],
      [{ sourceIds: [foreign.body.sourceId] }, 'body.sourceIds.0'],
      [{ submit: true }, 'body.levelKey'],
    ] as const;
    for (const [body, path] of cases) {
      const res = await as(t.app, ana).put(`/api/claims/${claimId}/verdicts/mine`).send(body);
      expect([res.status, res.body.error.details.map((d: { path: string }) => d.path)]).toEqual([400, expect.arrayContaining([path])]);
    }
    expect(await t.db.prisma.verdict.count({ where: { claimId } })).toBe(0);
  });
});

describe('assignments', () => {
  it('lists my assignments with due dates, and the queue filters mine and overdue', async () => {
    const { claimId } = await claimInReview();
    const late = await importArticle(t.app, editor);
    await expectOk(as(t.app, editor).post(`/api/claims/${late.claims[0].id}/assignments`).send({ reviewerId: ana.id, dueAt: '2020-01-01T00:00:00Z' }), 201);

    const mine = (await as(t.app, ana).get('/api/me/assignments?limit=200')).body.items;
    const byClaim = new Map(mine.map((a: { claim: { id: string } }) => [a.claim.id, a]));
    expect(byClaim.get(claimId)).toMatchObject({ dueAt: '2030-01-01T12:00:00.000Z', overdue: false, verdict: 'none' });
    expect(byClaim.get(late.claims[0].id)).toMatchObject({ overdue: true });

    const overdue = (await as(t.app, ana).get('/api/claims?assignee=me&overdue=true&limit=200')).body.items.map((c: { id: string }) => c.id);
    expect(overdue).toContain(late.claims[0].id);
    expect(overdue).not.toContain(claimId);
    const unassigned = (await as(t.app, ana).get(`/api/articles/${late.id}/claims?assignee=none`)).body.items.map((c: { id: string }) => c.id);
    expect(unassigned).toEqual(late.claims.slice(1).map((c) => c.id));
  });

  it('removes an assignee who has not submitted (with their draft), never one who has', async () => {
    const { claimId } = await claimInReview();
    await expectOk(as(t.app, ana).put(`/api/claims/${claimId}/verdicts/mine`).send({ levelKey: 'false', rationale: 'No.', submit: true }), 201);
    await expectOk(as(t.app, ben).put(`/api/claims/${claimId}/verdicts/mine`).send({ levelKey: 'true', rationale: 'Draft.' }), 201);

    const refused = await as(t.app, editor).delete(`/api/claims/${claimId}/assignments/${ana.id}`);
    expect([refused.status, refused.body.error.code]).toEqual([409, 'ASSIGNEE_SUBMITTED']);
    await expectOk(as(t.app, editor).delete(`/api/claims/${claimId}/assignments/${ben.id}`), 204);

    // Ana was the only one left and has submitted: the claim awaits approval; Ben's draft is gone.
    expect((await claimOf(editor, claimId)).status).toBe('awaiting_approval');
    expect(await t.db.prisma.verdict.count({ where: { claimId, reviewerId: ben.id } })).toBe(0);
  });

  it('changes a due date when the same reviewer is assigned again, and refuses unknown users', async () => {
    const { claimId } = await claimInReview();
    const again = await expectOk(as(t.app, editor).post(`/api/claims/${claimId}/assignments`).send({ reviewerId: ana.id, dueAt: '2031-05-05T00:00:00Z' }));
    expect(again.body.dueAt).toBe('2031-05-05T00:00:00.000Z');
    const unknown = await as(t.app, editor).post(`/api/claims/${claimId}/assignments`).send({ reviewerId: '00000000-0000-4000-8000-000000000000' });
    expect([unknown.status, unknown.body.error.details[0].path]).toEqual([400, 'body.reviewerId']);
  });
});

describe('sources', () => {
  it('keeps one record per normalised URL, linked to each claim, and shows everywhere it was used', async () => {
    const a = await claimInReview();
    const b = await claimInReview();
    const url = `https://www.Example.org/report-${Date.now()}/`;

    const first = await expectOk(as(t.app, ana).post(`/api/claims/${a.claimId}/sources`).send(sourceBody({ url, stance: 'supports' })), 201);
    const second = await expectOk(as(t.app, ben).post(`/api/claims/${b.claimId}/sources`).send(sourceBody({ url: `${url}#section`, title: 'Ignored title', stance: 'context' })), 201);

    expect(second.body.sourceId).toBe(first.body.sourceId);
    expect(second.body).toMatchObject({ title: 'Annual report', stance: 'context' });
    const detail = await expectOk(as(t.app, outsider).get(`/api/sources/${first.body.sourceId}`));
    expect(detail.body.usedOnClaims).toBe(2);
    expect(detail.body.usages.map((u: { claimId: string }) => u.claimId).sort()).toEqual([a.claimId, b.claimId].sort());
    const dup = await as(t.app, ana).post(`/api/claims/${a.claimId}/sources`).send(sourceBody({ url }));
    expect([dup.status, dup.body.error.code]).toEqual([409, 'SOURCE_ALREADY_LINKED']);
  });

  it.each([['javascript:alert(1)'], ['ftp://example.org/x'], ['https://user:pass@example.org/'], ['not a url']])('refuses the URL %s with 400', async (url) => {
    const { claimId } = await claimInReview();
    const res = await as(t.app, ana).post(`/api/claims/${claimId}/sources`).send(sourceBody({ url }));
    expect([res.status, res.body.error.details[0].path]).toEqual([400, 'body.url']);
  });

  it('lets the link author or an editor edit the stance, nobody else; a source a submitted verdict rests on stays', async () => {
    const { claimId } = await claimInReview();
    const link = await expectOk(as(t.app, ana).post(`/api/claims/${claimId}/sources`).send(sourceBody()), 201);
    const path = `/api/claims/${claimId}/sources/${link.body.sourceId}`;

    expect((await as(t.app, ben).patch(path).send({ stance: 'supports', version: 1 })).status).toBe(403);
    expect((await as(t.app, ana).patch(path).send({ stance: 'supports', version: 1 })).body.stance).toBe('supports');
    await expectOk(as(t.app, ben).put(`/api/claims/${claimId}/verdicts/mine`).send({ levelKey: 'true', rationale: 'Yes.', sourceIds: [link.body.sourceId], submit: true }), 201);
    const inUse = await as(t.app, editor).delete(path);
    expect([inUse.status, inUse.body.error.code]).toEqual([409, 'SOURCE_IN_USE']);
  });
});

describe('rating scales and the article scale', () => {
  it('offers the default scale, lets admins add and relabel scales, and fixes an article scale at the first verdict', async () => {
    const admin = await createUser(t.db.prisma, { role: 'admin' });
    const scales = (await as(t.app, outsider).get('/api/rating-scales')).body.items;
    const truth = scales.find((s: { isDefault: boolean }) => s.isDefault);
    expect(truth.levels.map((l: { key: string }) => l.key)).toEqual(['true', 'mostly_true', 'half_true', 'mostly_false', 'false', 'pants_on_fire', 'misleading', 'unverifiable']);
    expect([truth.bestValue, truth.worstValue]).toEqual([5, 0]);

    const created = await expectOk(
      as(t.app, admin).post('/api/rating-scales').send({
        name: `Binary ${Date.now()}`,
        levels: [
          { key: 'accurate', label: 'Accurate', value: 1, color: '#1A7F37' },
          { key: 'inaccurate', label: 'Inaccurate', value: 0, color: '#cf222e' },
        ],
      }),
      201,
    );
    const relabelled = await expectOk(as(t.app, admin).patch(`/api/rating-scales/${created.body.id}`).send({ levels: [{ key: 'accurate', label: 'Correct' }], version: 1 }));
    expect(relabelled.body.levels[0]).toMatchObject({ key: 'accurate', label: 'Correct', color: '#1a7f37', value: 1 });

    const { article, claimId } = await claimInReview();
    await expectOk(as(t.app, editor).patch(`/api/articles/${article.id}`).send({ ratingScaleId: created.body.id, version: 1 }));
    await expectOk(as(t.app, ana).put(`/api/claims/${claimId}/verdicts/mine`).send({ levelKey: 'accurate', rationale: 'Right.' }), 201);
    const locked = await as(t.app, editor).patch(`/api/articles/${article.id}`).send({ ratingScaleId: null, version: 2 });
    expect([locked.status, locked.body.error.code]).toEqual([409, 'SCALE_LOCKED']);
    expect((await as(t.app, editor).delete(`/api/articles/${article.id}`)).body.error.code).toBe('ARTICLE_HAS_VERDICTS');
  });
});
