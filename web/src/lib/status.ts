import type { ClaimStatus, Role } from '../api/types';

export interface StatusInfo {
  label: string;
  /** What the status means, for the legend and the claim panel. */
  meaning: string;
  /** CSS modifier: colour and underline style (see styles.css). Colour is never the only signal. */
  tone: string;
}

/**
 * Every workflow status the API knows. Typed against the API's enum: a status added to the API is a type
 * error here until it has a label.
 */
export const STATUS_INFO: Record<ClaimStatus, StatusInfo> = {
  unreviewed: { label: 'Unreviewed', meaning: 'No one has started on it', tone: 'unreviewed' },
  in_review: { label: 'In review', meaning: 'A reviewer is checking it', tone: 'in-review' },
  awaiting_approval: { label: 'Awaiting approval', meaning: 'Checked, waiting for an editor', tone: 'awaiting' },
  approved: { label: 'Approved', meaning: 'An editor approved the verdict', tone: 'approved' },
  published: { label: 'Published', meaning: 'The verdict is public', tone: 'published' },
  correcting: { label: 'Correcting', meaning: 'A published verdict is being corrected', tone: 'correcting' },
  retracted: { label: 'Retracted', meaning: 'The verdict was withdrawn', tone: 'retracted' },
};

export const CLAIM_STATUSES = Object.keys(STATUS_INFO) as ClaimStatus[];

export const statusLabel = (status: ClaimStatus) => STATUS_INFO[status]?.label ?? status;

export const ROLE_LABEL: Record<Role, string> = { admin: 'Admin', editor: 'Editor', reviewer: 'Reviewer' };
export const ROLES = Object.keys(ROLE_LABEL) as Role[];

/** "Editor" means editor or admin throughout, as in the API. */
export const isEditor = (role: Role | undefined) => role === 'editor' || role === 'admin';

/** The hint as a percentage and a word, e.g. "82% · likely". */
export function describeHint(hint: number | null): string {
  if (hint === null) return 'not scored';
  const percent = Math.round(hint * 100);
  const word = hint >= 0.7 ? 'likely check-worthy' : hint >= 0.4 ? 'maybe check-worthy' : 'unlikely check-worthy';
  return `${percent}% · ${word}`;
}
