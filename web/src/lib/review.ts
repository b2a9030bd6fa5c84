/**
 * Pure rules of the review workflow as the desk shows them: who may do what on a claim (mirroring the API's
 * policies, so the UI never offers what the API would refuse), assignments and due dates, the blind rule's notice,
 * consensus and the approval's reason.
 */
import type { Assignment, ClaimDetail, ClaimSource, Consensus, Role, SessionUser, Stance, SourceType, VerdictProgress } from '../api/types';
import { isEditor } from './status';
import { acceptsVerdicts, isUnderReview } from './workflow';

// ---- Permissions (the API's policies, in the UI) ------------------------------------------------------------

export const myAssignment = (claim: Pick<ClaimDetail, 'assignments'>, userId: string): Assignment | undefined =>
  claim.assignments.find((a) => a.reviewer.id === userId);

/** Sources are attached by the claim's assignees and by editors. */
export const canAddSource = (claim: Pick<ClaimDetail, 'assignments'>, user: Pick<SessionUser, 'id' | 'role'>) =>
  isEditor(user.role) || Boolean(myAssignment(claim, user.id));

/** A source's stance and excerpt are changed (or it is removed) by whoever attached it, or by an editor. */
export const canEditSource = (source: Pick<ClaimSource, 'addedBy'>, user: Pick<SessionUser, 'id' | 'role'>) =>
  isEditor(user.role) || source.addedBy?.id === user.id;

/** Only assignees write a verdict of their own, while the claim is in review or awaiting approval. */
export const canWriteVerdict = (claim: Pick<ClaimDetail, 'assignments' | 'status'>, userId: string) =>
  Boolean(myAssignment(claim, userId)) && acceptsVerdicts(claim.status);

/** Editors assign and unassign while the claim is under review (assignments close once it is approved). */
export const canAssign = (claim: Pick<ClaimDetail, 'status'>, role: Role) => isEditor(role) && isUnderReview(claim.status);

/** An assignee who has submitted stays (an editor reopens their verdict first). */
export const canUnassign = (assignment: Pick<Assignment, 'verdict'>) => assignment.verdict !== 'submitted';

/**
 * The blind rule's notice: an assignee who has not submitted sees only their own verdict, and is told so.
 * Undefined when nothing is hidden from this user.
 */
export function blindNotice(claim: Pick<ClaimDetail, 'assignments'>, user: Pick<SessionUser, 'id' | 'role'>): string | undefined {
  if (isEditor(user.role)) return undefined;
  const mine = myAssignment(claim, user.id);
  if (mine && mine.verdict !== 'submitted') return 'Other verdicts are hidden until you submit yours.';
  if (!mine) return "Individual verdicts are shown to the claim's assignees (once they have submitted) and to editors.";
  return undefined;
}

// ---- Labels ---------------------------------------------------------------------------------------------------

export const VERDICT_PROGRESS: Record<VerdictProgress, { label: string; tone: string }> = {
  none: { label: 'Not started', tone: 'plain' },
  draft: { label: 'Draft', tone: 'draft' },
  submitted: { label: 'Submitted', tone: 'submitted' },
};

export const STANCE_LABEL: Record<Stance, string> = { supports: 'Supports', refutes: 'Refutes', context: 'Context' };
export const STANCES = Object.keys(STANCE_LABEL) as Stance[];

export const SOURCE_TYPE_LABEL: Record<SourceType, string> = {
  primary_document: 'Primary document',
  official_statement: 'Official statement',
  dataset: 'Dataset',
  expert: 'Expert',
  news_report: 'News report',
  other: 'Other',
};
export const SOURCE_TYPES = Object.keys(SOURCE_TYPE_LABEL) as SourceType[];

// ---- Due dates --------------------------------------------------------------------------------------------------

const DAY = 86_400_000;

/** A date picked in the form (YYYY-MM-DD) as the end of that day, local time, in ISO 8601 with its offset. */
export function dueAtFromDate(date: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const local = new Date(`${date}T23:59:00`);
  return Number.isNaN(local.getTime()) ? null : local.toISOString();
}

/** The local calendar day of an ISO date-time, for a date input. */
export function dateInputOf(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Whole calendar days (local time) from the day of `from` to the day of `to`; negative when `to` is earlier. */
export function calendarDays(from: number, to: number): number {
  const day = (ms: number) => {
    const d = new Date(ms);
    return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  };
  return Math.round((day(to) - day(from)) / DAY);
}

const dayCount = (n: number) => (n === 1 ? '1 day' : `${n} days`);

/**
 * "Due 3 Dec 2026 (in 2 days)", "Due 26 Nov 2026 (today)", "Was due 25 Nov 2026 (1 day ago)", "No due date", in
 * calendar days of the reader's time zone; `formatDay` prints the date. Overdue (the API's word: past due and not
 * submitted) is shown beside it as a tag.
 */
export function describeDue(dueAt: string | null, now: number, formatDay: (iso: string) => string): string {
  if (!dueAt) return 'No due date';
  const at = Date.parse(dueAt);
  const when = formatDay(dueAt);
  const days = calendarDays(now, at);
  if (at < now) return days < 0 ? `Was due ${when} (${dayCount(-days)} ago)` : `Was due ${when} (earlier today)`;
  if (days === 0) return `Due ${when} (today)`;
  if (days === 1) return `Due ${when} (tomorrow)`;
  return `Due ${when} (in ${dayCount(days)})`;
}

// ---- Consensus and approval --------------------------------------------------------------------------------------

/**
 * Approving needs a written reason when the chosen level differs from the consensus or there is none (the API
 * answers 400 REASON_REQUIRED otherwise).
 */
export function reasonRequired(levelKey: string, consensus: Consensus | null): boolean {
  if (!levelKey) return false;
  return !consensus?.level || consensus.level.key !== levelKey;
}

export const percent = (share: number | null | undefined) => (share === null || share === undefined ? '—' : `${Math.round(share * 100)}%`);

/** "2 of 2 submitted verdicts chose Mostly true (100% agreement)". */
export function describeConsensus(consensus: Consensus): string {
  if (consensus.submitted === 0) return 'No verdict submitted yet.';
  const rule = { majority: 'majority', unanimous: 'unanimity', editor: 'the editor decides' }[consensus.rule];
  if (!consensus.level) {
    return consensus.rule === 'editor'
      ? `No automatic consensus (rule: ${rule}); ${consensus.submitted} submitted.`
      : `No consensus yet (rule: ${rule}): ${consensus.submitted} submitted, ${percent(consensus.agreement)} on the most chosen level.`;
  }
  const count = consensus.distribution.find((d) => d.level.key === consensus.level!.key)?.count ?? 0;
  return `${count} of ${consensus.submitted} submitted verdicts chose ${consensus.level.label} (${percent(consensus.agreement)} agreement, rule: ${rule}).`;
}

// ---- Who can be assigned -------------------------------------------------------------------------------------------

export interface Person {
  id: string;
  name: string;
  role: Role;
  active: boolean;
}


/** Who may be assigned: active reviewers and editors (and admins, who are editors too), reviewers first. */
export function assignable(people: readonly Person[]): { reviewers: Person[]; editors: Person[] } {
  const active = people.filter((p) => p.active);
  return { reviewers: active.filter((p) => p.role === 'reviewer'), editors: active.filter((p) => p.role !== 'reviewer') };
}
