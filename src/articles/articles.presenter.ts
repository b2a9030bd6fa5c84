import type { Page } from '../http/keyset';
import type { ClaimView } from '../claims/claims.presenter';
import type { ArticleRow, ArticleSummaryRow } from './articles.queries';

export function presentArticleSummary(article: ArticleSummaryRow) {
  return {
    id: article.id,
    title: article.title,
    url: article.url,
    outlet: article.outlet,
    author: article.author,
    publishedAt: article.publishedAt?.toISOString() ?? null,
    contentHash: article.contentHash,
    createdById: article.createdById,
    claimCount: article.claimCount,
    ratingScaleId: article.ratingScaleId,
    progress: { total: article.claimCount, checkWorthy: article.checkWorthyCount, checked: article.checkedCount },
    version: article.version,
    createdAt: article.createdAt.toISOString(),
    updatedAt: article.updatedAt.toISOString(),
  };
}

export type ArticleSummaryView = ReturnType<typeof presentArticleSummary>;

/** The article with the first page of its claims; the rest come from GET /api/articles/:id/claims. */
export function presentArticle(article: ArticleRow, claims: Page<ClaimView>) {
  return { ...presentArticleSummary(article), body: article.body, claims: claims.items, claimsNextCursor: claims.nextCursor };
}

export type ArticleView = ReturnType<typeof presentArticle>;

/** What the audit trail keeps of an article (not its body, which never changes and is hashed). */
export function auditableArticle(article: {
  title: string;
  url: string | null;
  outlet: string | null;
  author: string | null;
  publishedAt: Date | null;
  contentHash: string;
  claimCount: number;
  ratingScaleId?: string | null;
  version: number;
}) {
  return {
    title: article.title,
    url: article.url,
    outlet: article.outlet,
    author: article.author,
    publishedAt: article.publishedAt?.toISOString() ?? null,
    contentHash: article.contentHash,
    claimCount: article.claimCount,
    ratingScaleId: article.ratingScaleId ?? null,
    version: article.version,
  };
}
