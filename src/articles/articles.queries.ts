import type { Prisma, PrismaClient } from '../db/prisma';
import { skipTake } from '../http/pagination';
import { claimSelect, type ClaimRow } from '../claims/claims.queries';
import type { ListArticlesQuery } from './articles.schema';

export const articleSummarySelect = {
  id: true,
  title: true,
  url: true,
  outlet: true,
  author: true,
  publishedAt: true,
  contentHash: true,
  createdById: true,
  createdAt: true,
  updatedAt: true,
  _count: { select: { claims: true } },
} satisfies Prisma.ArticleSelect;


export type ArticleSummaryRow = Prisma.ArticleGetPayload<{ select: typeof articleSummarySelect }>;
export type ArticleDetailRow = ArticleSummaryRow & { body: string; claims: ClaimRow[] };

export function findArticleWithClaims(db: PrismaClient | Prisma.TransactionClient, id: string) {
  return db.article.findUnique({
    where: { id },
    select: { ...articleSummarySelect, body: true, claims: { select: claimSelect, orderBy: { position: 'asc' } } },
  });
}

export function findArticleIdByHash(db: PrismaClient | Prisma.TransactionClient, contentHash: string) {
  return db.article.findUnique({ where: { contentHash }, select: { id: true } });
}

export async function listArticles(db: PrismaClient, query: ListArticlesQuery) {
  const where: Prisma.ArticleWhereInput = query.q ? { title: { contains: query.q, mode: 'insensitive' } } : {};
  const [rows, total] = await db.$transaction([
    db.article.findMany({
      where,
      select: articleSummarySelect,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      ...skipTake(query),
    }),
    db.article.count({ where }),
  ]);
  return { rows, total };
}
