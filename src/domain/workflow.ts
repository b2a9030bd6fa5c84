import type { ClaimStatus } from './enums';

/** "Checked" means approved or later: what the desk has decided, whether or not it is published yet. */
export const CHECKED_STATUSES: readonly ClaimStatus[] = ['approved', 'published', 'correcting', 'retracted'];
