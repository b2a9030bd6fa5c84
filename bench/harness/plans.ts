/**
 * The plans of the service's hot read queries on the large desk: each query function of src/*.queries.ts is called
 * with a pool that only records the SQL it is given, and that exact SQL is run under EXPLAIN (ANALYZE, BUFFERS).
 * So the bench checks the queries the service really sends (e.g. that title search uses the trigram index).
 */
import type { Pool } from 'pg';
import { findArticle, listArticles } from '../../src/articles/articles.queries';
import { findSessionUser } from '../../src/auth/auth.queries';
import { listArticleClaims } from '../../src/claims/claims.queries';
import { articleCreatedAt, articleId, DETAIL_ARTICLE, LARGEST_ARTICLE, SEARCH_TERM } from './desk';
import { BENCH_EDITOR_ID, withClient } from './database';

interface Captured {
  text: string;
  values: unknown[];
}

async function capture(call: (pool: Pool) => Promise<unknown>): Promise<Captured> {
  let captured: Captured | undefined;
  const pool = {
    // query(text, values) or query({ text, values, name }) for a named statement
    query: async (textOrConfig: string | Captured, values: unknown[] = []) => {
      captured = typeof textOrConfig === 'string' ? { text: textOrConfig, values } : { text: textOrConfig.text, values: textOrConfig.values };
      return { rows: [] };
    },
  } as unknown as Pool;
  await call(pool).catch(() => undefined);
  if (!captured) throw new Error('the query function sent no SQL');
  return captured;
}

export interface PlanSummary {
  query: string;
  executionMs: number;
  indexes: string[];
  nodes: string[];
  sharedBuffers: number;
}

function walkPlan(node: any, indexes: Set<string>, nodes: string[]) {
  nodes.push(node['Node Type']);
  if (node['Index Name']) indexes.add(node['Index Name']);
  for (const child of node.Plans ?? []) walkPlan(child, indexes, nodes);
}

export async function explainHotQueries(url: string, largeArticles: number): Promise<PlanSummary[]> {
  const detail = articleId(DETAIL_ARTICLE);
  const largest = articleId(LARGEST_ARTICLE);
  const middle = largeArticles / 2;
  const queries: Array<[string, (pool: Pool) => Promise<unknown>]> = [
    ['session user (every signed-in request)', (p) => findSessionUser(p, BENCH_EDITOR_ID)],
    ['article detail: the article and its progress (240 claims)', (p) => findArticle(p, detail)],
    ['article detail: the article and its progress (20,000 claims)', (p) => findArticle(p, largest)],
    ['claims page 1 (240-claim article)', (p) => listArticleClaims(p, detail, {}, 'position', undefined, 200)],
    ['claims page 51 (20,000-claim article)', (p) => listArticleClaims(p, largest, {}, 'position', { sort: 'position', position: 10_000 }, 200)],
    ['article list, first page', (p) => listArticles(p, {}, undefined, 50)],
    ['article list, page after the middle article', (p) => listArticles(p, {}, { createdAt: articleCreatedAt(middle), id: articleId(middle) }, 50)],
    [`title search "${SEARCH_TERM}"`, (p) => listArticles(p, { q: SEARCH_TERM }, undefined, 50)],
  ];
  return withClient(url, async (client) => {
    const out: PlanSummary[] = [];
    for (const [name, call] of queries) {
      const { text, values } = await capture(call);
      await client.query(text, values); // warm the cache: the figures are for a warm desk
      const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${text}`, values);
      const plan = rows[0]['QUERY PLAN'][0];
      const indexes = new Set<string>();
      const nodes: string[] = [];
      walkPlan(plan.Plan, indexes, nodes);
      out.push({
        query: name,
        executionMs: Number(plan['Execution Time'].toFixed(3)),
        indexes: [...indexes],
        nodes: [...new Set(nodes)],
        sharedBuffers: (plan.Plan['Shared Hit Blocks'] ?? 0) + (plan.Plan['Shared Read Blocks'] ?? 0),
      });
    }
    return out;
  });
}
