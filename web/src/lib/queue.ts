/** The desk queue's filters as URL state, and its presets (pure, unit-tested). */
import { CLAIM_STATUSES } from './status';

export interface QueueFilters {
  /** A status, or 'any'. */
  status: string;
  worthy: 'true' | 'false' | 'any';
  assignee: 'any' | 'me' | 'none';
  overdue: boolean;
}

export const DEFAULT_QUEUE: QueueFilters = { status: 'unreviewed', worthy: 'true', assignee: 'any', overdue: false };

/** Reads the filters from the query string; anything unknown falls back to the default. */
export function queueFilters(query: URLSearchParams): QueueFilters {
  const status = query.get('status');
  const worthy = query.get('worthy');
  const assignee = query.get('assignee');
  return {
    status: status === 'any' || (status !== null && (CLAIM_STATUSES as string[]).includes(status)) ? status : DEFAULT_QUEUE.status,
    worthy: worthy === 'false' || worthy === 'any' ? worthy : 'true',
    assignee: assignee === 'me' || assignee === 'none' ? assignee : 'any',
    overdue: query.get('overdue') === 'true',
  };
}

/** The queue's address for some filters: defaults are left out, so every view has one address. */
export function queueHref(filters: QueueFilters): string {
  const query = new URLSearchParams();
  if (filters.status !== DEFAULT_QUEUE.status) query.set('status', filters.status);
  if (filters.worthy !== DEFAULT_QUEUE.worthy) query.set('worthy', filters.worthy);
  if (filters.assignee !== DEFAULT_QUEUE.assignee) query.set('assignee', filters.assignee);
  if (filters.overdue) query.set('overdue', 'true');
  const text = query.toString();
  return `/queue${text ? `?${text}` : ''}`;
}

export interface QueuePreset {
  id: string;
  label: string;
  filters: QueueFilters;
}

export const QUEUE_PRESETS: readonly QueuePreset[] = [
  { id: 'unreviewed', label: 'Unreviewed', filters: DEFAULT_QUEUE },
  { id: 'in-review', label: 'In review', filters: { ...DEFAULT_QUEUE, status: 'in_review' } },
  { id: 'awaiting', label: 'Awaiting approval', filters: { ...DEFAULT_QUEUE, status: 'awaiting_approval' } },
  { id: 'overdue', label: 'Overdue', filters: { ...DEFAULT_QUEUE, status: 'any', overdue: true } },
  { id: 'unassigned', label: 'Unassigned', filters: { ...DEFAULT_QUEUE, assignee: 'none' } },
  { id: 'mine', label: 'Assigned to me', filters: { ...DEFAULT_QUEUE, status: 'any', assignee: 'me' } },
];
