import type { AuditEvent } from '../api/types';
import { joinWords } from './errors';

const ACTIONS: Record<string, string> = {
  'article.created': 'Article imported',
  'article.updated': 'Article details corrected',
  'claim.updated': 'Triage',
  'claim.merged': 'Merged with the next claim',
  'claim.merged_into': 'Merged into the claim before',
  'claim.split': 'Split in two',
  'claim.created': 'Created by a split',
};

const FIELD_NAMES: Record<string, string> = {
  checkWorthy: 'check-worthy',
  claimantName: 'claimant',
  claimantRole: 'claimant role',
  claimDate: 'claim date',
  start: 'start',
  end: 'end',
  text: 'text',
  status: 'status',
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
  return { id: event.id, when: event.occurredAt, who, what, changes: fieldChanges(event.before, event.after) };
}

function fieldChanges(before: unknown, after: unknown): string[] {
  if (!isRecord(before) || !isRecord(after)) return [];
  const lines: string[] = [];
  for (const key of Object.keys(FIELD_NAMES)) {
    if (key === 'end' || key === 'text') continue;
    const from = before[key];
    const to = after[key];
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    if (key === 'start') {
      lines.push(`span: ${before.start}–${before.end} → ${after.start}–${after.end}`);
      continue;
    }
    lines.push(`${FIELD_NAMES[key]}: ${show(from)} → ${show(to)}`);
  }
  if (lines.length === 0 && before.end !== after.end) lines.push(`span: ${before.start}–${before.end} → ${after.start}–${after.end}`);
  return lines;
}

function show(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (value === true) return 'yes';
  if (value === false) return 'no';
  return String(value);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export { joinWords };
