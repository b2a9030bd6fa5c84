import type { Pool } from 'pg';
import { queryRows } from '../db/sql';
import type { ClaimStatus } from '../domain/enums';
import type { Audience } from './report.model';

/**
 * The desk-wide export, read in pages: articles in import order (keyset on their index), then all claims of a
 * batch of articles in one set-based query. Memory holds one batch, whatever the size of the desk.
 */

export interface ArticleBatchRow {
  id: string;
  createdAt: Date;
  claimCount: number;
}

/** The next articles in import order within the date range (limit rows). */
export function nextArticles(
  pool: Pool,
  range: { from?: string; to?: string },
  after: { createdAt: Date; id: string } | undefined,
  limit: number,
): Promise<ArticleBatchRow[]> {
  return queryRows<ArticleBatchRow>(
    pool,
    `SELECT id, created_at AS "createdAt", claim_count AS "claimCount" FROM articles
     WHERE ($1::date IS NULL OR created_at >= $1::date)
       AND ($2::date IS NULL OR created_at < $2::date + 1)
       AND ($3::timestamptz IS NULL OR (created_at, id) > ($3::timestamptz, $4::uuid))
     ORDER BY created_at, id LIMIT $5`,
    [range.from ?? null, range.to ?? null, after?.createdAt ?? null, after?.id ?? null, limit],
  );
}

export interface DeskRow {
  claimId: string;
  articleId: string;
  articleTitle: string;
  articleUrl: string | null;
  position: number;
  paragraph: number;
  text: string;
  status: ClaimStatus;
  checkWorthy: boolean;
  claimant: string | null;
  claimDate: string | null;
  levelKey: string | null;
  levelLabel: string | null;
  levelValue: number | null;
  rationale: string | null;
  verdictState: 'approved' | 'published' | null;
  firstPublishedAt: Date | null;
  correctedAt: Date | null;
  retractedAt: Date | null;
  sourceCount: number;
  sourceUrls: string[];
  reviewers: string[];
}

/**
 * Every claim of these articles, in article then position order, with its final verdict as the reader may see it
 * (public: published only; desk: also approved, unless the reader is assigned and has not submitted), its sources
 * (public: as published) and, for the desk, its reviewers.
 */
export function claimsOfArticles(
  pool: Pool,
  articleIds: string[],
  options: { audience: Audience; readerId: string; readerIsEditor: boolean; statuses?: ClaimStatus[] },
): Promise<DeskRow[]> {
  const desk = options.audience === 'desk';
  const visibleRuling = desk
    ? `(r.published_at IS NOT NULL OR reader.is_editor OR NOT EXISTS (
         SELECT 1 FROM assignments a WHERE a.claim_id = c.id AND a.reviewer_id = reader.id
           AND NOT EXISTS (SELECT 1 FROM verdicts v WHERE v.claim_id = c.id AND v.reviewer_id = reader.id AND v.status = 'submitted')))`
    : 'r.published_at IS NOT NULL';
  const sources = desk
    ? `SELECT count(*)::int AS n, COALESCE(array_agg(s.url ORDER BY cs.created_at, cs.id) FILTER (WHERE s.url IS NOT NULL), '{}') AS urls
       FROM claim_sources cs JOIN sources s ON s.id = cs.source_id WHERE cs.claim_id = c.id`
    : `SELECT count(*)::int AS n, COALESCE(array_agg(e->>'url'), '{}') AS urls FROM jsonb_array_elements(COALESCE(r.sources_snapshot, '[]'::jsonb)) e`;
  const reviewers = desk
    ? `SELECT COALESCE(array_agg(u.name ORDER BY u.name), '{}') AS names FROM assignments a JOIN users u ON u.id = a.reviewer_id WHERE a.claim_id = c.id`
    : `SELECT '{}'::text[] AS names`;
  return queryRows<DeskRow>(
    pool,
    `WITH reader AS (SELECT $2::uuid AS id, $3::boolean AS is_editor)
     SELECT c.id AS "claimId", c.article_id AS "articleId", art.title AS "articleTitle", art.url AS "articleUrl",
            c.position, c.paragraph, c.text, c.status::text AS status, c.check_worthy AS "checkWorthy",
            COALESCE(c.claimant_name, art.author) AS claimant, COALESCE(c.claim_date::text, art.published_at::date::text) AS "claimDate",
            r.level_key AS "levelKey", r.level_label AS "levelLabel", r.level_value AS "levelValue", r.rationale,
            CASE WHEN r.id IS NULL THEN NULL WHEN r.published_at IS NULL THEN 'approved' ELSE 'published' END AS "verdictState",
            pub.first AS "firstPublishedAt", pub.corrected AS "correctedAt", c.retracted_at AS "retractedAt",
            src.n AS "sourceCount", src.urls AS "sourceUrls", rev.names AS reviewers
     FROM reader, claims c JOIN articles art ON art.id = c.article_id
     LEFT JOIN LATERAL (
       SELECT r.* FROM rulings r WHERE r.claim_id = c.id AND r.superseded_at IS NULL AND ${visibleRuling}
       ORDER BY r.revision DESC LIMIT 1) r ON true
     LEFT JOIN LATERAL (
       SELECT min(p.published_at) AS first, max(p.published_at) FILTER (WHERE p.revision > 1) AS corrected
       FROM rulings p WHERE p.claim_id = c.id AND p.published_at IS NOT NULL) pub ON true
     LEFT JOIN LATERAL (${sources}) src ON true
     LEFT JOIN LATERAL (${reviewers}) rev ON true
     WHERE c.article_id = ANY($1::uuid[]) AND ($4::"ClaimStatus"[] IS NULL OR c.status = ANY($4::"ClaimStatus"[]))
     ORDER BY array_position($1::uuid[], c.article_id), c.position`,
    [articleIds, options.readerId, options.readerIsEditor, options.statuses ?? null],
  );
}
