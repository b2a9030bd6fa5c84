import { createHash } from 'node:crypto';
import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit/audit.recorder';
import type { Prisma, PrismaClient } from '../db/prisma';
import { NotFoundError, PayloadTooLargeError } from '../errors';
import { toPage, type Page } from '../http/pagination';
import { splitSentences, type SentenceSpan } from '../segmentation/sentence-splitter';
import { presentArticle, presentArticleSummary } from './articles.presenter';
import { articleSummarySelect, findArticleIdByHash, findArticleWithClaims, listArticles } from './articles.queries';
import type { CreateArticleInput, ListArticlesQuery } from './articles.schema';

export type ArticleView = ReturnType<typeof presentArticle>;
export type ArticleSummaryView = ReturnType<typeof presentArticleSummary>;

export interface ImportResult {
  article: ArticleView;
  /** False when the same body had been imported before: the existing article is returned instead. */
  created: boolean;
}

export interface ArticleServiceDeps {
  prisma: PrismaClient;
  articleMaxBytes: number;
}

const IMPORT_TRANSACTION_TIMEOUT_MS = 60_000;

export function contentHashOf(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

export function createArticleService({ prisma, articleMaxBytes }: ArticleServiceDeps) {
  async function getArticle(id: string): Promise<ArticleView> {
    const article = await findArticleWithClaims(prisma, id);
    if (!article) throw new NotFoundError('article', id);
    return presentArticle(article);
  }

  /** Stores the article and one claim per sentence in one transaction; an identical body is never stored twice. */
  async function importArticle(input: CreateArticleInput, actor: Actor | null): Promise<ImportResult> {
    const bodyBytes = Buffer.byteLength(input.body, 'utf8');
    if (bodyBytes > articleMaxBytes) {
      throw new PayloadTooLargeError(`Article body is ${bodyBytes} bytes; the limit is ${articleMaxBytes} bytes`);
    }
    const contentHash = contentHashOf(input.body);
    const existing = await findArticleIdByHash(prisma, contentHash);
    if (existing) return { article: await getArticle(existing.id), created: false };

    const sentences = splitSentences(input.body);
    try {
      const articleId = await prisma.$transaction(
        async (tx) => {
          const article = await tx.article.create({
            data: {
              title: input.title,
              body: input.body,
              url: input.url ?? null,
              outlet: input.outlet ?? null,
              author: input.author ?? null,
              publishedAt: input.publishedAt ?? null,
              contentHash,
              createdById: actor?.userId ?? null,
            },
            select: { id: true },
          });
          await insertClaims(tx, article.id, sentences);
          await recordAudit(tx, actor, {
            entityType: 'article',
            entityId: article.id,
            action: 'article.created',
            after: { title: input.title, url: input.url ?? null, contentHash, claimCount: sentences.length },
          });
          return article.id;
        },
        { timeout: IMPORT_TRANSACTION_TIMEOUT_MS },
      );
      return { article: await getArticle(articleId), created: true };
    } catch (error) {
      const raced = isUniqueViolation(error) ? await findArticleIdByHash(prisma, contentHash) : null;
      if (raced) return { article: await getArticle(raced.id), created: false };
      throw error;
    }
  }

  async function listArticlePage(query: ListArticlesQuery): Promise<Page<ArticleSummaryView>> {
    const { rows, total } = await listArticles(prisma, query);
    return toPage(rows.map(presentArticleSummary), total, query);
  }

  /** Deletes the article and its claims; the audit trail keeps what was deleted. */
  async function deleteArticle(id: string, actor: Actor): Promise<void> {
    await prisma.$transaction(async (tx) => {
      const article = await tx.article.findUnique({ where: { id }, select: articleSummarySelect });
      if (!article) throw new NotFoundError('article', id);
      await tx.article.delete({ where: { id } });
      const { title, url, contentHash, _count } = article;
      await recordAudit(tx, actor, {
        entityType: 'article',
        entityId: id,
        action: 'article.deleted',
        before: { title, url, contentHash, claimCount: _count.claims },
      });
    });
  }

  return { importArticle, getArticle, listArticlePage, deleteArticle };
}

export type ArticleService = ReturnType<typeof createArticleService>;

/** One round trip for any number of claims: Prisma's createMany is an order of magnitude slower here. */
async function insertClaims(tx: Prisma.TransactionClient, articleId: string, sentences: SentenceSpan[]) {
  if (sentences.length === 0) return;
  const positions = sentences.map((_, index) => index + 1);
  await tx.$executeRaw`
    INSERT INTO "claims" ("article_id", "position", "paragraph", "start", "end", "text", "updated_at")
    SELECT ${articleId}::uuid, u.position, u.paragraph, u.start, u.finish, u.text, now()
    FROM unnest(
      ${positions}::int[], ${sentences.map((s) => s.paragraph)}::int[], ${sentences.map((s) => s.start)}::int[],
      ${sentences.map((s) => s.end)}::int[], ${sentences.map((s) => s.text)}::text[]
    ) AS u(position, paragraph, start, finish, text)`;
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'P2002';
}
