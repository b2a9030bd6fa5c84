import request from 'supertest';
import type { Express } from 'express';
import type { TestUser } from './factories';

let counter = 0;
/** A string no other call returns, for unique titles, bodies and e-mails. */
export const unique = (prefix = 'u') => `${prefix}-${process.pid}-${Date.now()}-${++counter}`;

/** A supertest agent bound to a user's token (or anonymous). */
export function as(app: Express, user?: Pick<TestUser, 'auth'>) {
  const withAuth = (test: request.Test) => (user ? test.set(user.auth) : test);
  return {
    get: (path: string) => withAuth(request(app).get(path)),
    post: (path: string) => withAuth(request(app).post(path)),
    put: (path: string) => withAuth(request(app).put(path)),
    patch: (path: string) => withAuth(request(app).patch(path)),
    delete: (path: string) => withAuth(request(app).delete(path)),
  };
}

export interface ImportedArticle {
  id: string;
  version: number;
  claims: Array<{ id: string; text: string; position: number; start: number; end: number; version: number; paragraph: number }>;
  [key: string]: unknown;
}

/** Imports an article through the API as `editor` and returns the response body. */
export async function importArticle(
  app: Express,
  editor: Pick<TestUser, 'auth'>,
  fields: { title?: string; body?: string; author?: string; publishedAt?: string } = {},
): Promise<ImportedArticle> {
  const res = await as(app, editor)
    .post('/api/articles')
    .send({ title: fields.title ?? unique('Article'), body: fields.body ?? `First sentence ${unique()}. Second sentence.`, ...fields });
  if (res.status !== 201) throw new Error(`import failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Slices a string by code points, as claim offsets do. */
export const sliceCodePoints = (body: string, start: number, end: number) => Array.from(body).slice(start, end).join('');

/**
 * Follows `nextCursor` from the first page to the end and returns every item; checks that each page is
 * `{ items, nextCursor }`, full except the last, and that the walk ends (at most `maxPages`).
 */
export async function allPages<T = Record<string, unknown>>(
  agent: ReturnType<typeof as>,
  path: string,
  limit: number,
  maxPages = 1000,
): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let page = 1; page <= maxPages; page++) {
    const separator = path.includes('?') ? '&' : '?';
    const url = `${path}${separator}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await agent.get(url);
    if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${JSON.stringify(res.body)}`);
    expect(Object.keys(res.body).sort()).toEqual(['items', 'nextCursor']);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
    if (cursor === null) {
      expect(res.body.items.length).toBeLessThanOrEqual(limit);
      return { items, pages: page };
    }
    expect(res.body.items).toHaveLength(limit);
  }
  throw new Error(`${path} did not end within ${maxPages} pages`);
}

/** Reads a claim's current version, then PATCHes it with that version (as an editor's client would). */
export async function patchClaim(app: Express, user: Pick<TestUser, 'auth'>, claimId: string, changes: Record<string, unknown>) {
  const current = await as(app, user).get(`/api/claims/${claimId}`);
  return as(app, user).patch(`/api/claims/${claimId}`).send({ ...changes, version: current.body.version });
}

/** Sends a request and fails with the response body when the status is not the expected one. */
export async function expectOk(test: request.Test, status = 200): Promise<request.Response> {
  const res = await test;
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res;
}

/** A source body for POST /api/claims/:id/sources. */
export const sourceBody = (overrides: Record<string, unknown> = {}) => ({
  url: `https://data.example.gov/${unique('report')}`,
  title: 'Annual report',
  publisher: 'Statistics Office',
  sourceType: 'dataset',
  stance: 'refutes',
  excerpt: 'Table 3 shows a 2% rise.',
  ...overrides,
});
