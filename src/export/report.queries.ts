import type { Pool } from 'pg';
import { queryRows } from '../db/sql';
import { CLAIM_COLUMNS, type ClaimRow } from '../claims/claims.queries';
import { RULING_COLUMNS, RULING_FROM, type RulingRow } from '../rulings/rulings.queries';

/**
 * The one query layer of the report: everything about an article, in a handful of set-based queries (no query per
 * claim), run in parallel. What an audience may see is decided in report.service.ts.
 *
 * The per-claim tables are reached through the article's claim ids, materialised first (ARTICLE_CLAIMS): found by
 * the claims' article index, then each table by its claim_id index. Joined to claims directly, the planner reads
 * an article's claims as a small fraction of a large table and picks a parallel scan of the whole claims table (or
 * of the per-claim table) instead, several times the work, once per query.
 */
const ARTICLE_CLAIMS = `article_claims AS MATERIALIZED (SELECT id FROM claims WHERE article_id = $1)`;

export interface LinkRow {
  claimId: string;
  sourceId: string;
  url: string;
  title: string;
  publisher: string | null;
  sourceType: string;
  accessedAt: string | null;
  archivedUrl: string | null;
  stance: 'supports' | 'refutes' | 'context';
  excerpt: string | null;
}

export interface VerdictExportRow {
  claimId: string;
  reviewerId: string;
  reviewerName: string;
  status: 'draft' | 'submitted';
  levelKey: string | null;
  rationale: string;
  submittedAt: Date | null;
  sourceIds: string[];
}

export interface AssigneeRow {
  claimId: string;
  reviewerId: string;
  reviewerName: string;
}

export interface NoteExportRow {
  claimId: string;
  authorName: string;
  body: string;
  createdAt: Date;
}

export interface EventExportRow {
  occurredAt: Date;
  action: string;
  entityType: string;
  claimId: string | null;
  actorId: string | null;
  actorName: string | null;
  context: unknown;
}

export const claimsOfArticle = (pool: Pool, articleId: string) =>
  queryRows<ClaimRow>(
    pool,
    `SELECT ${CLAIM_COLUMNS} FROM claims c JOIN articles art ON art.id = c.article_id WHERE c.article_id = $1 ORDER BY c.position`,
    [articleId],
  );

export const rulingsOfArticle = (pool: Pool, articleId: string) =>
  queryRows<RulingRow>(
    pool,
    `WITH ${ARTICLE_CLAIMS}
     SELECT ${RULING_COLUMNS} FROM ${RULING_FROM} JOIN article_claims c ON c.id = r.claim_id ORDER BY r.claim_id, r.revision`,
    [articleId],
  );

export const linksOfArticle = (pool: Pool, articleId: string) =>
  queryRows<LinkRow>(
    pool,
    `WITH ${ARTICLE_CLAIMS}
     SELECT cs.claim_id AS "claimId", s.id AS "sourceId", s.url, s.title, s.publisher, s.source_type::text AS "sourceType",
            s.accessed_at::text AS "accessedAt", s.archived_url AS "archivedUrl", cs.stance::text AS stance, cs.excerpt
     FROM claim_sources cs JOIN sources s ON s.id = cs.source_id JOIN article_claims c ON c.id = cs.claim_id
     ORDER BY cs.claim_id, cs.created_at, cs.id`,
    [articleId],
  );

export const verdictsOfArticle = (pool: Pool, articleId: string) =>
  queryRows<VerdictExportRow>(
    pool,
    `WITH ${ARTICLE_CLAIMS}
     SELECT v.claim_id AS "claimId", v.reviewer_id AS "reviewerId", u.name AS "reviewerName", v.status::text AS status,
            l.key AS "levelKey", v.rationale, v.submitted_at AS "submittedAt",
            ARRAY(SELECT vs.source_id::text FROM verdict_sources vs WHERE vs.verdict_id = v.id ORDER BY vs.source_id) AS "sourceIds"
     FROM verdicts v JOIN users u ON u.id = v.reviewer_id LEFT JOIN rating_levels l ON l.id = v.level_id
     JOIN article_claims c ON c.id = v.claim_id ORDER BY v.claim_id, v.created_at, v.id`,
    [articleId],
  );

export const assigneesOfArticle = (pool: Pool, articleId: string) =>
  queryRows<AssigneeRow>(
    pool,
    `WITH ${ARTICLE_CLAIMS}
     SELECT a.claim_id AS "claimId", a.reviewer_id AS "reviewerId", u.name AS "reviewerName"
     FROM assignments a JOIN users u ON u.id = a.reviewer_id JOIN article_claims c ON c.id = a.claim_id
     ORDER BY a.claim_id, a.created_at`,
    [articleId],
  );

export const notesOfArticle = (pool: Pool, articleId: string) =>
  queryRows<NoteExportRow>(
    pool,
    `WITH ${ARTICLE_CLAIMS}
     SELECT n.claim_id AS "claimId", u.name AS "authorName", n.body, n.created_at AS "createdAt"
     FROM notes n JOIN users u ON u.id = n.author_id JOIN article_claims c ON c.id = n.claim_id
     ORDER BY n.created_at, n.id`,
    [articleId],
  );

/**
 * The article's audit trail: its import and everything on its claims, oldest first. Two index lookups (the article's
 * own events, then its claims' events by claim_id), not one OR that only a scan of the whole trail can answer.
 */
export const eventsOfArticle = (pool: Pool, articleId: string) =>
  queryRows<EventExportRow>(
    pool,
    `WITH ${ARTICLE_CLAIMS}
     SELECT e.occurred_at AS "occurredAt", e.action, e.entity_type AS "entityType", e.claim_id AS "claimId",
            e.actor_id AS "actorId", u.name AS "actorName", e.context
     FROM (SELECT e.* FROM audit_events e WHERE e.entity_type = 'article' AND e.entity_id = $1
           UNION ALL
           SELECT e.* FROM article_claims c JOIN audit_events e ON e.claim_id = c.id
           WHERE NOT (e.entity_type = 'article' AND e.entity_id = $1)) e
     LEFT JOIN users u ON u.id = e.actor_id
     ORDER BY e.occurred_at, e.id`,
    [articleId],
  );
