/**
 * The data the fuzz test aims at: signed-in actors and "bundles" (an article with claims, an assignment, a source, a
 * verdict, a rating scale and a spare user) at each stage of the review workflow, so that requests with real ids
 * reach the services and the database rather than stopping at a 404. Built through the API, as the desk would.
 */
import type request from 'supertest';
import type { TestApp } from '../support/app';
import { createUser, type TestUser } from '../support/factories';
import { as, importArticle, unique } from '../support/http';

export const STAGES = ['unreviewed', 'in_review', 'awaiting_approval', 'approved', 'published'] as const;
export type Stage = (typeof STAGES)[number];

export interface Bundle {
  stage: Stage;
  articleId: string;
  /** The second claim of the first paragraph (a next claim exists to merge with; long enough to split). */
  claimId: string;
  sourceId?: string;
  /** The reviewer assigned to the claim (who attached the source and wrote the verdict). */
  reviewerId?: string;
  verdictId?: string;
  scaleId: string;
  /** A user no actor depends on (the target of account changes). */
  userId: string;
}

export interface World {
  t: TestApp;
  admin: TestUser;
  editor: TestUser;
  /** A reviewer assigned to every bundle's claim from in_review on, for the reviewer pass. */
  reviewer: TestUser;
  bundles: Bundle[];
  /** Every fixture id (never an actor's), for uuid fields in bodies and queries. */
  ids: string[];
  /** Real cursors of the lists, to tamper with. */
  cursors: string[];
}

export async function expectStatus(test: request.Test, ...statuses: number[]): Promise<request.Response> {
  const res = await test;
  if (!statuses.includes(res.status)) throw new Error(`fixture step answered ${res.status}: ${JSON.stringify(res.body).slice(0, 500)}`);
  return res;
}

export async function createActors(t: TestApp) {
  const [admin, editor, reviewer] = await Promise.all([
    createUser(t.db.prisma, { role: 'admin' }),
    createUser(t.db.prisma, { role: 'editor' }),
    createUser(t.db.prisma, { role: 'reviewer' }),
  ]);
  return { admin, editor, reviewer };
}

export async function createScale(t: TestApp, admin: TestUser): Promise<string> {
  const res = await expectStatus(
    as(t.app, admin).post('/api/rating-scales').send({
      name: unique('Fuzz scale'),
      levels: [
        { key: 'yes', label: 'Yes', value: 1, color: '#1a7f37' },
        { key: 'no', label: 'No', value: 0, color: '#cf222e' },
      ],
    }),
    201,
  );
  return res.body.id;
}

/**
 * One bundle at `stage`. The app must run with REQUIRED_VERDICTS=1, so the assignee's submitted verdict moves the
 * claim to awaiting_approval. `alsoAssign` (the actors) are assigned too, so they may save verdicts of their own.
 */
export async function createBundle(
  t: TestApp,
  actors: { admin: TestUser; alsoAssign: TestUser[] },
  stage: Stage,
  scaleId: string,
): Promise<Bundle> {
  const { admin } = actors;
  const tag = unique('fx');
  const article = await importArticle(t.app, admin, {
    body: `Fixture ${tag} opens the story. The council cut the budget by 3.5% in 2024, officials said. A third sentence follows it.\nA second paragraph ends ${tag}.`,
  });
  const claimId = article.claims[1].id;
  const spare = await createUser(t.db.prisma, { role: 'reviewer' });
  const bundle: Bundle = { stage, articleId: article.id, claimId, scaleId, userId: spare.id };
  const level = STAGES.indexOf(stage);
  if (level < 1) return bundle;

  const assignee = await createUser(t.db.prisma, { role: 'reviewer' });
  bundle.reviewerId = assignee.id;
  for (const user of [assignee, ...actors.alsoAssign]) {
    await expectStatus(as(t.app, admin).post(`/api/claims/${claimId}/assignments`).send({ reviewerId: user.id, dueAt: '2030-01-01T12:00:00Z' }), 201);
  }
  const source = await expectStatus(
    as(t.app, assignee)
      .post(`/api/claims/${claimId}/sources`)
      .send({ url: `https://records.example/${tag}`, title: 'Budget records', sourceType: 'primary_document', stance: 'refutes' }),
    201,
  );
  bundle.sourceId = source.body.sourceId;
  if (level < 2) return bundle;

  const verdict = await expectStatus(
    as(t.app, assignee)
      .put(`/api/claims/${claimId}/verdicts/mine`)
      .send({ levelKey: 'false', rationale: 'The records show otherwise.', sourceIds: [bundle.sourceId], submit: true }),
    201,
  );
  bundle.verdictId = verdict.body.id;
  if (level < 3) return bundle;

  await expectStatus(as(t.app, admin).post(`/api/claims/${claimId}/approve`).send({ levelKey: 'false', rationale: 'The records contradict it.' }), 200);
  if (level < 4) return bundle;

  await expectStatus(as(t.app, admin).post(`/api/claims/${claimId}/publish`), 200);
  return bundle;
}

export const bundleIds = (bundle: Bundle) =>
  [bundle.articleId, bundle.claimId, bundle.sourceId, bundle.reviewerId, bundle.verdictId, bundle.scaleId, bundle.userId].filter(
    (id): id is string => Boolean(id),
  );

/** The value of a path parameter for a bundle: `{id}` by the collection before it, the others by name. */
export function pathParamFor(path: string, name: string, bundle: Bundle): string | undefined {
  if (name !== 'id') return { reviewerId: bundle.reviewerId, sourceId: bundle.sourceId, verdictId: bundle.verdictId }[name];
  const collection = /\/([a-z-]+)\/\{id\}/.exec(path)?.[1];
  return {
    articles: bundle.articleId,
    claims: bundle.claimId,
    sources: bundle.sourceId,
    'rating-scales': bundle.scaleId,
    users: bundle.userId,
  }[collection ?? ''];
}

export async function buildWorld(t: TestApp, bundlesPerStage = 2): Promise<World> {
  const { admin, editor, reviewer } = await createActors(t);
  const scaleId = await createScale(t, admin);
  const bundles: Bundle[] = [];
  for (let i = 0; i < bundlesPerStage; i++) {
    for (const stage of STAGES) bundles.push(await createBundle(t, { admin, alsoAssign: [admin, editor, reviewer] }, stage, scaleId));
  }
  return { t, admin, editor, reviewer, bundles, ids: [...new Set(bundles.flatMap(bundleIds))], cursors: [] };
}
