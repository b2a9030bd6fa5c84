/**
 * The claim panel's sections, in order. Each is a component that receives the claim as read (with its
 * version) and a role. The review workflow slots in here, each as one more row: assignments (with due dates),
 * sources (with stance), desk notes, verdicts (a reviewer sees only their own until they submit), consensus,
 * the editor's decision (approve, send back, publish, correct, retract) and export.
 */
import type { FunctionComponent } from 'preact';
import type { Article, Claim, ClaimDetail, Role } from '../api/types';
import { isEditor } from '../lib/status';
import { HintSection } from './HintSection';
import { HistorySection } from './HistorySection';
import { OverviewSection } from './OverviewSection';
import { TriageSection } from './TriageSection';

export interface SectionProps {
  claim: ClaimDetail;
  article: Article;
  role: Role;
  loadedClaims: readonly Claim[];
  /** Reads the claim again; sections call it after a change and to resolve a conflict. */
  reload: () => Promise<ClaimDetail>;
  onUpdated: (claim: Claim) => void;
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

export const PANEL_SECTIONS: readonly PanelSection[] = [
  { id: 'overview', title: 'Details', Component: OverviewSection },
  { id: 'hint', title: 'Check-worthiness hint', Component: HintSection },
  { id: 'triage', title: 'Triage', Component: TriageSection, visible: ({ role }) => isEditor(role) },
  { id: 'history', title: 'History', Component: HistorySection },
];
