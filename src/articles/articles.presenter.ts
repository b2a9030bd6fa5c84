import { presentClaim } from '../claims/claims.presenter';
import type { ArticleDetailRow, ArticleSummaryRow } from './articles.queries';

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
    claimCount: article._count.claims,
    createdAt: article.createdAt.toISOString(),
    updatedAt: article.updatedAt.toISOString(),
  };
}

export function presentArticle(article: ArticleDetailRow) {
  return { ...presentArticleSummary(article), body: article.body, claims: article.claims.map(presentClaim) };
}
