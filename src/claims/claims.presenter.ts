import type { ClaimRow } from './claims.queries';

export function presentClaim(claim: ClaimRow) {
  return {
    id: claim.id,
    articleId: claim.articleId,
    position: claim.position,
    paragraph: claim.paragraph,
    text: claim.text,
    start: claim.start,
    end: claim.end,
    checkWorthy: claim.checkWorthy,
    status: claim.status,
    createdAt: claim.createdAt.toISOString(),
    updatedAt: claim.updatedAt.toISOString(),
  };
}
