import { createHash, randomUUID } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { changesSince } from '../audit/audit.queries';
import { recordAudit } from '../audit/audit.recorder';
import { positionCursorAfter, type ClaimService } from '../claims/claims.service';
import { presentClaim } from '../claims/claims.presenter';
import { hintFor } from '../claims/triage.rules';
import type { Db } from '../db/sql';
import { ConflictError, NotFoundError, PayloadTooLargeError, ValidationError } from '../errors';
import type { Prisma } from '../db/prisma';
import { articleHasVerdicts } from '../claims/review-state.queries';
import { cursorParts, decodeCursor, toPage, type Page } from '../http/keyset';
import { assertVersion, type ExpectedVersion } from '../http/versions';
import { splitSentences } from '../segmentation/sentence-splitter';
import { auditableArticle, presentArticle, presentArticleSummary, type ArticleSummaryView, type ArticleView } from './articles.presenter';
import {
  deleteArticleRow,
  findArticle,
  findArticleIdByHash,
  insertArticle,
  insertClaims,
  listArticles,
  lockArticle,
  scaleExists,
  updateArticleRow,
  type NewArticle,
  type NewClaim,
} from './articles.queries';
import type { CreateArticleInput, ListArticlesQuery, UpdateArticleInput } from './articles.schema';
import { refuseDeletingCheckedWork } from './articles.rules';

export interface ImportResult {
  article: ArticleView;
  /** False when the same body had been imported before: the existing article is returned instead. */
  created: boolean;
}

export interface ArticleServiceDeps {
  db: Db;
  claims: ClaimService;
  articleMaxBytes: number;
  articleMaxClaims: number;
}

/** Claims embedded in an article's detail; the rest are paged from GET /api/articles/:id/claims. */
export const EMBEDDED_CLAIMS = 200;
const IMPORT_TRANSACTION_TIMEOUT_MS = 60_000;

const HINT_BATCH = 2_000;
const ORDERING = 'articles:newest';
const CursorKey = z.tuple([cursorParts.timestamp, cursorParts.uuid]);

export function contentHashOf(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

export function createArticleService({ db, claims, articleMaxBytes, articleMaxClaims }: ArticleServiceDeps) {
  const { prisma, pool } = db;

  async function getArticle(id: string, viewer: Actor): Promise<ArticleView> {
    const [article, firstClaims] = await Promise.all([findArticle(pool, id), claims.firstPage(id, EMBEDDED_CLAIMS, viewer)]);
    if (!article) throw new NotFoundError('article', id);
    return presentArticle(article, firstClaims);
  }

  /** Stores the article and one claim per sentence in one transaction; an identical body is never stored twice. */
  async function importArticle(input: CreateArticleInput, actor: Actor): Promise<ImportResult> {
    const bodyBytes = Buffer.byteLength(input.body, 'utf8');
    if (bodyBytes > articleMaxBytes) {
      throw new PayloadTooLargeError(`Article body is ${bodyBytes} bytes; the limit is ${articleMaxBytes} bytes`);
    }
    const contentHash = contentHashOf(input.body);
    const existing = await findArticleIdByHash(pool, contentHash);
    if (existing) return { article: await getArticle(existing, actor), created: false };

    const newClaims = await claimsOf(input.body);
    const article: NewArticle = {
      id: randomUUID(),
      title: input.title,
      body: input.body,
      url: input.url ?? null,
      outlet: input.outlet ?? null,
      author: input.author ?? null,
      publishedAt: input.publishedAt ?? null,
      contentHash,
      claimCount: newClaims.length,
      createdById: actor.userId,
      createdAt: new Date(),
    };
    try {
      await prisma.$transaction(
        async (tx) => {
          await insertArticle(tx, article);
          await insertClaims(tx, article.id, newClaims, article.createdAt);
          await recordAudit(tx, actor, {
            entityType: 'article',
            entityId: article.id,
            action: 'article.created',
            after: auditableArticle({ ...article, version: 1 }),
          });
        },
        { timeout: IMPORT_TRANSACTION_TIMEOUT_MS },
      );
    } catch (error) {
      const raced = isUniqueViolation(error) ? await findArticleIdByHash(pool, contentHash) : undefined;
      if (raced) return { article: await getArticle(raced, actor), created: false };
      throw error;
    }
    return { article: presentImported(article, newClaims), created: true };
  }

  /** Splits the body and scores each sentence, yielding to the event loop between batches of a long article. */
  async function claimsOf(body: string): Promise<NewClaim[]> {
    const sentences = splitSentences(body);
    if (sentences.length > articleMaxClaims) {
      throw new PayloadTooLargeError(
        `The article splits into ${sentences.length} claims; the limit is ${articleMaxClaims} (ARTICLE_MAX_CLAIMS)`,
      );
    }
    const result: NewClaim[] = [];
    for (let i = 0; i < sentences.length; i += HINT_BATCH) {
      if (i > 0) await yieldToEventLoop();
      for (const sentence of sentences.slice(i, i + HINT_BATCH)) result.push({ ...sentence, id: randomUUID(), hint: hintFor(sentence.text) });
    }
    return result;
  }

  /** The response of an import is built from what was written, not read back. */
  function presentImported(article: NewArticle, newClaims: NewClaim[]): ArticleView {
    const row = { ...article, ratingScaleId: null, version: 1, updatedAt: article.createdAt, checkWorthyCount: newClaims.length, checkedCount: 0 };
    const claimRows = newClaims.slice(0, EMBEDDED_CLAIMS).map((claim, index) =>
      presentClaim({
        ...claim,
        articleId: article.id,
        position: index + 1,
        sentenceStart: claim.start,
        sentenceEnd: claim.end,
        checkWorthy: true,
        status: 'unreviewed',
        statusChangedAt: article.createdAt,
        claimantName: null,
        claimantRole: null,
        claimDate: null,
        retractionNote: null,
        retractedAt: null,
        verdictKey: null,
        version: 1,
        createdAt: article.createdAt,
        updatedAt: article.createdAt,
        articleAuthor: article.author,
        articlePublishedAt: article.publishedAt,
      }),
    );
    const more = newClaims.length > EMBEDDED_CLAIMS;
    return presentArticle(row, { items: claimRows, nextCursor: more ? positionCursorAfter(EMBEDDED_CLAIMS) : null });
  }

  async function listArticlePage(query: ListArticlesQuery): Promise<Page<ArticleSummaryView>> {
    const key = query.cursor ? decodeCursor(ORDERING, query.cursor, CursorKey) : undefined;
    const rows = await listArticles(pool, { q: query.q }, key && { createdAt: key[0], id: key[1] }, query.limit);
    return toPage(rows, query.limit, ORDERING, (a) => [a.createdAt.toISOString(), a.id], presentArticleSummary);
  }

  async function updateArticle(id: string, input: UpdateArticleInput, expected: ExpectedVersion | undefined, actor: Actor): Promise<ArticleView> {
    await prisma.$transaction(async (tx) => {
      const before = await lockArticle(tx, id);
      if (!before) throw new NotFoundError('article', id);
      await assertVersion(expected, before.version, 'article', (v) => changesSince(tx, 'article', id, v));
      const changes = changedMetadata(before, input);
      if (input.ratingScaleId !== undefined && input.ratingScaleId !== before.ratingScaleId) {
        await assertScaleChangeable(tx, id, input.ratingScaleId);
        changes.ratingScale = input.ratingScaleId ? { connect: { id: input.ratingScaleId } } : { disconnect: true };
      }
      if (Object.keys(changes).length === 0) return;
      await updateArticleRow(tx, id, changes);
      const after = await lockArticle(tx, id);
      await recordAudit(tx, actor, {
        entityType: 'article',
        entityId: id,
        action: 'article.updated',
        before: auditableArticle(before),
        after: auditableArticle(after),
      });
    });
    return getArticle(id, actor);
  }

  /** Deletes the article and its claims; the audit trail keeps what was deleted. */
  async function deleteArticle(id: string, actor: Actor): Promise<void> {
    await prisma.$transaction(async (tx) => {
      const article = await lockArticle(tx, id);
      if (!article) throw new NotFoundError('article', id);
      await refuseDeletingCheckedWork(tx, id);
      await deleteArticleRow(tx, id);
      await recordAudit(tx, actor, { entityType: 'article', entityId: id, action: 'article.deleted', before: auditableArticle(article) });
    });
  }

  return { importArticle, getArticle, listArticlePage, updateArticle, deleteArticle };
}

export type ArticleService = ReturnType<typeof createArticleService>;

/** Each article uses one scale; it can be picked until the first verdict is written. */
async function assertScaleChangeable(tx: Prisma.TransactionClient, articleId: string, scaleId: string | null): Promise<void> {
  if (scaleId && !(await scaleExists(tx, scaleId))) {
    throw new ValidationError('No such rating scale', [{ path: 'body.ratingScaleId', message: 'is not a rating scale of the desk' }]);
  }
  if (await articleHasVerdicts(tx, articleId)) {
    throw new ConflictError('SCALE_LOCKED', 'The rating scale is fixed once the first verdict on this article exists');
  }
}

function changedMetadata(before: NonNullable<Awaited<ReturnType<typeof lockArticle>>>, input: UpdateArticleInput) {
  const changes: Prisma.ArticleUpdateInput = {};
  for (const key of ['title', 'url', 'outlet', 'author'] as const) {
    if (input[key] !== undefined && (input[key] ?? null) !== before[key]) Object.assign(changes, { [key]: input[key] ?? null });
  }
  if (input.publishedAt !== undefined && (input.publishedAt?.getTime() ?? null) !== (before.publishedAt?.getTime() ?? null)) {
    changes.publishedAt = input.publishedAt;
  }
  return changes;
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'P2002';
}
