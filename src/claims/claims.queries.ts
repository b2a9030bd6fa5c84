import type { Pool } from 'pg';
import { Prisma } from '../generated/prisma/client';
import type { ClaimStatus } from '../domain/enums';
import { queryPrepared } from '../db/prepared';
import { queryRows, SqlConditions } from '../db/sql';
import { OVERDUE_SQL } from '../assignments/overdue';

/** Claims as the API reads them: typed raw SQL (the hot read paths), columns aliased to the row type. */

export interface ClaimRow {
  id: string;
  articleId: string;
  position: number;
  paragraph: number;
  start: number;
  end: number;
  text: string;
  sentenceStart: number;
  sentenceEnd: number;
  checkWorthy: boolean;
  hint: number | null;
  status: ClaimStatus;
  statusChangedAt: Date;
  claimantName: string | null;
  claimantRole: string | null;
  /** YYYY-MM-DD */
  claimDate: string | null;
  retractionNote: string | null;
  retractedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** The article's author and date: the claimant and date when the claim names none. */
  articleAuthor: string | null;
  articlePublishedAt: Date | null;
  /** The current final verdict's level, where the query asked for it (VERDICT_SUMMARY). */
  verdictKey?: string | null;
  verdictLabel?: string | null;
  verdictValue?: number | null;
  verdictColor?: string | null;
  verdictPublished?: boolean | null;
}

export type QueueRow = ClaimRow & { articleTitle: string };

export const CLAIM_COLUMNS = `c.id, c.article_id AS "articleId", c.position, c.paragraph, c.start, c."end", c.text,
  c.sentence_start AS "sentenceStart", c.sentence_end AS "sentenceEnd", c.check_worthy AS "checkWorthy", c.hint,
  c.status::text AS status, c.status_changed_at AS "statusChangedAt", c.claimant_name AS "claimantName",
  c.claimant_role AS "claimantRole", c.claim_date::text AS "claimDate", c.retraction_note AS "retractionNote",
  c.retracted_at AS "retractedAt", c.version, c.created_at AS "createdAt",
  c.updated_at AS "updatedAt", art.author AS "articleAuthor", art.published_at AS "articlePublishedAt"`;

/**
 * The current final verdict of a claim (alias c) as a list shows it: published verdicts for everyone, approved ones
 * only where `showUnpublished` (an SQL boolean) says so, i.e. for editors. Join it after the claims and select
 * VERDICT_SUMMARY_COLUMNS.
 */
export const verdictSummaryJoin = (showUnpublished: string) => `LEFT JOIN LATERAL (
    SELECT r.level_key, r.level_label, r.level_value, r.level_color, r.published_at IS NOT NULL AS published
    FROM rulings r WHERE r.claim_id = c.id AND r.superseded_at IS NULL AND (r.published_at IS NOT NULL OR ${showUnpublished})
    ORDER BY r.revision DESC LIMIT 1) fv ON true`;
export const VERDICT_SUMMARY_COLUMNS = `fv.level_key AS "verdictKey", fv.level_label AS "verdictLabel",
  fv.level_value AS "verdictValue", fv.level_color AS "verdictColor", fv.published AS "verdictPublished"`;

export async function findClaim(pool: Pool, id: string, showUnpublished = false): Promise<ClaimRow | undefined> {
  const [row] = await queryRows<ClaimRow>(
    pool,
    `SELECT ${CLAIM_COLUMNS}, ${VERDICT_SUMMARY_COLUMNS} FROM claims c JOIN articles art ON art.id = c.article_id
     ${verdictSummaryJoin('$2::boolean')} WHERE c.id = $1`,
    [id, showUnpublished],
  );
  return row;
}

export async function claimAttachmentCounts(pool: Pool, claimId: string): Promise<{ sources: number; notes: number }> {
  const [row] = await queryRows<{ sources: number; notes: number }>(
    pool,
    `SELECT (SELECT count(*) FROM claim_sources WHERE claim_id = $1)::int AS sources,
            (SELECT count(*) FROM notes WHERE claim_id = $1)::int AS notes`,
    [claimId],
  );
  return row;
}

/** The claim after this one in the same paragraph (what merge-next would join), if any. */
export async function nextClaimInParagraph(pool: Pool, claim: Pick<ClaimRow, 'articleId' | 'position' | 'paragraph'>): Promise<string | null> {
  const [row] = await queryRows<{ id: string }>(
    pool,
    'SELECT id FROM claims WHERE article_id = $1 AND position = $2 AND paragraph = $3',
    [claim.articleId, claim.position + 1, claim.paragraph],
  );
  return row?.id ?? null;
}

export interface ClaimListFilters {
  status?: ClaimStatus[];
  checkWorthy?: boolean;
  /** A user id, or 'none' for claims no one is assigned to. */
  assignee?: string | 'none';
  overdue?: boolean;
}

/** Where a page of an article's claims starts, in the list's ordering. */
export type ArticleClaimsAfter =
  | { sort: 'position'; position: number }
  | { sort: 'worthiness'; hint: number | null; position: number };

/** The largest position: the upper end of an article's range in the (article_id, position) key. */
const LAST_POSITION = 2_147_483_647;

/**
 * One page (limit + 1 rows) of an article's claims in position or hint order.
 *
 * Position order reads a range of the (article_id, position) key, written as row comparisons so the planner
 * walks the index in order and stops after the page, on an article of 20 claims or of 20,000, first page or
 * deep: with `article_id = $1 AND position > $2` it misjudges deep pages of a long article (it assumes the two
 * columns independent) and sorts the rest of the article instead. Unfiltered, that plan does not depend on the
 * values, so it is a named statement (parsed and planned once per connection).
 */
export async function listArticleClaims(
  pool: Pool,
  articleId: string,
  filters: ClaimListFilters,
  sort: 'position' | 'worthiness',
  after: ArticleClaimsAfter | undefined,
  limit: number,
  showUnpublished = false,
): Promise<ClaimRow[]> {
  const where = new SqlConditions();
  const unpublished = where.param(showUnpublished);
  if (sort === 'position') {
    const article = where.param(articleId);
    where.add(`(c.article_id, c.position) > (${article}, ?)`, after?.sort === 'position' ? after.position : 0);
    where.add(`(c.article_id, c.position) <= (${article}, ${LAST_POSITION})`);
  } else {
    where.add('c.article_id = ?', articleId);
  }
  addClaimFilters(where, filters);
  if (after?.sort === 'worthiness') {
    // NULL hints (only until the start-up backfill) sort first, as in the index.
    where.add(
      '((?::float8 IS NULL AND (c.hint IS NOT NULL OR c.position > ?)) OR c.hint < ? OR (c.hint = ? AND c.position > ?))',
      after.hint,
      after.position,
      after.hint,
      after.hint,
      after.position,
    );
  }
  const order = sort === 'position' ? 'c.article_id, c.position' : 'c.hint DESC, c.position';
  const text = `SELECT ${CLAIM_COLUMNS}, ${VERDICT_SUMMARY_COLUMNS} FROM claims c JOIN articles art ON art.id = c.article_id
     ${verdictSummaryJoin(`${unpublished}::boolean`)} ${where.toSql()} ORDER BY ${order} LIMIT ${where.param(limit + 1)}`;
  const unfiltered = Object.values(filters).every((value) => value === undefined);
  return sort === 'position' && unfiltered ? queryPrepared<ClaimRow>(pool, text, where.values) : queryRows<ClaimRow>(pool, text, where.values);
}

export interface QueueFilters extends ClaimListFilters {
  articleId?: string;
}

/** The desk-wide queue across articles: longest in their status first. */
export async function listClaimQueue(
  pool: Pool,
  filters: QueueFilters,
  after: { statusChangedAt: string; id: string } | undefined,
  limit: number,
  showUnpublished = false,
): Promise<QueueRow[]> {
  const where = new SqlConditions();
  const unpublished = where.param(showUnpublished);
  addClaimFilters(where, filters);
  if (filters.articleId) where.add('c.article_id = ?', filters.articleId);
  if (after) where.add('(c.status_changed_at, c.id) > (?::timestamptz, ?::uuid)', after.statusChangedAt, after.id);
  return queryRows<QueueRow>(
    pool,
    `SELECT ${CLAIM_COLUMNS}, ${VERDICT_SUMMARY_COLUMNS}, art.title AS "articleTitle" FROM claims c
     JOIN articles art ON art.id = c.article_id ${verdictSummaryJoin(`${unpublished}::boolean`)}
     ${where.toSql()} ORDER BY c.status_changed_at, c.id LIMIT ${where.param(limit + 1)}`,
    where.values,
  );
}

function addClaimFilters(where: SqlConditions, filters: ClaimListFilters): void {
  if (filters.status) where.add('c.status = ANY(?::"ClaimStatus"[])', filters.status);
  if (filters.checkWorthy !== undefined) where.add('c.check_worthy = ?', filters.checkWorthy);
  if (filters.assignee === 'none') where.add('NOT EXISTS (SELECT 1 FROM assignments a WHERE a.claim_id = c.id)');
  const assignee = filters.assignee && filters.assignee !== 'none' ? filters.assignee : undefined;
  if (assignee && filters.overdue === undefined) {
    where.add('EXISTS (SELECT 1 FROM assignments a WHERE a.claim_id = c.id AND a.reviewer_id = ?::uuid)', assignee);
  }
  if (filters.overdue !== undefined) {
    const exists = `EXISTS (SELECT 1 FROM assignments a LEFT JOIN verdicts v ON v.claim_id = a.claim_id AND v.reviewer_id = a.reviewer_id
      WHERE a.claim_id = c.id AND (?::uuid IS NULL OR a.reviewer_id = ?::uuid) AND ${OVERDUE_SQL})`;
    where.add(filters.overdue ? exists : `NOT ${exists}`, assignee ?? null, assignee ?? null);
    if (assignee && !filters.overdue) {
      where.add('EXISTS (SELECT 1 FROM assignments a WHERE a.claim_id = c.id AND a.reviewer_id = ?::uuid)', assignee);
    }
  }
}

// ---- Writes (inside a Prisma transaction) ------------------------------------------------------------------

type Tx = Prisma.TransactionClient;

/** Reads a claim and locks its row until the transaction ends, so `before` is what the update replaces. */
export async function lockClaim(tx: Tx, id: string): Promise<ClaimRow | undefined> {
  // Writes answer editors (triage), who see approved verdicts too.
  const [row] = await tx.$queryRaw<ClaimRow[]>`
    SELECT ${Prisma.raw(`${CLAIM_COLUMNS}, ${VERDICT_SUMMARY_COLUMNS}`)} FROM claims c JOIN articles art ON art.id = c.article_id
    ${Prisma.raw(verdictSummaryJoin('true'))} WHERE c.id = ${id}::uuid FOR UPDATE OF c`;
  return row;
}

/**
 * Locks a claim when a write needs only to know it exists, its article and its status (evidence, notes, verdicts):
 * a primary-key lookup, without the joins lockClaim makes to answer with the whole claim.
 */
export async function lockClaimState(tx: Tx, id: string): Promise<{ id: string; articleId: string; status: ClaimRow['status'] } | undefined> {
  const [row] = await tx.$queryRaw<Array<{ id: string; articleId: string; status: ClaimRow['status'] }>>`
    SELECT id, article_id AS "articleId", status::text AS status FROM claims WHERE id = ${id}::uuid FOR UPDATE`;
  return row;
}

/** The claim that follows `position` in the same article, locked. */
export async function lockNextClaim(tx: Tx, articleId: string, position: number): Promise<ClaimRow | undefined> {
  const [row] = await tx.$queryRaw<ClaimRow[]>`
    SELECT ${Prisma.raw(CLAIM_COLUMNS)} FROM claims c JOIN articles art ON art.id = c.article_id
    WHERE c.article_id = ${articleId}::uuid AND c.position = ${position + 1} FOR UPDATE OF c`;
  return row;
}

/** Locks the article row: merges and splits renumber its claims and change its claim count. */
export async function lockArticleForClaims(tx: Tx, articleId: string): Promise<{ body: string }> {
  const [row] = await tx.$queryRaw<Array<{ body: string }>>`
    SELECT body FROM articles WHERE id = ${articleId}::uuid FOR UPDATE`;
  return row;
}

export async function readArticleBody(tx: Tx, articleId: string): Promise<string> {
  const row = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { body: true } });
  return row.body;
}

export async function articleIdOfClaim(tx: Tx, claimId: string): Promise<string | undefined> {
  const row = await tx.claim.findUnique({ where: { id: claimId }, select: { articleId: true } });
  return row?.articleId;
}

export interface ClaimChanges {
  checkWorthy?: boolean;
  start?: number;
  end?: number;
  text?: string;
  sentenceStart?: number;
  sentenceEnd?: number;
  hint?: number | null;
  claimantName?: string | null;
  claimantRole?: string | null;
  claimDate?: string | null;
}

/** Applies changes and bumps the version; returns the claim as it now reads. */
export async function updateClaimRow(tx: Tx, id: string, changes: ClaimChanges): Promise<ClaimRow> {
  await tx.claim.update({
    where: { id },
    data: {
      checkWorthy: changes.checkWorthy,
      start: changes.start,
      end: changes.end,
      text: changes.text,
      sentenceStart: changes.sentenceStart,
      sentenceEnd: changes.sentenceEnd,
      hint: changes.hint,
      claimantName: changes.claimantName,
      claimantRole: changes.claimantRole,
      claimDate: changes.claimDate === undefined ? undefined : changes.claimDate === null ? null : new Date(`${changes.claimDate}T00:00:00Z`),
      version: { increment: 1 },
    },
    select: { id: true },
  });
  return (await lockClaim(tx, id))!;
}

/** A workflow transition: the status, when it changed, and the version. */
export async function setClaimStatus(
  tx: Tx,
  id: string,
  status: ClaimStatus,
  extra: { retractionNote?: string; retractedAt?: Date } = {},
): Promise<ClaimRow> {
  await tx.claim.update({
    where: { id },
    data: { status, statusChangedAt: new Date(), version: { increment: 1 }, ...extra },
    select: { id: true },
  });
  return (await lockClaim(tx, id))!;
}

/** Moves every claim after `afterPosition` by `delta` in one statement (the key is checked at its end). */
export async function shiftPositions(tx: Tx, articleId: string, afterPosition: number, delta: number): Promise<void> {
  await tx.$executeRaw`
    UPDATE claims SET position = position + ${delta}
    WHERE article_id = ${articleId}::uuid AND position > ${afterPosition}`;
}

export async function deleteClaimRow(tx: Tx, id: string): Promise<void> {
  await tx.claim.delete({ where: { id }, select: { id: true } });
}

export async function insertClaimRow(
  tx: Tx,
  row: Pick<ClaimRow, 'articleId' | 'position' | 'paragraph' | 'start' | 'end' | 'text' | 'sentenceStart' | 'sentenceEnd' | 'checkWorthy' | 'hint'>,
): Promise<string> {
  const created = await tx.claim.create({ data: row, select: { id: true } });
  return created.id;
}

export async function adjustClaimCount(tx: Tx, articleId: string, delta: number): Promise<void> {
  await tx.article.update({ where: { id: articleId }, data: { claimCount: { increment: delta } }, select: { id: true } });
}
