import type { Actor } from '../auth/actor';
import type { ClaimRow } from '../claims/claims.queries';
import { findArticle } from '../articles/articles.queries';
import type { Db } from '../db/sql';
import { CHECKED_STATUSES } from '../domain/workflow';
import { NotFoundError } from '../errors';
import { scaleRange } from '../rating-scales/rating-scales.presenter';
import { findScaleOfArticle, type ScaleRow } from '../rating-scales/rating-scales.queries';
import type { RulingRow } from '../rulings/rulings.queries';
import { computeConsensus, type ConsensusRule } from '../verdicts/consensus';
import { verdictVisibility, type VerdictVisibility } from '../verdicts/visibility';
import type { Audience, Report, ReportClaim, ReportLevel, ReportSource, ReportVerdict } from './report.model';
import {
  assigneesOfArticle,
  claimsOfArticle,
  eventsOfArticle,
  linksOfArticle,
  notesOfArticle,
  rulingsOfArticle,
  verdictsOfArticle,
  type EventExportRow,
  type LinkRow,
  type VerdictExportRow,
} from './report.queries';

export interface ReportSettings {
  organisation: { name: string; url: string };
  /** Public URL of the report pages; an article's report is `<base>/<article id>`. */
  publicReportBaseUrl: string;
  consensusRule: ConsensusRule;
}

type ArticleData = Awaited<ReturnType<typeof loadArticleData>>;

const groupBy = <T extends { claimId: string | null }>(rows: T[]) => {
  const map = new Map<string, T[]>();
  for (const row of rows) if (row.claimId) map.set(row.claimId, [...(map.get(row.claimId) ?? []), row]);
  return map;
};

async function loadArticleData(db: Db, articleId: string) {
  const { pool, prisma } = db;
  const [article, claims, rulings, links, verdicts, assignees, notes, events, scale] = await Promise.all([
    findArticle(pool, articleId),
    claimsOfArticle(pool, articleId),
    rulingsOfArticle(pool, articleId),
    linksOfArticle(pool, articleId),
    verdictsOfArticle(pool, articleId),
    assigneesOfArticle(pool, articleId),
    notesOfArticle(pool, articleId),
    eventsOfArticle(pool, articleId),
    findScaleOfArticle(prisma, articleId),
  ]);
  if (!article || !scale) throw new NotFoundError('article', articleId);
  return {
    article,
    claims,
    scale,
    events,
    rulings: groupBy(rulings),
    links: groupBy(links),
    verdicts: groupBy(verdicts),
    assignees: groupBy(assignees),
    notes: groupBy(notes),
  };
}

/**
 * Assembles the report of one article for one reader and one audience (src/export/report.model.ts). The blind
 * rule decides, claim by claim, what a desk reader sees; the public audience gets published work only.
 */
export function createReportService(db: Db, settings: ReportSettings) {
  async function build(articleId: string, reader: Actor, audience: Audience): Promise<Report> {
    const data = await loadArticleData(db, articleId);
    const levels = new Map(data.scale.levels.map((l) => [l.key, l]));
    const level = (key: string): ReportLevel => {
      const found = levels.get(key);
      return found ? { key, label: found.label, value: found.value, color: found.color } : { key, label: key, value: null, color: '#57606a' };
    };
    const claims = data.claims.map((claim) => reportClaim(claim, data, reader, audience, level, settings.consensusRule));
    const { article } = data;
    return {
      generatedAt: new Date().toISOString(),
      audience,
      organisation: settings.organisation,
      reportUrl: `${settings.publicReportBaseUrl.replace(/\/+$/, '')}/${article.id}`,
      article: {
        id: article.id,
        title: article.title,
        url: article.url,
        outlet: article.outlet,
        author: article.author,
        publishedAt: article.publishedAt?.toISOString() ?? null,
        importedAt: article.createdAt.toISOString(),
        body: article.body,
        claimCount: article.claimCount,
      },
      scale: presentScale(data.scale),
      claims,
      scorecard: scorecard(claims, data.scale),
      corrections: corrections(claims),
      appendix: {
        reviewers: audience === 'desk' ? reviewersOf(data) : [],
        events: audience === 'desk' ? deskEvents(data, reader) : publicEvents(claims),
        methodology: methodology(settings.consensusRule),
      },
    };
  }

  return { build };
}

export type ReportService = ReturnType<typeof createReportService>;

function reportClaim(
  claim: ClaimRow,
  data: ArticleData,
  reader: Actor,
  audience: Audience,
  level: (key: string) => ReportLevel,
  consensusRule: ConsensusRule,
): ReportClaim {
  const verdicts = data.verdicts.get(claim.id) ?? [];
  const assignees = data.assignees.get(claim.id) ?? [];
  const visible = verdictVisibility(reader, {
    assigneeIds: assignees.map((a) => a.reviewerId),
    submittedIds: verdicts.filter((v) => v.status === 'submitted').map((v) => v.reviewerId),
  });
  const links = data.links.get(claim.id) ?? [];
  const current = numberSources(links);
  const rulings = data.rulings.get(claim.id) ?? [];
  const published = rulings.filter((r) => r.publishedAt).map((r) => verdictOf(r, numberSnapshot(r), audience));
  const publishedVerdict = published.find((r) => r.state === 'published') ?? null;
  const pending = rulings.find((r) => !r.publishedAt);
  // A retracted fact-check has no current verdict: its published revisions stay, marked by `retraction`.
  const finalVerdict = claim.retractedAt
    ? null
    : audience === 'public'
      ? publishedVerdict
      : pending && visible.unpublishedRuling
        ? verdictOf(pending, current, audience)
        : publishedVerdict;
  const ownClaimant = claim.claimantName !== null;
  return {
    id: claim.id,
    position: claim.position,
    paragraph: claim.paragraph,
    text: claim.text,
    start: claim.start,
    end: claim.end,
    status: claim.status,
    checked: CHECKED_STATUSES.includes(claim.status),
    checkWorthy: claim.checkWorthy,
    hint: claim.hint,
    claimant: ownClaimant ? { name: claim.claimantName!, role: claim.claimantRole } : claim.articleAuthor ? { name: claim.articleAuthor, role: null } : null,
    claimDate: claim.claimDate ?? claim.articlePublishedAt?.toISOString().slice(0, 10) ?? null,
    finalVerdict,
    publishedVerdict,
    publishedRevisions: published,
    retraction: claim.retractedAt ? { note: claim.retractionNote ?? '', at: claim.retractedAt.toISOString() } : null,
    sources: audience === 'public' ? (publishedVerdict?.sources ?? []) : current,
    review: audience === 'public' ? null : deskReview(verdicts, assignees.map((a) => a.reviewerName), visible, reader, current, level, consensusRule),
    notes: audience === 'public' ? [] : (data.notes.get(claim.id) ?? []).map((n) => ({ author: n.authorName, body: n.body, createdAt: n.createdAt.toISOString() })),
    statusChangedAt: claim.statusChangedAt.toISOString(),
  };
}

function deskReview(
  verdicts: VerdictExportRow[],
  reviewers: string[],
  visible: VerdictVisibility,
  reader: Actor,
  sources: ReportSource[],
  level: (key: string) => ReportLevel,
  rule: ConsensusRule,
): ReportClaim['review'] {
  const shown = verdicts.filter(
    (v) => v.reviewerId === reader.userId || (v.status === 'submitted' ? visible.submittedVerdicts : visible.drafts),
  );
  const numberOf = new Map(sources.map((s) => [s.sourceId, s.number]));
  const submitted = verdicts.filter((v) => v.status === 'submitted' && v.levelKey).map((v) => ({ levelKey: v.levelKey! }));
  const consensus = visible.submittedVerdicts && submitted.length ? computeConsensus(submitted, rule) : null;
  return {
    consensus: consensus && {
      rule: consensus.rule,
      level: consensus.levelKey ? level(consensus.levelKey) : null,
      distribution: consensus.distribution.map((d) => ({ level: level(d.levelKey), count: d.count })),
      agreement: consensus.agreement,
      submitted: consensus.submitted,
    },
    verdicts: shown.map((v) => ({
      reviewer: v.reviewerName,
      status: v.status,
      level: v.levelKey ? level(v.levelKey) : null,
      rationale: v.rationale,
      submittedAt: v.submittedAt?.toISOString() ?? null,
      sourceNumbers: v.sourceIds.map((id) => numberOf.get(id)).filter((n): n is number => n !== undefined),
    })),
    reviewers,
  };
}

function numberSources(links: LinkRow[]): ReportSource[] {
  return links.map((link, index) => ({
    number: index + 1,
    sourceId: link.sourceId,
    url: link.url,
    title: link.title,
    publisher: link.publisher,
    sourceType: link.sourceType,
    accessedAt: link.accessedAt,
    archivedUrl: link.archivedUrl,
    stance: link.stance,
    excerpt: link.excerpt,
  }));
}

const numberSnapshot = (ruling: RulingRow): ReportSource[] =>
  (ruling.sourcesSnapshot ?? []).map((source, index) => ({ ...source, number: index + 1 }) as ReportSource);

function verdictOf(ruling: RulingRow, sources: ReportSource[], audience: Audience): ReportVerdict {
  const desk = audience === 'desk';
  return {
    revision: ruling.revision,
    state: ruling.supersededAt ? 'superseded' : ruling.publishedAt ? 'published' : 'approved',
    level: { key: ruling.levelKey, label: ruling.levelLabel, value: ruling.levelValue, color: ruling.levelColor },
    bestValue: ruling.bestValue,
    worstValue: ruling.worstValue,
    rationale: ruling.rationale,
    correctionNote: ruling.correctionNote,
    reason: desk ? ruling.reason : null,
    approvedAt: ruling.approvedAt.toISOString(),
    publishedAt: ruling.publishedAt?.toISOString() ?? null,
    supersededAt: ruling.supersededAt?.toISOString() ?? null,
    approvedBy: desk ? ruling.approvedByName : null,
    publishedBy: desk ? ruling.publishedByName : null,
    sources,
  };
}

function presentScale(scale: ScaleRow): Report['scale'] {
  return {
    id: scale.id,
    name: scale.name,
    ...scaleRange(scale.levels),
    levels: scale.levels.map((l) => ({ key: l.key, label: l.label, value: l.value, color: l.color, description: l.description, archived: l.archived })),
  };
}

function scorecard(claims: ReportClaim[], scale: ScaleRow): Report['scorecard'] {
  const counts = new Map<string, number>();
  for (const claim of claims) if (claim.finalVerdict) counts.set(claim.finalVerdict.level.key, (counts.get(claim.finalVerdict.level.key) ?? 0) + 1);
  const checked = [...counts.values()].reduce((a, b) => a + b, 0);
  return {
    levels: scale.levels
      .filter((l) => !l.archived || counts.has(l.key))
      .map((l) => ({ level: { key: l.key, label: l.label, value: l.value, color: l.color }, count: counts.get(l.key) ?? 0 })),
    checked,
    unchecked: claims.length - checked,
  };
}

function corrections(claims: ReportClaim[]): Report['corrections'] {
  return claims.flatMap((claim) =>
    claim.publishedRevisions.slice(1).map((revision, index) => ({
      claimId: claim.id,
      position: claim.position,
      revision: revision.revision,
      note: revision.correctionNote ?? '',
      publishedAt: revision.publishedAt!,
      from: claim.publishedRevisions[index].level,
      to: revision.level,
    })),
  );
}

function reviewersOf(data: ArticleData): Report['appendix']['reviewers'] {
  const names = new Map<string, { name: string; submitted: number }>();
  for (const assignees of data.assignees.values()) {
    for (const a of assignees) if (!names.has(a.reviewerId)) names.set(a.reviewerId, { name: a.reviewerName, submitted: 0 });
  }
  for (const verdicts of data.verdicts.values()) {
    for (const v of verdicts) if (v.status === 'submitted' && names.has(v.reviewerId)) names.get(v.reviewerId)!.submitted++;
  }
  return [...names.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The audit trail for the desk, with the blind rule applied claim by claim. */
function deskEvents(data: ArticleData, reader: Actor): Report['appendix']['events'] {
  const visibility = new Map<string, VerdictVisibility>();
  for (const claim of data.claims) {
    visibility.set(
      claim.id,
      verdictVisibility(reader, {
        assigneeIds: (data.assignees.get(claim.id) ?? []).map((a) => a.reviewerId),
        submittedIds: (data.verdicts.get(claim.id) ?? []).filter((v) => v.status === 'submitted').map((v) => v.reviewerId),
      }),
    );
  }
  const hidden = (event: EventExportRow) => {
    const seen = event.claimId ? visibility.get(event.claimId) : undefined;
    if (!seen || event.actorId === reader.userId) return false;
    return (event.entityType === 'verdict' && !seen.submittedVerdicts) || (event.entityType === 'ruling' && !seen.unpublishedRuling);
  };
  return data.events.filter((e) => !hidden(e)).map((e) => ({
    at: e.occurredAt.toISOString(),
    action: e.action,
    claimId: e.claimId,
    actor: e.actorName,
    summary: summarise(e.action),
  }));
}

/** What the public may know happened: publications, corrections and retractions, without names. */
function publicEvents(claims: ReportClaim[]): Report['appendix']['events'] {
  const events = claims.flatMap((claim) => [
    ...claim.publishedRevisions.map((r) => ({
      at: r.publishedAt!,
      action: r.revision === 1 ? 'ruling.published' : 'ruling.republished',
      claimId: claim.id,
      actor: null,
      summary: r.revision === 1 ? `Verdict published: ${r.level.label}` : `Correction published (revision ${r.revision}): ${r.level.label}`,
    })),
    ...(claim.retraction ? [{ at: claim.retraction.at, action: 'claim.retracted', claimId: claim.id, actor: null, summary: 'Fact-check retracted' }] : []),
  ]);
  return events.sort((a, b) => a.at.localeCompare(b.at));
}

const SUMMARIES: Record<string, string> = {
  'article.created': 'Article imported and split into claims',
  'article.updated': 'Article details corrected',
  'claim.updated': 'Claim triaged',
  'claim.narrowed': 'Claim narrowed to its checkable part',
  'claim.merged': 'Claim merged with the next one',
  'claim.split': 'Claim split in two',
  'claim.created': 'Claim created by a split',
  'claim.status_changed': 'Status changed',
  'assignment.created': 'Reviewer assigned',
  'assignment.updated': 'Due date changed',
  'assignment.removed': 'Reviewer unassigned',
  'source.created': 'Source record created',
  'source.updated': 'Source record corrected',
  'claim_source.added': 'Source attached',
  'claim_source.updated': 'Source stance or excerpt changed',
  'claim_source.removed': 'Source detached',
  'note.added': 'Desk note added',
  'verdict.created': 'Verdict drafted',
  'verdict.updated': 'Verdict draft changed',
  'verdict.submitted': 'Verdict submitted',
  'verdict.reopened': 'Verdict reopened',
  'verdict.discarded': 'Draft verdict discarded',
  'ruling.approved': 'Final verdict approved',
  'ruling.withdrawn': 'Approval withdrawn',
  'ruling.published': 'Verdict published',
  'ruling.republished': 'Correction published',
  'ruling.correction_opened': 'Correction opened',
};
const summarise = (action: string) => SUMMARIES[action] ?? action;

function methodology(rule: ConsensusRule): string {
  const consensus = {
    majority: 'the level chosen by more than half of the submitted verdicts',
    unanimous: 'the level every submitted verdict chose',
    editor: "the editor's decision (no automatic consensus)",
  }[rule];
  return (
    'Each claim is a sentence of the article, or the checkable part of one. Editors decide which claims are worth ' +
    'checking and assign reviewers, who attach sources (with their stance and a quoted excerpt) and give their own ' +
    'verdicts independently: no reviewer sees another\'s verdict before submitting their own. The consensus is ' +
    `${consensus}; a tie has none. An editor approves the final verdict, with a written reason when it departs from ` +
    'the consensus, and publishes it together with a snapshot of its sources. Corrections are published as new ' +
    'revisions with a public note; earlier revisions stay on record.'
  );
}
