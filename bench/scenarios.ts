/**
 * The load scenarios of `npm run bench`, one entry each: what it measures, its target, and a setup that returns
 * the request spec for our service and for what it is compared with (the raw baseline, our service without the
 * token check, or our service on the small desk). Adding a scenario is adding an entry here; the runner
 * (bench/harness/runner.ts) warms both sides up, alternates them over three runs and takes the medians.
 */
import { encodeCursor } from '../src/http/keyset';
import { articleCreatedAt, articleId, DETAIL_ARTICLE, SEARCH_TERM } from './harness/desk';
import type { ClaimPool, LoadRequest } from './harness/load-worker';
import { countWrites, type WritePools } from './harness/write-desk';

/** Which running process a side is sent to. */
export type ServerName = 'ours' | 'ours-noauth' | 'raw' | 'ours-small' | 'raw-small';

export interface LoadSide {
  server: ServerName;
  requests: LoadRequest[];
  /** Writes: the claims this side's connections take one by one (see ClaimPool). */
  pool?: ClaimPool;
}

export type Target =
  /** ours/raw throughput at least `minThroughput`, p99 at most `maxP99` times raw's (when set), no errors. */
  | { kind: 'vs-raw'; minThroughput: number; maxP99?: number }
  /** What ours costs per request relative to the baseline (baseline rps / ours rps) at most `maxCost`. */
  | { kind: 'cost'; maxCost: number };

export interface BenchContext {
  /** Bearer header for the bench editor (the same user id on every desk). */
  auth: Record<string, string>;
  /** Articles on the large desk (the small one has DESK_SMALL.articles). */
  largeArticles: number;
  smallArticles: number;
  /** For the write scenario: the desk holding claims in review with the bench editor assigned, one pool per side. */
  writes?: { url: string; pools: WritePools };
}

export interface LoadScenario {
  id: string;
  title: string;
  target: Target;
  /** What the baseline column is. */
  baselineLabel: string;
  /** Check before measuring that both sides answer the same JSON. */
  sameJson?: boolean;
  /**
   * Writes: no GET check before measuring; afterwards, given the 2xx responses each side counted (warm-up
   * included), say what the database holds and whether every acknowledged write is there.
   */
  verify?: (ctx: BenchContext, acknowledged: { ours: number; baseline: number }) => Promise<{ ok: boolean; found: unknown }>;
  setup(ctx: BenchContext): { ours: LoadSide; baseline: LoadSide };
}

export const DESK_SMALL = { articles: 100, claims: 22_200 };
export const DESK_LARGE = { articles: 100_000, claims: 2_000_000 };

const READ_UNDER_LOAD: Target = { kind: 'vs-raw', minThroughput: 0.6, maxP99: 1.5 };
const FLAT: Target = { kind: 'cost', maxCost: 1.5 };

const get = (path: string, headers?: Record<string, string>): LoadRequest => ({ method: 'GET', path, headers });
const detailPath = `/api/articles/${articleId(DETAIL_ARTICLE)}`;
/** The list page after article i (newest first), as a client reaches it by following nextCursor. */
const listAfter = (i: number) => `/api/articles?cursor=${encodeCursor('articles:newest', [articleCreatedAt(i), articleId(i)])}`;
const searchPath = `/api/articles?q=${encodeURIComponent(SEARCH_TERM)}`;

export const LOAD_SCENARIOS: LoadScenario[] = [
  {
    id: 'read-article',
    title: 'GET /api/articles/:id (240 claims, first 200 embedded)',
    target: READ_UNDER_LOAD,
    baselineLabel: 'raw node:http + pg',
    sameJson: true,
    setup: ({ auth }) => ({
      ours: { server: 'ours', requests: [get(detailPath, auth)] },
      baseline: { server: 'raw', requests: [get(detailPath)] },
    }),
  },
  {
    id: 'read-claims',
    title: 'GET /api/articles/:id/claims (200 per page)',
    target: READ_UNDER_LOAD,
    baselineLabel: 'raw node:http + pg',
    sameJson: true,
    setup: ({ auth }) => ({
      ours: { server: 'ours', requests: [get(`${detailPath}/claims`, auth)] },
      baseline: { server: 'raw', requests: [get(`${detailPath}/claims`)] },
    }),
  },
  {
    id: 'auth-cost',
    title: 'Token check: the 200-claim article read, signed in vs no token check',
    target: { kind: 'cost', maxCost: 1.1 },
    baselineLabel: 'ours without the token check',
    setup: ({ auth }) => ({
      ours: { server: 'ours', requests: [get(detailPath, auth)] },
      baseline: { server: 'ours-noauth', requests: [get(detailPath)] },
    }),
  },
  {
    id: 'flat-list-first',
    title: 'Article list, first page: 100,000 vs 100 articles',
    target: FLAT,
    baselineLabel: 'ours on 100 articles',
    setup: ({ auth }) => ({
      ours: { server: 'ours', requests: [get('/api/articles', auth)] },
      baseline: { server: 'ours-small', requests: [get('/api/articles', auth)] },
    }),
  },
  {
    id: 'flat-list-deep',
    title: 'Article list, a deep page by cursor (the middle of the desk): 100,000 vs 100 articles',
    target: FLAT,
    baselineLabel: 'ours on 100 articles',
    setup: ({ auth, largeArticles }) => ({
      ours: { server: 'ours', requests: [get(listAfter(largeArticles / 2), auth)] },
      baseline: { server: 'ours-small', requests: [get(listAfter(60), auth)] },
    }),
  },
  {
    id: 'deep-vs-first',
    title: 'Article list on 100,000 articles: a deep page (by cursor, the middle of the desk) vs the first page',
    target: FLAT,
    baselineLabel: 'ours, first page',
    setup: ({ auth, largeArticles }) => ({
      ours: { server: 'ours', requests: [get(listAfter(largeArticles / 2), auth)] },
      baseline: { server: 'ours', requests: [get('/api/articles', auth)] },
    }),
  },
  {
    id: 'flat-search',
    title: `Title search ?q=${SEARCH_TERM} (20 hits on either desk): 100,000 vs 100 articles`,
    target: FLAT,
    baselineLabel: 'ours on 100 articles',
    setup: ({ auth }) => ({
      ours: { server: 'ours', requests: [get(searchPath, auth)] },
      baseline: { server: 'ours-small', requests: [get(searchPath, auth)] },
    }),
  },
  {
    id: 'flat-claims',
    title: "An article's claims list: 2,000,000 vs 22,200 claims on the desk",
    target: FLAT,
    baselineLabel: 'ours on 100 articles',
    setup: ({ auth }) => ({
      ours: { server: 'ours', requests: [get(`${detailPath}/claims`, auth)] },
      baseline: { server: 'ours-small', requests: [get(`${detailPath}/claims`, auth)] },
    }),
  },
];

/**
 * One cycle of a connection on one claim: attach a new source (a URL never seen before), then save one's verdict.
 * Each write is one transaction with a row lock on the claim, the inserts and their audit rows.
 */
const writeCycle = (auth: Record<string, string>): LoadRequest[] => {
  const headers = { ...auth, 'Content-Type': 'application/json' };
  const source = {
    url: 'https://stats.example.gov/releases/{n}',
    title: 'Quarterly statistics release {n}',
    publisher: 'National Statistics Office',
    sourceType: 'dataset',
    stance: 'refutes',
    excerpt: 'Spending rose 2.1% over the period, not the figure quoted.',
  };
  const verdict = { levelKey: 'mostly_false', rationale: 'The official release shows a smaller rise than the speaker said.' };
  return [
    { method: 'POST', path: '/api/claims/{claim}/sources', headers, body: JSON.stringify(source) },
    { method: 'PUT', path: '/api/claims/{claim}/verdicts/mine', headers, body: JSON.stringify(verdict) },
  ];
};

export const WRITE_SCENARIO: LoadScenario = {
  id: 'writes',
  title: 'Writes under load: each connection adds a source, then its verdict, to a claim of its own',
  target: { kind: 'vs-raw', minThroughput: 0.5 },
  baselineLabel: 'raw node:http + pg, same statements in one transaction',
  setup: ({ auth, writes }) => {
    if (!writes) throw new Error('the write scenario needs its claims prepared (prepareWriteClaims)');
    return {
      ours: { server: 'ours-small', requests: writeCycle(auth), pool: { key: 'ours', claims: writes.pools.ours } },
      baseline: { server: 'raw-small', requests: writeCycle({}), pool: { key: 'raw', claims: writes.pools.baseline } },
    };
  },
  verify: async ({ writes }, acknowledged) => {
    const { url, pools } = writes!;
    const [ours, baseline] = await Promise.all([countWrites(url, pools.ours), countWrites(url, pools.baseline)]);
    // Each write is a link (with a new source record) or a verdict, with its audit events; in-flight requests cut off
    // at the end of a run may be stored without being acknowledged, so stored ≥ acknowledged.
    const stored = (c: typeof ours) => c.links + c.verdicts;
    const audited = (c: typeof ours) =>
      c.sources === c.links &&
      c.auditEvents['source.created'] === c.links &&
      c.auditEvents['claim_source.added'] === c.links &&
      c.auditEvents['verdict.created'] === c.verdicts;
    return {
      ok: stored(ours) >= acknowledged.ours && stored(baseline) >= acknowledged.baseline && audited(ours) && audited(baseline),
      found: { acknowledged, ours, baseline },
    };
  },
};

