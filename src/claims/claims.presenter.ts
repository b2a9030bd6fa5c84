import { explainCheckWorthiness } from '../triage/check-worthiness';
import type { ClaimRow, QueueRow } from './claims.queries';

const dateOnly = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/** A claim as the API shows it; the claimant and date fall back to the article's author and date. */
export function presentClaim(claim: ClaimRow) {
  const ownClaimant = claim.claimantName !== null;
  return {
    id: claim.id,
    articleId: claim.articleId,
    position: claim.position,
    paragraph: claim.paragraph,
    text: claim.text,
    start: claim.start,
    end: claim.end,
    sentenceStart: claim.sentenceStart,
    sentenceEnd: claim.sentenceEnd,
    narrowed: claim.start !== claim.sentenceStart || claim.end !== claim.sentenceEnd,
    checkWorthy: claim.checkWorthy,
    hint: claim.hint,
    status: claim.status,
    statusChangedAt: claim.statusChangedAt.toISOString(),
    claimant: ownClaimant
      ? { name: claim.claimantName!, role: claim.claimantRole }
      : claim.articleAuthor
        ? { name: claim.articleAuthor, role: null }
        : null,
    claimantIsDefault: !ownClaimant && claim.claimDate === null,
    claimDate: claim.claimDate ?? dateOnly(claim.articlePublishedAt),
    retraction: claim.retractedAt ? { note: claim.retractionNote ?? '', at: claim.retractedAt.toISOString() } : null,
    verdict:
      claim.verdictKey && !claim.retractedAt
        ? {
            key: claim.verdictKey,
            label: claim.verdictLabel ?? claim.verdictKey,
            value: claim.verdictValue ?? null,
            color: claim.verdictColor ?? '#57606a',
            state: claim.verdictPublished ? ('published' as const) : ('approved' as const),
          }
        : null,
    version: claim.version,
    createdAt: claim.createdAt.toISOString(),
    updatedAt: claim.updatedAt.toISOString(),
  };
}

export type ClaimView = ReturnType<typeof presentClaim>;

/** The claim panel's view: the claim and why its hint is what it is. */
export function presentClaimDetail(claim: ClaimRow) {
  return { ...presentClaim(claim), hintFeatures: explainCheckWorthiness(claim.text).features };
}

export function presentQueueItem(claim: QueueRow) {
  return { ...presentClaim(claim), articleTitle: claim.articleTitle };
}

/** What the audit trail keeps of a claim: its whole editable state, so events chain (not its position). */
export function auditableClaim(claim: ClaimRow) {
  return {
    start: claim.start,
    end: claim.end,
    text: claim.text,
    sentenceStart: claim.sentenceStart,
    sentenceEnd: claim.sentenceEnd,
    checkWorthy: claim.checkWorthy,
    claimantName: claim.claimantName,
    claimantRole: claim.claimantRole,
    claimDate: claim.claimDate,
    status: claim.status,
    retractionNote: claim.retractionNote,
    version: claim.version,
  };
}
