import type { Pool } from 'pg';
import { queryRows } from '../db/sql';
import type { ClaimStatus } from '../domain/enums';
import type { Audience } from './report.model';

/**
 * The desk-wide export, read in pages: articles in import order (keyset on their index), then the claims of a batch
 * (whole articles, or position ranges of a large one) with a few set-based queries (no query per claim). Memory
 * holds a batch or two, whatever the size of the desk or of its largest article.
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
  sourceUrls: string[];
  reviewers: string[];
}

type ClaimFields = Omit<DeskRow, 'levelKey' | 'levelLabel' | 'levelValue' | 'rationale' | 'verdictState' | 'firstPublishedAt' | 'correctedAt' | 'sourceUrls' | 'reviewers'>;

interface RulingFields {
  claimId: string;
  revision: number;
  levelKey: string;
  levelLabel: string;
  levelValue: number | null;
  rationale: string;
  publishedAt: Date | null;
  /** Not superseded, and the reader may see it (the blind rule, decided in SQL). */
  shown: boolean;
  /** Public only: the URLs of its published sources. */
  snapshotUrls?: string[];
}

/** Part of an article's claims: positions after `after`, up to `upTo` (null: to the end of the article). */
export interface ClaimRange {
  articleId: string;
  after: number;
  upTo: number | null;
}

/**
 * Every claim in these ranges, in range then position order, with its final verdict as the reader may see it
 * (public: published only; desk: also approved, unless the reader is assigned and has not submitted), its sources
 * (public: as published) and, for the desk, its reviewers.
 *
 * The claims first (by the article index), then, in parallel, the rulings, sources and reviewers of all of them at
 * once, put together here. One statement with a lookup per claim and table costs PostgreSQL over half as much
 * again, and its cost estimate, growing with the batch, would switch JIT compilation on, which costs more than the
 * statement. The batch's claim ids are given as a set, `IN (SELECT unnest($1))`, not `= ANY($1)`: for an array of
 * a few thousand ids the planner expects a few percent of a mid-size desk and scans a whole table, three times
 * slower than looking each claim up by its claim_id index, which it does for a set.
 */
export async function claimsInRanges(
  pool: Pool,
  ranges: ClaimRange[],
  options: { audience: Audience; readerId: string; readerIsEditor: boolean; statuses?: ClaimStatus[] },
): Promise<DeskRow[]> {
  const desk = options.audience === 'desk';
  const claims = await queryRows<ClaimFields>(
    pool,
    `SELECT c.id AS "claimId", c.article_id AS "articleId", art.title AS "articleTitle", art.url AS "articleUrl",
            c.position, c.paragraph, c.text, c.status::text AS status, c.check_worthy AS "checkWorthy",
            COALESCE(c.claimant_name, art.author) AS claimant, COALESCE(c.claim_date::text, art.published_at::date::text) AS "claimDate",
            c.retracted_at AS "retractedAt"
     FROM unnest($1::uuid[], $2::int[], $3::int[]) WITH ORDINALITY AS r(article_id, after, up_to, n)
     JOIN claims c ON c.article_id = r.article_id AND c.position > r.after AND (r.up_to IS NULL OR c.position <= r.up_to)
     JOIN articles art ON art.id = c.article_id
     WHERE ($4::"ClaimStatus"[] IS NULL OR c.status = ANY($4::"ClaimStatus"[]))
     ORDER BY r.n, c.position`,
    [ranges.map((r) => r.articleId), ranges.map((r) => r.after), ranges.map((r) => r.upTo), options.statuses ?? null],
  );
  if (claims.length === 0) return [];
  const ids = claims.map((c) => c.claimId);
  const shown = desk
    ? `r.superseded_at IS NULL AND (r.published_at IS NOT NULL OR $3::boolean OR NOT EXISTS (
         SELECT 1 FROM assignments a WHERE a.claim_id = r.claim_id AND a.reviewer_id = $2::uuid
           AND NOT EXISTS (SELECT 1 FROM verdicts v WHERE v.claim_id = r.claim_id AND v.reviewer_id = $2::uuid AND v.status = 'submitted')))`
    : 'r.superseded_at IS NULL AND r.published_at IS NOT NULL';
  const [rulings, links, reviewers] = await Promise.all([
    queryRows<RulingFields>(
      pool,
      `SELECT r.claim_id AS "claimId", r.revision, r.level_key AS "levelKey", r.level_label AS "levelLabel",
              r.level_value AS "levelValue", r.rationale, r.published_at AS "publishedAt", ${shown} AS shown
              ${desk ? '' : `, (SELECT COALESCE(json_agg(e.source->>'url' ORDER BY e.n), '[]') FROM jsonb_array_elements(COALESCE(r.sources_snapshot, '[]'::jsonb)) WITH ORDINALITY AS e(source, n)) AS "snapshotUrls"`}
       FROM rulings r WHERE r.claim_id IN (SELECT unnest($1::uuid[]))`,
      desk ? [ids, options.readerId, options.readerIsEditor] : [ids],
    ),
    desk
      ? queryRows<{ claimId: string; url: string }>(
          pool,
          `SELECT cs.claim_id AS "claimId", s.url FROM claim_sources cs JOIN sources s ON s.id = cs.source_id
           WHERE cs.claim_id IN (SELECT unnest($1::uuid[])) ORDER BY cs.claim_id, cs.created_at, cs.id`,
          [ids],
        )
      : [],
    desk
      ? queryRows<{ claimId: string; name: string }>(
          pool,
          `SELECT a.claim_id AS "claimId", u.name FROM assignments a JOIN users u ON u.id = a.reviewer_id
           WHERE a.claim_id IN (SELECT unnest($1::uuid[])) ORDER BY a.claim_id, u.name`,
          [ids],
        )
      : [],
  ]);
  const rulingsOf = byClaim(rulings);
  const urlsOf = byClaim(links);
  const reviewersOf = byClaim(reviewers);
  return claims.map((claim) => {
    const own = rulingsOf.get(claim.claimId) ?? [];
    // The current ruling the reader may see: the latest shown revision. Publication dates over every published one.
    let ruling: RulingFields | undefined;
    let first: Date | null = null;
    let corrected: Date | null = null;
    for (const r of own) {
      if (r.shown && (!ruling || r.revision > ruling.revision)) ruling = r;
      if (r.publishedAt) {
        if (!first || r.publishedAt < first) first = r.publishedAt;
        if (r.revision > 1 && (!corrected || r.publishedAt > corrected)) corrected = r.publishedAt;
      }
    }
    // An explicit object of the row's shape: spreading pg's row objects costs more than the rest of the merge.
    return {
      claimId: claim.claimId,
      articleId: claim.articleId,
      articleTitle: claim.articleTitle,
      articleUrl: claim.articleUrl,
      position: claim.position,
      paragraph: claim.paragraph,
      text: claim.text,
      status: claim.status,
      checkWorthy: claim.checkWorthy,
      claimant: claim.claimant,
      claimDate: claim.claimDate,
      retractedAt: claim.retractedAt,
      levelKey: ruling?.levelKey ?? null,
      levelLabel: ruling?.levelLabel ?? null,
      levelValue: ruling?.levelValue ?? null,
      rationale: ruling?.rationale ?? null,
      verdictState: ruling ? (ruling.publishedAt ? 'published' : 'approved') : null,
      firstPublishedAt: first,
      correctedAt: corrected,
      sourceUrls: desk ? (urlsOf.get(claim.claimId) ?? []).map((l) => l.url) : (ruling?.snapshotUrls ?? []),
      reviewers: (reviewersOf.get(claim.claimId) ?? []).map((r) => r.name),
    };
  });
}

function byClaim<T extends { claimId: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.claimId);
    if (list) list.push(row);
    else map.set(row.claimId, [row]);
  }
  return map;
}
