/**
 * Pure logic of the web desk's review workflow: the workflow table (kept equal to the API's), who may do what,
 * due dates, consensus and the approval's reason, people from the audit trail, colours from data, downloads,
 * the report's styles taken out as text, scale edits, queue presets and history lines.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AuditEvent, ClaimDetail, ClaimStatus, Consensus, RatingScale } from '../../../web/src/api/types';
import { contrastRatio, INK, levelColours, readableInk, tintFor } from '../../../web/src/lib/colors';
import { exportChoices, fileNameFromDisposition, formatLabel } from '../../../web/src/lib/download';
import { ApiFailure } from '../../../web/src/lib/errors';
import { describeEvent } from '../../../web/src/lib/history';
import { DEFAULT_QUEUE, QUEUE_PRESETS, queueFilters, queueHref } from '../../../web/src/lib/queue';
import { splitReportStyles, STYLE_MARK } from '../../../web/src/lib/report-html';
import {
  assignable,
  blindNotice,
  canAddSource,
  canAssign,
  canEditSource,
  canUnassign,
  canWriteVerdict,
  dateInputOf,
  describeConsensus,
  describeDue,
  dueAtFromDate,
  reasonRequired,
} from '../../../web/src/lib/review';
import { draftsOf, emptyLevel, keyFromLabel, newLevelBody, scalePatch } from '../../../web/src/lib/scales';
import { CLAIM_STATUSES } from '../../../web/src/lib/status';
import { availableDecisions, describeInvalidTransition, isChecked, progressAfter, shownVerdict, TRANSITIONS } from '../../../web/src/lib/workflow';
import { TRANSITIONS as API_TRANSITIONS } from '../../../src/workflow/claim-workflow';

const level = (key: string, label = key, color = '#1a7f37') => ({ key, label, value: 1, color });
const assignment = (id: string, verdict: 'none' | 'draft' | 'submitted' = 'none') => ({
  claimId: 'c',
  reviewer: { id, name: id, email: `${id}@x`, role: 'reviewer' as const },
  dueAt: null,
  overdue: false,
  verdict,
  assignedBy: null,
  assignedAt: '2026-01-01T00:00:00.000Z',
});
const claimWith = (status: ClaimStatus, assignments: ReturnType<typeof assignment>[] = []) => ({ status, assignments }) as Pick<ClaimDetail, 'status' | 'assignments'>;

describe('the workflow table', () => {
  it('is the API’s table (src/workflow/claim-workflow.ts)', () => {
    expect(TRANSITIONS).toEqual(API_TRANSITIONS);
  });

  it('offers each editor decision only in the statuses where the API has its step', () => {
    const offered = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, availableDecisions(s)]));
    expect(offered).toEqual({
      unreviewed: [],
      in_review: [],
      awaiting_approval: ['approve', 'sendBack'],
      approved: ['publish', 'sendBack'],
      published: ['correct', 'retract'],
      correcting: ['publish'],
      retracted: [],
    });
  });

  it('keeps the article’s "checked" count when a claim moves', () => {
    const progress = { total: 5, checkWorthy: 4, checked: 1 };
    expect(progressAfter(progress, 'awaiting_approval', 'approved')).toEqual({ ...progress, checked: 2 });
    expect(progressAfter(progress, 'approved', 'in_review')).toEqual({ ...progress, checked: 0 });
    expect(progressAfter(progress, 'published', 'correcting')).toBe(progress);
    expect(CLAIM_STATUSES.filter(isChecked)).toEqual(['approved', 'published', 'correcting', 'retracted']);
  });

  it('says which statuses a refused step could reach', () => {
    const refused = new ApiFailure(409, { code: 'INVALID_TRANSITION', message: 'x', requestId: 'r', status: 'published', reachable: ['correcting', 'retracted'] });
    expect(describeInvalidTransition(refused)).toBe(
      'Not done: This claim is Published now; from here it can become Correcting and Retracted. Reload the claim to see its current state.',
    );
    const final = new ApiFailure(409, { code: 'INVALID_TRANSITION', message: 'x', requestId: 'r', status: 'retracted', reachable: [] });
    expect(describeInvalidTransition(final)).toMatch(/it is final/);
    expect(describeInvalidTransition(new ApiFailure(409, { code: 'VERSION_CONFLICT', message: 'x', requestId: 'r' }))).toBeUndefined();
  });

  it('shows the final verdict’s level in the text once checked, never for a retracted claim', () => {
    const ruling = { level: level('false', 'False'), state: 'published' };
    expect(shownVerdict({ status: 'published', finalVerdict: ruling, publishedVerdicts: [ruling] })?.label).toBe('False');
    expect(shownVerdict({ status: 'correcting', finalVerdict: null, publishedVerdicts: [ruling] })?.label).toBe('False');
    expect(shownVerdict({ status: 'retracted', finalVerdict: ruling, publishedVerdicts: [ruling] })).toBeUndefined();
    expect(shownVerdict({ status: 'awaiting_approval', finalVerdict: null, publishedVerdicts: [] })).toBeUndefined();
  });
});

describe('who may do what (the API’s policies in the UI)', () => {
  const reviewer = { id: 'r1', role: 'reviewer' as const };
  const editor = { id: 'e1', role: 'editor' as const };

  it('sources: assignees and editors attach; the one who attached (or an editor) edits', () => {
    expect(canAddSource(claimWith('in_review', [assignment('r1')]), reviewer)).toBe(true);
    expect(canAddSource(claimWith('in_review', [assignment('r2')]), reviewer)).toBe(false);
    expect(canAddSource(claimWith('unreviewed'), editor)).toBe(true);
    expect(canEditSource({ addedBy: { id: 'r1', name: 'R' } }, reviewer)).toBe(true);
    expect(canEditSource({ addedBy: { id: 'r2', name: 'S' } }, reviewer)).toBe(false);
    expect(canEditSource({ addedBy: null }, editor)).toBe(true);
  });

  it('verdicts: only assignees, while the claim is in review or awaiting approval', () => {
    expect(canWriteVerdict(claimWith('in_review', [assignment('r1')]), 'r1')).toBe(true);
    expect(canWriteVerdict(claimWith('awaiting_approval', [assignment('r1')]), 'r1')).toBe(true);
    expect(canWriteVerdict(claimWith('approved', [assignment('r1')]), 'r1')).toBe(false);
    expect(canWriteVerdict(claimWith('in_review', [assignment('r2')]), 'r1')).toBe(false);
    expect(canWriteVerdict(claimWith('in_review', [assignment('r2')]), 'e1')).toBe(false);
  });

  it('assignments: editors, until the claim is approved; an assignee who submitted stays', () => {
    expect(canAssign(claimWith('in_review'), 'editor')).toBe(true);
    expect(canAssign(claimWith('in_review'), 'reviewer')).toBe(false);
    expect(canAssign(claimWith('approved'), 'admin')).toBe(false);
    expect(canUnassign({ verdict: 'draft' })).toBe(true);
    expect(canUnassign({ verdict: 'submitted' })).toBe(false);
  });

  it('the blind rule’s notice: for an assignee who has not submitted, and for reviewers not assigned', () => {
    expect(blindNotice(claimWith('in_review', [assignment('r1', 'draft')]), reviewer)).toBe('Other verdicts are hidden until you submit yours.');
    expect(blindNotice(claimWith('in_review', [assignment('r1', 'submitted')]), reviewer)).toBeUndefined();
    expect(blindNotice(claimWith('in_review', [assignment('r2')]), reviewer)).toMatch(/assignees/);
    expect(blindNotice(claimWith('in_review', [assignment('r2')]), editor)).toBeUndefined();
  });
});

describe('due dates', () => {
  it('a picked day is due at the end of that day, and reads back as the same day', () => {
    const iso = dueAtFromDate('2026-12-03')!;
    expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000Z$/);
    expect(dateInputOf(iso)).toBe('2026-12-03');
    expect(dueAtFromDate('')).toBeNull();
    expect(dueAtFromDate('3 Dec')).toBeNull();
  });

  it('says how far off a due date is, in calendar days of the reader’s time zone', () => {
    const local = (y: number, m: number, d: number, h: number) => new Date(y, m - 1, d, h).getTime();
    const now = local(2026, 11, 26, 9);
    const day = (iso: string) => dateInputOf(iso);
    const at = (ms: number) => new Date(ms).toISOString();
    expect(describeDue(null, now, day)).toBe('No due date');
    expect(describeDue(at(local(2026, 11, 29, 1)), now, day)).toBe('Due 2026-11-29 (in 3 days)');
    expect(describeDue(at(local(2026, 11, 27, 1)), now, day)).toBe('Due 2026-11-27 (tomorrow)');
    expect(describeDue(at(local(2026, 11, 26, 23)), now, day)).toBe('Due 2026-11-26 (today)');
    expect(describeDue(at(local(2026, 11, 26, 8)), now, day)).toBe('Was due 2026-11-26 (earlier today)');
    expect(describeDue(at(local(2026, 11, 25, 23)), now, day)).toBe('Was due 2026-11-25 (1 day ago)');
    expect(describeDue(at(local(2026, 11, 20, 23)), now, day)).toBe('Was due 2026-11-20 (6 days ago)');
  });
});

describe('consensus and the approval’s reason', () => {
  const consensus = (over: Partial<Consensus>): Consensus => ({
    rule: 'majority',
    level: level('false', 'False'),
    distribution: [{ level: level('false', 'False'), count: 2 }],
    agreement: 1,
    submitted: 2,
    ...over,
  });

  it('asks for a reason when the level departs from the consensus or there is none', () => {
    expect(reasonRequired('false', consensus({}))).toBe(false);
    expect(reasonRequired('true', consensus({}))).toBe(true);
    expect(reasonRequired('false', consensus({ level: null }))).toBe(true);
    expect(reasonRequired('false', null)).toBe(true);
    expect(reasonRequired('', null)).toBe(false);
  });

  it('describes the votes', () => {
    expect(describeConsensus(consensus({}))).toBe('2 of 2 submitted verdicts chose False (100% agreement, rule: majority).');
    expect(describeConsensus(consensus({ level: null, agreement: 0.5 }))).toBe('No consensus yet (rule: majority): 2 submitted, 50% on the most chosen level.');
    expect(describeConsensus(consensus({ submitted: 0, distribution: [] }))).toBe('No verdict submitted yet.');
    expect(describeConsensus(consensus({ rule: 'editor', level: null }))).toMatch(/^No automatic consensus/);
  });
});

describe('who may be assigned', () => {
  it('is every active person, reviewers apart from editors and admins', () => {
    const people = [
      { id: 'a', name: 'Al', role: 'reviewer' as const, active: true },
      { id: 'b', name: 'Bo', role: 'editor' as const, active: true },
      { id: 'c', name: 'Cy', role: 'reviewer' as const, active: false },
      { id: 'd', name: 'Di', role: 'admin' as const, active: true },
    ];
    const { reviewers, editors } = assignable(people);
    expect(reviewers.map((p) => p.name)).toEqual(['Al']);
    expect(editors.map((p) => p.name)).toEqual(['Bo', 'Di']);
  });
});

describe('colours from data', () => {
  const migration = readFileSync(path.join(__dirname, '../../../prisma/migrations/20261126040000_review_workflow/migration.sql'), 'utf8');
  const defaults = [...migration.matchAll(/'(#[0-9a-f]{6})'/gi)].map((m) => m[1]);

  it('the default scale’s colours are read from its migration', () => {
    expect(defaults.length).toBeGreaterThanOrEqual(8);
  });

  it.each(['#1a7f37', '#4d8f1f', '#9a6700', '#ffff00', '#000000', '#ffffff', '#777777', '#8250df', 'not a colour'])('%s: the label on the swatch and body text on the tint reach 4.5:1', (color) => {
    const c = levelColours(color);
    expect(contrastRatio(c.ink, c.color)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(INK, c.tint)).toBeGreaterThanOrEqual(4.5);
  });

  it('every colour of the default scale reads in both places', () => {
    for (const color of defaults) {
      expect(contrastRatio(readableInk(color), color)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(INK, tintFor(color))).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('the new tags and notices in styles.css meet AA', () => {
    const css = readFileSync(path.join(__dirname, '../../../web/src/styles.css'), 'utf8');
    const variable = (name: string) => new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(css)![1];
    expect(contrastRatio('#ffffff', variable('bad'))).toBeGreaterThanOrEqual(4.5); // Overdue
    expect(contrastRatio('#ffffff', variable('ok'))).toBeGreaterThanOrEqual(4.5); // Submitted
    expect(contrastRatio('#4d2a00', variable('warn-bg'))).toBeGreaterThanOrEqual(4.5); // Draft, notices
    for (const stance of ['ok', 'bad', 'unreviewed']) expect(contrastRatio(variable(stance), '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#ffffff', variable('brand'))).toBeGreaterThanOrEqual(4.5); // the current preset
  });
});

describe('downloads', () => {
  it('reads the file name from Content-Disposition, preferring filename*', () => {
    expect(fileNameFromDisposition('attachment; filename="budget-vote.json"', 'x')).toBe('budget-vote.json');
    expect(fileNameFromDisposition('inline; filename=report.html', 'x')).toBe('report.html');
    expect(fileNameFromDisposition(`attachment; filename="a.csv"; filename*=UTF-8''caf%C3%A9.csv`, 'x')).toBe('café.csv');
    expect(fileNameFromDisposition('attachment; filename="../../etc/passwd"', 'x')).toBe('passwd');
    expect(fileNameFromDisposition('attachment; filename="say \\"hi\\".md"', 'x')).toBe('say "hi".md');
    expect(fileNameFromDisposition(null, 'report.json')).toBe('report.json');
    expect(fileNameFromDisposition('attachment', 'report.json')).toBe('report.json');
  });

  it('offers every format the API lists, and "open" only when html is one of them', () => {
    expect(exportChoices(['json'])).toEqual({ downloads: ['json'], html: undefined });
    expect(exportChoices(['json', 'csv', 'html', 'pdf'])).toEqual({ downloads: ['json', 'csv', 'html', 'pdf'], html: 'html' });
    expect(['json', 'claimreview', 'pdf'].map(formatLabel)).toEqual(['JSON', 'ClaimReview JSON-LD', 'PDF']);
  });
});

describe('the report’s styles, taken out as text', () => {
  it('moves <style> and style attributes aside, drops scripts, links, <base> and handlers, keeps the rest', () => {
    const html =
      '<!doctype html><html><head><meta charset="utf-8"><title>a &lt; b</title><style>body{color:red}</style>' +
      '<link rel="stylesheet" href="https://cdn.example/x.css"><base href="https://evil.example/"><script>alert(1)</script></head>' +
      '<body onload="alert(2)"><!-- <style>not this</style> --><p class=lead style="color: blue; font-weight: bold">He said style="x" &amp; left.</p>' +
      "<span style='background:#1a7f37' data-x>True</span><STYLE type=\"text/css\">.a{}</STYLE><br/></body></html>";
    const split = splitReportStyles(html);
    expect(split.css).toBe('body{color:red}\n.a{}');
    expect(split.inlineStyles).toEqual(['color: blue; font-weight: bold', 'background:#1a7f37']);
    expect(split.html).toBe(
      '<!doctype html><html><head><meta charset="utf-8"><title>a &lt; b</title></head>' +
        `<body><!-- <style>not this</style> --><p class=lead ${STYLE_MARK}="0">He said style="x" &amp; left.</p>` +
        `<span ${STYLE_MARK}="1" data-x>True</span><br /></body></html>`,
    );
  });

  it('decodes entities in a style attribute and survives unterminated input', () => {
    expect(splitReportStyles('<p style="font-family:&quot;Georgia&quot;">x</p>').inlineStyles).toEqual(['font-family:"Georgia"']);
    expect(splitReportStyles('<style>a{}').css).toBe('a{}');
    expect(splitReportStyles('a < b <p').html).toBe('a < b <p>');
  });
});

describe('rating scale edits', () => {
  const scale: RatingScale = {
    id: 's',
    name: 'Truth',
    description: null,
    isDefault: true,
    bestValue: 1,
    worstValue: 0,
    version: 3,
    createdAt: '',
    updatedAt: '',
    levels: [
      { key: 'true', label: 'True', value: 1, description: 'Right', color: '#1a7f37', position: 1, archived: false },
      { key: 'false', label: 'False', value: 0, description: 'Wrong', color: '#cf222e', position: 2, archived: false },
    ],
  };

  it('makes level keys from labels', () => {
    expect(keyFromLabel('Mostly true')).toBe('mostly_true');
    expect(keyFromLabel('Ça dépend!')).toBe('ca_depend');
    expect(keyFromLabel('50/50')).toBe('');
    expect(keyFromLabel('x'.repeat(60))).toHaveLength(40);
  });

  it('sends only what changed: relabels, recolours, archives and new levels', () => {
    const drafts = draftsOf(scale);
    expect(scalePatch(scale, 'Truth', '', drafts)).toEqual({});
    drafts[0] = { ...drafts[0], label: 'Accurate', color: '#116329' };
    drafts[1] = { ...drafts[1], archived: true };
    drafts.push({ ...emptyLevel(), label: 'Half right', value: '0.5', color: '#9a6700' });
    expect(scalePatch(scale, 'Truth scale', 'Two levels', drafts)).toEqual({
      name: 'Truth scale',
      description: 'Two levels',
      levels: [
        { key: 'true', label: 'Accurate', color: '#116329' },
        { key: 'false', archived: true },
      ],
      addLevels: [{ key: 'half_right', label: 'Half right', value: 0.5, description: '', color: '#9a6700' }],
    });
  });

  it('an empty value is off the truth axis; an unreadable one goes to the API as typed, to be named there', () => {
    expect(newLevelBody({ ...emptyLevel(), label: 'Misleading' }).value).toBeNull();
    expect(newLevelBody({ ...emptyLevel(), label: 'X', value: 'zero' }).value).toBe('zero');
  });
});

describe('the desk queue’s presets and filters', () => {
  it('every view has one address; defaults are left out', () => {
    expect(queueHref(DEFAULT_QUEUE)).toBe('/queue');
    expect(QUEUE_PRESETS.map((p) => queueHref(p.filters))).toEqual([
      '/queue',
      '/queue?status=in_review',
      '/queue?status=awaiting_approval',
      '/queue?status=any&overdue=true',
      '/queue?assignee=none',
      '/queue?status=any&assignee=me',
    ]);
    for (const preset of QUEUE_PRESETS) {
      expect(queueFilters(new URLSearchParams(queueHref(preset.filters).split('?')[1] ?? ''))).toEqual(preset.filters);
    }
  });

  it('ignores what it does not know', () => {
    expect(queueFilters(new URLSearchParams('status=bogus&assignee=someone&worthy=maybe&overdue=1'))).toEqual(DEFAULT_QUEUE);
  });
});

describe('history lines of the review workflow', () => {
  const event = (over: Partial<AuditEvent>): AuditEvent => ({
    id: 'e',
    occurredAt: '2026-01-02T10:05:00.000Z',
    actor: { id: 'u', email: 'e@x', name: 'Riley Reviewer', role: 'reviewer' },
    entityType: 'claim',
    entityId: 'c',
    action: 'claim.status_changed',
    claimId: 'c',
    before: null,
    after: null,
    context: null,
    requestId: null,
    ...over,
  });

  it('names statuses, levels and due dates in the desk’s words', () => {
    expect(describeEvent(event({ before: { status: 'in_review' }, after: { status: 'awaiting_approval' } }))).toMatchObject({
      what: 'Status changed',
      changes: ['status: In review → Awaiting approval'],
    });
    expect(describeEvent(event({ entityType: 'verdict', action: 'verdict.submitted', before: { levelKey: null, status: 'draft' }, after: { levelKey: 'false', status: 'submitted' } }))).toMatchObject({
      what: 'Verdict submitted',
      changes: ['level: none → false', 'verdict: draft → submitted'],
    });
    expect(describeEvent(event({ entityType: 'assignment', action: 'assignment.created', after: { reviewerId: 'r', dueAt: '2026-12-03T22:59:00.000Z' } }))).toMatchObject({
      what: 'Assigned',
      changes: ['due: 2026-12-03'],
    });
    expect(describeEvent(event({ entityType: 'ruling', action: 'ruling.approved', after: { levelLabel: 'False', rationale: 'r' } })).changes).toEqual(['level: False']);
  });
});
