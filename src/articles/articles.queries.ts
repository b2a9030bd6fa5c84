import type { Pool } from 'pg';
import { CHECKED_STATUSES } from '../domain/workflow';
import { queryPrepared } from '../db/prepared';
import { queryRows, SqlConditions } from '../db/sql';
import type { Prisma } from '../db/prisma';
import type { SentenceSpan } from '../segmentation/sentence-splitter';

/** Articles: typed raw SQL for the list and the detail (hot paths), Prisma for writes. */

export interface ArticleSummaryRow {
  id: string;
  title: string;
  url: string | null;
  outlet: string | null;
  author: string | null;
  publishedAt: Date | null;
  contentHash: string;
  createdById: string | null;
  claimCount: number;
  ratingScaleId: string | null;
  checkWorthyCount: number;
  checkedCount: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type ArticleRow = ArticleSummaryRow & { body: string };

const SUMMARY_COLUMNS = `a.id, a.title, a.url, a.outlet, a.author, a.published_at AS "publishedAt",
  a.content_hash AS "contentHash", a.created_by_id AS "createdById", a.claim_count AS "claimCount",
  a.rating_scale_id AS "ratingScaleId", a.version,
  a.created_at AS "createdAt", a.updated_at AS "updatedAt"`;

/** Progress counts of one article; evaluated only for the rows of the page (index on claims.article_id). */
const PROGRESS = `LEFT JOIN LATERAL (
    SELECT count(*) FILTER (WHERE c.check_worthy)::int AS "checkWorthyCount",
           count(*) FILTER (WHERE c.status::text = ANY('{${CHECKED_STATUSES.join(',')}}'))::int AS "checkedCount"
    FROM claims c WHERE c.article_id = page.id) progress ON true`;

/** An article with its progress: a primary-key lookup and one article's claims, so a named statement. */
export async function findArticle(pool: Pool, id: string): Promise<ArticleRow | undefined> {
  const [row] = await queryPrepared<ArticleRow>(
    pool,
    `SELECT page.*, progress.* FROM (SELECT ${SUMMARY_COLUMNS}, a.body FROM articles a WHERE a.id = $1) page ${PROGRESS}`,
    [id],
  );
  return row;
}

export async function articleExists(pool: Pool, id: string): Promise<boolean> {
  return (await queryRows(pool, 'SELECT 1 FROM articles WHERE id = $1', [id])).length > 0;
}

/** `%`, `_` and `\` in the search text are literal, not wildcards. */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Newest first, one page (limit + 1 rows). The page is chosen first (keyset on the (created_at, id) index, or the
 * title trigram index when searching), and only its rows are counted, so the cost does not grow with the desk.
 */
export async function listArticles(
  pool: Pool,
  filters: { q?: string },
  after: { createdAt: string; id: string } | undefined,
  limit: number,
): Promise<ArticleSummaryRow[]> {
  const where = new SqlConditions();
  if (filters.q) where.add(`a.title ILIKE ? ESCAPE '\\'`, likePattern(filters.q));
  if (after) where.add('(a.created_at, a.id) < (?::timestamptz, ?::uuid)', after.createdAt, after.id);
  return queryRows<ArticleSummaryRow>(
    pool,
    `SELECT page.*, progress.* FROM (
       SELECT ${SUMMARY_COLUMNS} FROM articles a ${where.toSql()}
       ORDER BY a.created_at DESC, a.id DESC LIMIT ${where.param(limit + 1)}
     ) page ${PROGRESS}
     ORDER BY page."createdAt" DESC, page.id DESC`,
    where.values,
  );
}

// ---- Writes (inside a Prisma transaction) ------------------------------------------------------------------

type Tx = Prisma.TransactionClient;

export async function findArticleIdByHash(db: Pool, contentHash: string): Promise<string | undefined> {
  const [row] = await queryRows<{ id: string }>(db, 'SELECT id FROM articles WHERE content_hash = $1', [contentHash]);
  return row?.id;
}

export interface NewArticle {
  id: string;
  title: string;
  body: string;
  url: string | null;
  outlet: string | null;
  author: string | null;
  publishedAt: Date | null;
  contentHash: string;
  claimCount: number;
  createdById: string | null;
  createdAt: Date;
}

/** Raw SQL: Prisma's create costs several milliseconds more for a 1 MB body. */
export async function insertArticle(tx: Tx, article: NewArticle): Promise<void> {
  const a = article;
  await tx.$executeRaw`
    INSERT INTO "articles" ("id", "title", "body", "url", "outlet", "author", "published_at", "content_hash", "claim_count",
                            "created_by_id", "created_at", "updated_at")
    VALUES (${a.id}::uuid, ${a.title}, ${a.body}, ${a.url}, ${a.outlet}, ${a.author}, ${a.publishedAt}, ${a.contentHash},
            ${a.claimCount}, ${a.createdById}::uuid, ${a.createdAt}, ${a.createdAt})`;
}

export interface NewClaim extends SentenceSpan {
  id: string;
  hint: number | null;
}

/**
 * One round trip for any number of claims: an unnest insert (Prisma's createMany is an order of magnitude slower).
 * Each column travels as one PostgreSQL array literal built here: handed JavaScript arrays, Prisma's raw query
 * path spent more CPU on 7 × 7,000 values than the database spent inserting them.
 */
export async function insertClaims(tx: Tx, articleId: string, claims: NewClaim[], createdAt: Date): Promise<void> {
  if (claims.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "claims" ("id", "article_id", "position", "paragraph", "start", "end", "sentence_start", "sentence_end",
                          "text", "hint", "status_changed_at", "created_at", "updated_at")
    SELECT u.id, ${articleId}::uuid, u.position, u.paragraph, u.start, u.finish, u.start, u.finish, u.text, u.hint,
           ${createdAt}, ${createdAt}, ${createdAt}
    FROM unnest(
      ${arrayLiteral(claims.map((c) => c.id))}::uuid[], ${arrayLiteral(claims.map((_, i) => i + 1))}::int[],
      ${arrayLiteral(claims.map((c) => c.paragraph))}::int[], ${arrayLiteral(claims.map((c) => c.start))}::int[],
      ${arrayLiteral(claims.map((c) => c.end))}::int[], ${textArrayLiteral(claims.map((c) => c.text))}::text[],
      ${arrayLiteral(claims.map((c) => c.hint))}::float8[]
    ) AS u(id, position, paragraph, start, finish, text, hint)`;
}

/** `{1,2,NULL}`: numbers and UUIDs need no quoting. */
export const arrayLiteral = (values: Array<number | string | null>) => `{${values.map((v) => (v === null ? 'NULL' : String(v))).join(',')}}`;

/** `{"a","b \"c\""}`: every element quoted (so the text NULL stays text), backslashes and quotes escaped. */
export const textArrayLiteral = (values: string[]) => `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

/** Locks the article for an update or deletion; what the audit trail keeps of it. */
export async function lockArticle(tx: Tx, id: string) {
  const [row] = await tx.$queryRaw<
    Array<{ title: string; url: string | null; outlet: string | null; author: string | null; publishedAt: Date | null; contentHash: string; claimCount: number; ratingScaleId: string | null; version: number }>
  >`SELECT title, url, outlet, author, published_at AS "publishedAt", content_hash AS "contentHash",
           claim_count AS "claimCount", rating_scale_id AS "ratingScaleId", version
    FROM articles WHERE id = ${id}::uuid FOR UPDATE`;
  return row;
}

export async function scaleExists(tx: Tx, id: string): Promise<boolean> {
  return (await tx.ratingScale.count({ where: { id } })) > 0;
}

export async function updateArticleRow(tx: Tx, id: string, data: Prisma.ArticleUpdateInput): Promise<void> {
  await tx.article.update({ where: { id }, data: { ...data, version: { increment: 1 } }, select: { id: true } });
}

export async function deleteArticleRow(tx: Tx, id: string): Promise<void> {
  await tx.article.delete({ where: { id }, select: { id: true } });
}
