import type { AuditEvent, ClaimStatus } from '../api/types';
import { joinWords } from './errors';
import { STATUS_INFO } from './status';

const ACTIONS: Record<string, string> = {
  'article.created': 'Article imported',
  'article.updated': 'Article details corrected',
  'claim.updated': 'Triage',
  'claim.narrowed': 'Narrowed',
  'claim.merged': 'Merged with the next claim',
  'claim.merged_into': 'Merged into the claim before',
  'claim.split': 'Split in two',
  'claim.created': 'Created by a split',
  'claim.status_changed': 'Status changed',
  'claim.retracted': 'Fact-check retracted',
  'assignment.created': 'Assigned',
  'assignment.updated': 'Due date changed',
  'assignment.removed': 'Assignee removed',
  'claim_source.added': 'Source attached',
  'claim_source.updated': 'Source stance or excerpt changed',
  'claim_source.removed': 'Source detached',
  'source.created': 'Source record created',
  'source.updated': 'Source record corrected',
  'note.added': 'Desk note added',
  'verdict.created': 'Verdict drafted',
  'verdict.updated': 'Verdict draft saved',
  'verdict.submitted': 'Verdict submitted',
  'verdict.reopened': 'Verdict reopened',
  'verdict.discarded': 'Draft verdict discarded',
  'ruling.approved': 'Final verdict approved',
  'ruling.withdrawn': 'Approval withdrawn',
  'ruling.published': 'Published',
  'ruling.republished': 'Correction published',
  'ruling.correction_opened': 'Correction opened',
};

/** The fields people care about in each kind of event, with their names in the desk's words. */
const FIELD_NAMES: Record<string, Record<string, string>> = {
  claim: {
    checkWorthy: 'check-worthy',
    claimantName: 'claimant',
    claimantRole: 'claimant role',
    claimDate: 'claim date',
    start: 'start',
    end: 'end',
    text: 'text',
    status: 'status',
  },
  assignment: { dueAt: 'due' },
  claim_source: { stance: 'stance', excerpt: 'excerpt' },
  verdict: { levelKey: 'level', status: 'verdict' },
  ruling: { levelLabel: 'level', correctionNote: 'correction note' },
};

export interface HistoryLine {
  id: string;
  when: string;
  who: string;
  what: string;
  /** "check-worthy: yes → no", one per changed field that people care about. */
  changes: string[];
}

/** One history event as a line a person reads. */
export function describeEvent(event: AuditEvent): HistoryLine {
  const who = event.actor ? event.actor.name : 'System';
  const what = ACTIONS[event.action] ?? event.action;
  return { id: event.id, when: event.occurredAt, who, what, changes: fieldChanges(event.entityType, event.before, event.after) };
}

function fieldChanges(entity: string, before: unknown, after: unknown): string[] {
  const names = FIELD_NAMES[entity];
  if (!names) return [];
  const value = (key: string, v: unknown) => (entity === 'claim' && key === 'status' ? statusName(v) : show(v));
  if (!isRecord(before) && isRecord(after) && entity !== 'claim') {
    // Something new: what it was created with.
    return Object.keys(names)
      .filter((key) => after[key] !== null && after[key] !== undefined && after[key] !== '')
      .map((key) => `${names[key]}: ${value(key, after[key])}`);
  }
  if (!isRecord(before) || !isRecord(after)) return [];
  const lines: string[] = [];
  for (const key of Object.keys(names)) {
    if (key === 'end' || key === 'text') continue;
    const from = before[key];
    const to = after[key];
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    if (entity === 'claim' && key === 'start') {
      lines.push(`span: ${before.start}–${before.end} → ${after.start}–${after.end}`);
      continue;
    }
    lines.push(`${names[key]}: ${value(key, from)} → ${value(key, to)}`);
  }
  if (entity === 'claim' && lines.length === 0 && before.end !== after.end) lines.push(`span: ${before.start}–${before.end} → ${after.start}–${after.end}`);
  return lines;
}

function statusName(value: unknown): string {
  return typeof value === 'string' ? (STATUS_INFO[value as ClaimStatus]?.label ?? value) : show(value);
}

function show(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (value === true) return 'yes';
  if (value === false) return 'no';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return value.slice(0, 10);
  if (typeof value === 'string') return value.length > 80 ? `${value.slice(0, 77)}…` : value;
  return String(value);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export { joinWords };
