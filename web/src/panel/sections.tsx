/**
 * The claim panel's sections, in order. Each is a component that receives the claim as read (with its version),
 * the signed-in user, the claim's sources and the article's rating scale. Whether a section shows depends on the
 * claim and the user: actions a role may not take are never offered (the API would refuse them anyway).
 */
import type { FunctionComponent } from 'preact';
import type { Article, Claim, ClaimDetail, ClaimSource, RatingScale, Role, SessionUser } from '../api/types';
import { isEditor } from '../lib/status';
import { availableDecisions } from '../lib/workflow';
import { AssigneesSection } from './AssigneesSection';
import { ConsensusSection } from './ConsensusSection';
import { DecisionSection } from './DecisionSection';
import { FactCheckSection } from './FactCheckSection';
import { HintSection } from './HintSection';
import { HistorySection } from './HistorySection';
import { NotesSection } from './NotesSection';
import { OverviewSection } from './OverviewSection';
import { SourcesSection } from './SourcesSection';
import { TriageSection } from './TriageSection';
import { VerdictsSection } from './VerdictsSection';

export interface PanelSources {
  items: ClaimSource[];
  loaded: boolean;
  error: unknown;
  reload: () => Promise<void>;
}

export interface SectionProps {
  claim: ClaimDetail;
  article: Article;
  role: Role;
  user: SessionUser;
  /** The article's rating scale (undefined while it loads). */
  scale: RatingScale | undefined;
  /** The claim's sources, shared by the sources and verdict sections. */
  sources: PanelSources;
  loadedClaims: readonly Claim[];
  /** Reads the claim again; sections call it after a change and to resolve a conflict. */
  reload: () => Promise<ClaimDetail>;
  onUpdated: (claim: Claim | ClaimDetail) => void;
  /** Merge and split change positions: the page reads its claims again. */
  onStructureChanged: () => void;
}

export interface PanelSection {
  id: string;
  title: string;
  Component: FunctionComponent<SectionProps>;
  /** Whether this user sees the section for this claim (everyone when absent). */
  visible?: (props: SectionProps) => boolean;
}

const hasFactCheck = ({ claim }: SectionProps) => Boolean(claim.finalVerdict || claim.publishedVerdicts.length || claim.retraction);
const inReview = ({ claim }: SectionProps) => claim.assignments.length > 0 || claim.review.submittedVerdicts > 0 || Boolean(claim.review.consensus?.submitted);

export const PANEL_SECTIONS: readonly PanelSection[] = [
  { id: 'overview', title: 'Details', Component: OverviewSection },
  { id: 'factcheck', title: 'Fact-check', Component: FactCheckSection, visible: hasFactCheck },
  { id: 'decision', title: "Editor's decision", Component: DecisionSection, visible: ({ role, claim }) => isEditor(role) && availableDecisions(claim.status).length > 0 },
  { id: 'assignees', title: 'Assignees', Component: AssigneesSection },
  { id: 'verdicts', title: 'Verdicts', Component: VerdictsSection, visible: inReview },
  { id: 'consensus', title: 'Consensus', Component: ConsensusSection, visible: inReview },
  { id: 'sources', title: 'Sources', Component: SourcesSection },
  { id: 'notes', title: 'Desk notes', Component: NotesSection },
  { id: 'hint', title: 'Check-worthiness hint', Component: HintSection },
  { id: 'triage', title: 'Triage', Component: TriageSection, visible: ({ role }) => isEditor(role) },
  { id: 'history', title: 'History', Component: HistorySection },
];
