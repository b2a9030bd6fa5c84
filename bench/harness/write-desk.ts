/**
 * Data for the write scenario: a "live debate" article whose claims are all in review with the bench editor
 * assigned, so each of them can take sources and the editor's own verdict. Its claims are dealt in two disjoint
 * pools, one per side (our service, the raw baseline), and every connection takes the next unused claim of its
 * pool, so no two requests ever write to the same claim. Afterwards the rows are counted: every write a side
 * acknowledged (2xx) must be in the database.
 */
import type { Client } from 'pg';
import { withClient } from './database';

export const WRITE_ARTICLE_TITLE = 'Live debate transcript (bench writes)';

export interface WritePools {
  articleIds: string[];
  ours: string[];
  baseline: string[];
}

export interface WriteCounts {
  links: number;
  sources: number;
  verdicts: number;
  /** Audit events on the pool's claims, by action. */
  auditEvents: Record<string, number>;
}

/** Claims per article: the most the service accepts in one article (ARTICLE_MAX_CLAIMS). */
const CLAIMS_PER_ARTICLE = 10_000;

/**
 * Inserts articles of claims in review (the editor assigned to each) until there are `perSide * 2` claims;
 * returns the two claim pools, dealt alternately.
 */
export async function prepareWriteClaims(url: string, editorId: string, perSide: number): Promise<WritePools> {
  return withClient(url, async (client: Client) => {
    const ids: string[] = [];
    const articleIds: string[] = [];
    await client.query('BEGIN');
    for (let k = 1; ids.length < perSide * 2; k++) {
      const count = Math.min(CLAIMS_PER_ARTICLE, perSide * 2 - ids.length);
      const sentence = `format('Speaker %s of panel ${k} said spending rose %s%% in %s.', p, p % 97, 1990 + p % 35)`;
      const {
        rows: [article],
      } = await client.query<{ id: string }>(
        `INSERT INTO articles (title, body, content_hash, claim_count, created_by_id, updated_at)
         SELECT $1, body, encode(sha256(convert_to(body, 'UTF8')), 'hex'), $2, $3::uuid, now()
         FROM (SELECT string_agg(${sentence}, ' ' ORDER BY p) AS body FROM generate_series(1, $2::int) p) b
         RETURNING id`,
        [`${WRITE_ARTICLE_TITLE}, part ${k}`, count, editorId],
      );
      // The offsets of each sentence in the body built above (sentences joined by one space).
      const { rows } = await client.query<{ id: string }>(
        `WITH s AS (SELECT p, ${sentence} AS text FROM generate_series(1, $2::int) p),
         o AS (SELECT p, text, (coalesce(sum(length(text) + 1) OVER (ORDER BY p ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0))::int AS start FROM s)
         INSERT INTO claims (article_id, position, paragraph, start, "end", sentence_start, sentence_end, text, hint, status,
                             status_changed_at, updated_at)
         SELECT $1::uuid, p, 1, start, start + length(text), start, start + length(text), text, 0.9, 'in_review', now(), now()
         FROM o ORDER BY p
         RETURNING id`,
        [article.id, count],
      );
      await client.query(
        `INSERT INTO assignments (claim_id, reviewer_id, assigned_by_id) SELECT id, $2::uuid, $2::uuid FROM claims WHERE article_id = $1::uuid`,
        [article.id, editorId],
      );
      articleIds.push(article.id);
      ids.push(...rows.map((r) => r.id));
    }
    await client.query('COMMIT');
    await client.query('ANALYZE articles, claims, assignments');
    return { articleIds, ours: ids.filter((_, i) => i % 2 === 0), baseline: ids.filter((_, i) => i % 2 === 1) };
  });
}

/** What is stored on a pool's claims: links, their source records, verdicts and the audit events about them. */
export async function countWrites(url: string, claimIds: string[]): Promise<WriteCounts> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<WriteCounts>(
      `WITH pool AS (SELECT unnest($1::uuid[]) AS id)
       SELECT (SELECT count(*)::int FROM claim_sources WHERE claim_id IN (SELECT id FROM pool)) AS links,
              (SELECT count(DISTINCT source_id)::int FROM claim_sources WHERE claim_id IN (SELECT id FROM pool)) AS sources,
              (SELECT count(*)::int FROM verdicts WHERE claim_id IN (SELECT id FROM pool)) AS verdicts,
              (SELECT coalesce(jsonb_object_agg(action, n), '{}') FROM (
                 SELECT action, count(*)::int AS n FROM audit_events WHERE claim_id IN (SELECT id FROM pool) GROUP BY action) a) AS "auditEvents"`,
      [claimIds],
    );
    return rows[0];
  });
}
