/**
 * The report model: everything any export format needs about one article and its checked claims, assembled once
 * (report.service.ts, from report.queries.ts) for one reader and one audience. Renderers (formats/*.ts) only
 * shape it; they never query, and they never decide what an audience may see: the model already holds only that.
 *
 * Audiences:
 * - `desk`: what the signed-in reader may read in the desk (the blind rule applies): approved and published
 *   verdicts, consensus and individual verdicts where visible, desk notes, reviewers' names, the audit appendix.
 * - `public`: only published (and retracted, marked so) verdicts, with the sources as published; never names of
 *   people, individual votes, drafts, desk notes or unpublished work.
 */

export type Audience = 'desk' | 'public';

export interface ReportLevel {
  key: string;
  label: string;
  /** Higher = more accurate; null for outcomes off the truth axis (e.g. misleading, unverifiable). */
  value: number | null;
  /** #rrggbb; renderers always print the label with it. */
  color: string;
}

export interface ReportScale {
  id: string;
  name: string;
  bestValue: number | null;
  worstValue: number | null;
  levels: Array<ReportLevel & { description: string; archived: boolean }>;
}

export interface ReportSource {
  /** 1-based footnote number within its claim. */
  number: number;
  sourceId: string;
  url: string;
  title: string;
  publisher: string | null;
  sourceType: string;
  /** YYYY-MM-DD */
  accessedAt: string | null;
  archivedUrl: string | null;
  stance: 'supports' | 'refutes' | 'context';
  excerpt: string | null;
}

/** A final verdict (one revision): approved by an editor, published or not yet. */
export interface ReportVerdict {
  revision: number;
  state: 'approved' | 'published' | 'superseded';
  level: ReportLevel;
  /** The scale's range when it was approved (ClaimReview's bestRating / worstRating). */
  bestValue: number | null;
  worstValue: number | null;
  rationale: string;
  /** Public note of a correction (revision 2 and later). */
  correctionNote: string | null;
  /** Desk only: why the level departs from the consensus. */
  reason: string | null;
  approvedAt: string;
  publishedAt: string | null;
  supersededAt: string | null;
  /** Desk only: who approved and who published. */
  approvedBy: string | null;
  publishedBy: string | null;
  /** The sources as published (published revisions), or as they stand now (approved, desk only). */
  sources: ReportSource[];
}

/** Desk only: one reviewer's own verdict, where the blind rule lets the reader see it. */
export interface ReportReviewerVerdict {
  reviewer: string;
  status: 'draft' | 'submitted';
  level: ReportLevel | null;
  rationale: string;
  submittedAt: string | null;
  /** Footnote numbers of the claim's sources this verdict rests on. */
  sourceNumbers: number[];
}

export interface ReportConsensus {
  rule: 'majority' | 'unanimous' | 'editor';
  level: ReportLevel | null;
  distribution: Array<{ level: ReportLevel; count: number }>;
  agreement: number | null;
  submitted: number;
}

export interface ReportClaim {
  id: string;
  position: number;
  paragraph: number;
  text: string;
  /** Code-point offsets into article.body, end exclusive. */
  start: number;
  end: number;
  status: 'unreviewed' | 'in_review' | 'awaiting_approval' | 'approved' | 'published' | 'correcting' | 'retracted';
  /** Approved or later. */
  checked: boolean;
  checkWorthy: boolean;
  hint: number | null;
  claimant: { name: string; role: string | null } | null;
  /** YYYY-MM-DD */
  claimDate: string | null;
  /** The current final verdict the audience may see: desk → approved or published; public → published only. */
  finalVerdict: ReportVerdict | null;
  /** The current published revision (null until published). */
  publishedVerdict: ReportVerdict | null;
  /** Every published revision, oldest first (corrections show the history). */
  publishedRevisions: ReportVerdict[];
  retraction: { note: string; at: string } | null;
  /** Desk: the claim's sources as they stand; public: the sources of the published verdict. */
  sources: ReportSource[];
  /** Desk only (null in public reports): the consensus and the individual verdicts the reader may see. */
  review: { consensus: ReportConsensus | null; verdicts: ReportReviewerVerdict[]; reviewers: string[] } | null;
  /** Desk only (empty in public reports). */
  notes: Array<{ author: string; body: string; createdAt: string }>;
  /** When the claim last changed status. */
  statusChangedAt: string;
}

export interface ReportCorrection {
  claimId: string;
  position: number;
  revision: number;
  note: string;
  publishedAt: string;
  from: ReportLevel;
  to: ReportLevel;
}

export interface ReportEvent {
  at: string;
  action: string;
  claimId: string | null;
  /** Desk only; null in public reports. */
  actor: string | null;
  summary: string;
}

export interface Report {
  generatedAt: string;
  audience: Audience;
  organisation: { name: string; url: string };
  /** Public URL of this article's report; claim anchors are `#claim-<claim id>`. */
  reportUrl: string;
  article: {
    id: string;
    title: string;
    url: string | null;
    outlet: string | null;
    author: string | null;
    publishedAt: string | null;
    importedAt: string;
    body: string;
    claimCount: number;
  };
  scale: ReportScale;
  /** Every claim in article order. */
  claims: ReportClaim[];
  /** Claims per final verdict level (the audience's final verdicts), in scale order; unrated claims counted apart. */
  scorecard: { levels: Array<{ level: ReportLevel; count: number }>; checked: number; unchecked: number };
  corrections: ReportCorrection[];
  appendix: {
    /** Desk only: who reviewed and how many verdicts each submitted. */
    reviewers: Array<{ name: string; submitted: number }>;
    /** What happened, oldest first: publication events for the public; the full audit trail of the article for the desk. */
    events: ReportEvent[];
    methodology: string;
  };
}

/** One renderer per format: adding a format is adding one module to formats/ and one line to formats/index.ts. */
export interface ReportFormat {
  name: string;
  contentType: string;
  extension: string;
  /** ClaimReview is public by nature: the service always builds it for the public audience. */
  publicOnly?: boolean;
  render(report: Report): string | Buffer;
}
