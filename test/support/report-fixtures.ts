/**
 * Realistic Report models for the export tests, built the way the service assembles them: an article body made of
 * paragraphs of sentences, one claim per sentence with exact code-point offsets, claims in every workflow state,
 * published revisions with corrections, a retraction, desk-only material (names, votes, drafts, notes, reasons).
 *
 * - deskReport() / publicReport(): the same article for the desk and as the service would build it for the public.
 * - leakyPublicReport(): audience `public` but still carrying every desk field (a service bug); renderers must not
 *   print any of DESK_ONLY_MARKERS from it.
 * - adversarialReport(audience): markup, `<script>`, quotes, commas, newlines, spreadsheet formula prefixes, emoji
 *   and astral characters before claims, right-to-left text, a bad colour and a `javascript:` URL.
 */
import type {
  Audience,
  Report,
  ReportClaim,
  ReportConsensus,
  ReportCorrection,
  ReportEvent,
  ReportLevel,
  ReportReviewerVerdict,
  ReportScale,
  ReportSource,
  ReportVerdict,
} from '../../src/export/report.model';

// ---- People and desk-only markers -----------------------------------------------------------------------------------

export const PEOPLE = { riley: 'Riley Okafor', sam: 'Sam Lindqvist', editor: 'Morgan Achterberg' } as const;

/** Strings that exist only in desk material; none may appear in any public export. */
export const DESK_ONLY_MARKERS = [
  PEOPLE.riley,
  PEOPLE.sam,
  PEOPLE.editor,
  'desk-note-7f3a',
  'reason-91c2',
  'draft-5d1e',
  'vote-rationale-44b0',
  'unpublished-rationale-e2c7',
  'unpublished-source-0c9d',
] as const;

// ---- The scale --------------------------------------------------------------------------------------------------------

type LevelSpec = [key: string, label: string, value: number | null, color: string, description: string, archived?: boolean];

const TRUTH_LEVELS: LevelSpec[] = [
  ['true', 'True', 5, '#1a7f37', 'The statement is accurate and nothing significant is missing.'],
  ['mostly_true', 'Mostly true', 4, '#7bc96f', 'Accurate but needs clarification or additional information.'],
  ['half_true', 'Half true', 3, '#f2cc0c', 'Partially accurate; leaves out important details or takes things out of context.'],
  ['mostly_false', 'Mostly false', 2, '#f0883e', 'Contains an element of truth but ignores critical facts.'],
  ['false', 'False', 1, '#d1242f', 'The statement is not accurate.'],
  ['pants_on_fire', 'Pants on fire', 0, '#7d0a0a', 'Not accurate and makes a ridiculous claim.'],
  ['misleading', 'Misleading', null, '#8250df', 'Accurate facts arranged to give a false impression.'],
  ['unverifiable', 'Unverifiable', null, '#6e7781', 'The available evidence can neither confirm nor refute it.'],
  ['disputed', 'Disputed', null, '#bf8700', 'Retired: experts disagree.', true],
];

function scaleOf(levels: LevelSpec[], name = 'Truth scale'): ReportScale {
  const values = levels.filter((l) => !l[5]).map((l) => l[2]).filter((v): v is number => v !== null);
  return {
    id: '5b0c8a8e-2f1d-4c41-9a57-0d3c1f6e2a11',
    name,
    bestValue: values.length ? Math.max(...values) : null,
    worstValue: values.length ? Math.min(...values) : null,
    levels: levels.map(([key, label, value, color, description, archived]) => ({
      key,
      label,
      value,
      color,
      description,
      archived: archived ?? false,
    })),
  };
}

function levelOf(scale: ReportScale, key: string): ReportLevel {
  const found = scale.levels.find((l) => l.key === key);
  if (!found) throw new Error(`fixture: no level ${key}`);
  return { key: found.key, label: found.label, value: found.value, color: found.color };
}

// ---- Claim specifications ---------------------------------------------------------------------------------------------

interface SourceSpec {
  url: string;
  title: string;
  publisher?: string | null;
  sourceType?: string;
  stance: ReportSource['stance'];
  excerpt?: string | null;
  archivedUrl?: string | null;
  /** Attached after the last publication: in the desk's claim sources only. */
  afterPublication?: boolean;
}

interface RevisionSpec {
  level: string;
  rationale: string;
  correctionNote?: string;
  reason?: string;
}

export interface ClaimSpec {
  text: string;
  status: ReportClaim['status'];
  checkWorthy?: boolean;
  hint?: number | null;
  claimant?: { name: string; role: string | null } | null;
  claimDate?: string | null;
  /** Final verdicts, oldest first: approved → one; published/correcting/retracted → every published revision. */
  revisions?: RevisionSpec[];
  sources?: SourceSpec[];
  retraction?: string;
  review?: 'drafts' | 'submitted';
  notes?: Array<{ author: string; body: string }>;
}

export interface ArticleSpec {
  id: string;
  title: string;
  url: string | null;
  outlet: string | null;
  author: string | null;
  publishedAt: string | null;
  /** Paragraphs of sentences; each sentence is one claim. */
  paragraphs: Array<Array<ClaimSpec | { lead: string }>>;
  /** Between paragraphs. */
  separator?: string;
  scale?: ReportScale;
  organisation?: { name: string; url: string };
}

// ---- The builder ------------------------------------------------------------------------------------------------------

const cpLength = (s: string) => Array.from(s).length;

function clock(startIso: string) {
  let t = Date.parse(startIso);
  return () => {
    t += 37 * 60 * 1000;
    return new Date(t).toISOString();
  };
}

function uuid(prefix: string, n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `${prefix}-0000-4000-8000-${hex}`;
}

/** The desk's report for an article spec. */
export function buildDeskReport(spec: ArticleSpec): Report {
  const scale = spec.scale ?? scaleOf(TRUTH_LEVELS);
  const next = clock('2025-03-02T09:00:00.000Z');
  const importedAt = next();
  const separator = spec.separator ?? '\n\n';
  let body = '';
  let position = 0;
  let sourceCounter = 0;
  const claims: ReportClaim[] = [];
  const events: ReportEvent[] = [];
  const corrections: ReportCorrection[] = [];
  const submittedBy = new Map<string, number>();
  const event = (action: string, claimId: string | null, actor: string | null, summary: string, at = next()) =>
    events.push({ at, action, claimId, actor, summary });
  event('article.created', null, PEOPLE.editor, 'Article imported');

  spec.paragraphs.forEach((sentences, paragraphIndex) => {
    if (paragraphIndex > 0) body += separator;
    sentences.forEach((item, sentenceIndex) => {
      if (sentenceIndex > 0) body += ' ';
      if ('lead' in item) {
        body += item.lead;
        return;
      }
      position += 1;
      const start = cpLength(body);
      body += item.text;
      const end = cpLength(body);
      const id = uuid('c1a1e000', position);
      const sources: ReportSource[] = (item.sources ?? []).map((s, i) => ({
        number: i + 1,
        sourceId: uuid('50a0c000', ++sourceCounter),
        url: s.url,
        title: s.title,
        publisher: s.publisher ?? null,
        sourceType: s.sourceType ?? 'primary_document',
        accessedAt: '2025-03-01',
        archivedUrl: s.archivedUrl ?? null,
        stance: s.stance,
        excerpt: s.excerpt ?? null,
      }));
      const published = sources.filter((_, i) => !item.sources?.[i].afterPublication);
      const reviewers = item.review ? [PEOPLE.riley, PEOPLE.sam] : [];
      const verdicts: ReportReviewerVerdict[] = [];
      let consensus: ReportConsensus | null = null;
      const firstLevel = item.revisions?.[0]?.level ?? 'half_true';
      if (item.review === 'drafts') {
        verdicts.push({
          reviewer: PEOPLE.riley,
          status: 'draft',
          level: levelOf(scale, firstLevel),
          rationale: `Draft thinking, not settled (draft-5d1e).`,
          submittedAt: null,
          sourceNumbers: [1],
        });
      } else if (item.review === 'submitted') {
        for (const reviewer of reviewers) {
          const at = next();
          verdicts.push({
            reviewer,
            status: 'submitted',
            level: levelOf(scale, firstLevel),
            rationale: `My reading of the evidence (vote-rationale-44b0).`,
            submittedAt: at,
            sourceNumbers: sources.map((s) => s.number),
          });
          submittedBy.set(reviewer, (submittedBy.get(reviewer) ?? 0) + 1);
          event('verdict.submitted', id, reviewer, 'Verdict submitted', at);
        }
        consensus = {
          rule: 'majority',
          level: levelOf(scale, firstLevel),
          distribution: [{ level: levelOf(scale, firstLevel), count: 2 }],
          agreement: 1,
          submitted: 2,
        };
      }

      const finals: ReportVerdict[] = (item.revisions ?? []).map((rev, i, all) => {
        const approvedAt = next();
        const isApprovedOnly = item.status === 'approved';
        const publishedAt = isApprovedOnly ? null : next();
        const last = i === all.length - 1;
        return {
          revision: i + 1,
          state: isApprovedOnly ? 'approved' : last ? 'published' : 'superseded',
          level: levelOf(scale, rev.level),
          bestValue: scale.bestValue,
          worstValue: scale.worstValue,
          rationale: rev.rationale,
          correctionNote: rev.correctionNote ?? null,
          reason: rev.reason ?? null,
          approvedAt,
          publishedAt,
          supersededAt: null,
          approvedBy: PEOPLE.editor,
          publishedBy: isApprovedOnly ? null : PEOPLE.editor,
          sources: published,
        };
      });
      finals.forEach((v, i) => {
        if (i + 1 < finals.length) v.supersededAt = finals[i + 1].publishedAt;
        event('ruling.approved', id, PEOPLE.editor, `Verdict approved: ${v.level.label}`, v.approvedAt);
        if (v.publishedAt) {
          event(i === 0 ? 'ruling.published' : 'ruling.republished', id, PEOPLE.editor, `Verdict published: ${v.level.label}`, v.publishedAt);
        }
        if (i > 0) {
          corrections.push({
            claimId: id,
            position,
            revision: v.revision,
            note: v.correctionNote ?? '',
            publishedAt: v.publishedAt ?? v.approvedAt,
            from: finals[i - 1].level,
            to: v.level,
          });
        }
      });
      const publishedRevisions = finals.filter((v) => v.publishedAt !== null);
      const publishedVerdict = publishedRevisions[publishedRevisions.length - 1] ?? null;
      const retraction = item.retraction ? { note: item.retraction, at: next() } : null;
      if (retraction) event('ruling.retracted', id, PEOPLE.editor, 'Fact-check retracted', retraction.at);
      const finalVerdict = item.status === 'retracted' ? null : (finals[finals.length - 1] ?? null);
      const notes = (item.notes ?? []).map((n) => ({ ...n, createdAt: next() }));
      notes.forEach((n) => event('note.added', id, n.author, 'Desk note added', n.createdAt));

      claims.push({
        id,
        position,
        paragraph: paragraphIndex + 1,
        text: item.text,
        start,
        end,
        status: item.status,
        checked: ['approved', 'published', 'correcting', 'retracted'].includes(item.status),
        checkWorthy: item.checkWorthy ?? true,
        hint: item.hint ?? 0.62,
        claimant: item.claimant ?? null,
        claimDate: item.claimDate ?? null,
        finalVerdict,
        publishedVerdict,
        publishedRevisions,
        retraction,
        sources,
        review: { consensus, verdicts, reviewers },
        notes,
        statusChangedAt: next(),
      });
    });
  });

  events.sort((a, b) => a.at.localeCompare(b.at));
  const report: Report = {
    generatedAt: '2025-04-01T12:00:00.000Z',
    audience: 'desk',
    organisation: spec.organisation ?? { name: 'Checkmate Fact Desk', url: 'https://factdesk.example/' },
    reportUrl: `https://factdesk.example/reports/${spec.id}`,
    article: {
      id: spec.id,
      title: spec.title,
      url: spec.url,
      outlet: spec.outlet,
      author: spec.author,
      publishedAt: spec.publishedAt,
      importedAt,
      body,
      claimCount: claims.length,
    },
    scale,
    claims,
    scorecard: scorecardOf(scale, claims),
    corrections,
    appendix: {
      reviewers: [...submittedBy.entries()].map(([name, submitted]) => ({ name, submitted })),
      events,
      methodology:
        'Each check-worthy sentence is assigned to two reviewers who rate it blind, with sources. An editor approves ' +
        'a final verdict and publishes it; corrections keep every earlier revision readable.',
    },
  };
  return report;
}

function scorecardOf(scale: ReportScale, claims: ReportClaim[]): Report['scorecard'] {
  const counts = new Map<string, number>();
  for (const claim of claims) {
    if (claim.finalVerdict) counts.set(claim.finalVerdict.level.key, (counts.get(claim.finalVerdict.level.key) ?? 0) + 1);
  }
  const checked = [...counts.values()].reduce((a, b) => a + b, 0);
  return {
    levels: scale.levels
      .filter((l) => !l.archived || counts.has(l.key))
      .map((l) => ({ level: { key: l.key, label: l.label, value: l.value, color: l.color }, count: counts.get(l.key) ?? 0 })),
    checked,
    unchecked: claims.length - checked,
  };
}

const PUBLIC_ACTIONS = new Set(['ruling.published', 'ruling.republished', 'ruling.retracted']);

/** What the service builds for the public from the same data: published work only, no people. */
export function toPublicReport(desk: Report): Report {
  const strip = (v: ReportVerdict): ReportVerdict => ({ ...v, reason: null, approvedBy: null, publishedBy: null });
  const claims = desk.claims.map((claim): ReportClaim => {
    const publishedVerdict = claim.publishedVerdict ? strip(claim.publishedVerdict) : null;
    return {
      ...claim,
      finalVerdict: claim.status === 'retracted' ? null : publishedVerdict,
      publishedVerdict,
      publishedRevisions: claim.publishedRevisions.map(strip),
      sources: publishedVerdict?.sources ?? [],
      review: null,
      notes: [],
    };
  });
  return {
    ...desk,
    audience: 'public',
    claims,
    scorecard: scorecardOf(desk.scale, claims),
    appendix: {
      ...desk.appendix,
      reviewers: [],
      events: desk.appendix.events.filter((e) => PUBLIC_ACTIONS.has(e.action)).map((e) => ({ ...e, actor: null })),
    },
  };
}

// ---- The realistic article ----------------------------------------------------------------------------------------

const COUNCIL_MINUTES: SourceSpec = {
  url: 'https://council.example/minutes/2025-02-25.pdf',
  title: 'Minutes of the council meeting, 25 February 2025',
  publisher: 'City Council',
  stance: 'supports',
  excerpt: 'The budget of $1.2 billion was adopted by 7 votes to 2.',
  archivedUrl: 'https://web.archive.example/2025/https://council.example/minutes/2025-02-25.pdf',
};

export const CITY_ARTICLE: ArticleSpec = {
  id: 'a7c1e000-0000-4000-8000-000000000001',
  title: 'Council passes budget after long night',
  url: 'https://citywire.example/news/council-budget',
  outlet: 'City Wire',
  author: 'Dana Reyes',
  publishedAt: '2025-02-26T07:30:00.000Z',
  paragraphs: [
    [
      {
        text: 'The council approved a $1.2 billion budget on Tuesday.',
        status: 'published',
        claimant: { name: 'City Council', role: null },
        claimDate: '2025-02-25',
        revisions: [{ level: 'true', rationale: 'The adopted budget totals $1.2 billion; the minutes record the vote.' }],
        sources: [
          COUNCIL_MINUTES,
          {
            url: 'https://council.example/budget-2025.pdf',
            title: 'Adopted budget 2025',
            publisher: 'City Council',
            sourceType: 'dataset',
            stance: 'supports',
            excerpt: 'Total appropriations: 1,200,000,000',
          },
          {
            url: 'https://blog.example/later-find',
            title: 'Found later (unpublished-source-0c9d)',
            stance: 'context',
            afterPublication: true,
          },
        ],
        review: 'submitted',
      },
      { text: 'Mayor J. R. Smith said it was "a fair deal."', status: 'unreviewed', checkWorthy: false, hint: 0.08 },
    ],
    [
      {
        text: 'Property taxes will rise by 12% next year.',
        status: 'published',
        claimant: { name: 'J. R. Smith', role: 'Mayor' },
        claimDate: '2025-02-25',
        revisions: [
          { level: 'false', rationale: 'The levy rises 3%, not 12%.' },
          {
            level: 'mostly_false',
            rationale: 'The levy rises 3%; assessments rise 9% on average, so some bills rise about 12%.',
            correctionNote: 'We first compared the levy only; average bills include assessment changes.',
          },
        ],
        sources: [
          {
            url: 'https://assessor.example/2025-notice',
            title: 'Assessment notice 2025',
            publisher: 'County Assessor',
            sourceType: 'official_statement',
            stance: 'refutes',
            excerpt: 'Average assessed value: +9.1%',
          },
        ],
        review: 'submitted',
      },
      {
        text: 'The city has the lowest crime rate in the state.',
        status: 'approved',
        claimant: { name: 'J. R. Smith', role: 'Mayor' },
        revisions: [
          {
            level: 'unverifiable',
            rationale: 'Comparable statewide figures are not published (unpublished-rationale-e2c7).',
            reason: 'The reviewers rated it half true; the data cannot support any level (reason-91c2).',
          },
        ],
        sources: [COUNCIL_MINUTES],
        review: 'submitted',
        notes: [{ author: PEOPLE.sam, body: 'Ask the state bureau for 2024 figures (desk-note-7f3a).' }],
      },
    ],
    [
      { text: 'Spending on parks doubled since 2020.', status: 'in_review', review: 'drafts', sources: [COUNCIL_MINUTES] },
      {
        text: 'Unemployment fell to 3 percent.',
        status: 'retracted',
        claimDate: '2025-02-20',
        claimant: { name: 'Chamber of Commerce', role: null },
        revisions: [{ level: 'true', rationale: 'The state labour office reported 3.0%.' }],
        sources: [{ url: 'https://labour.example/jan', title: 'January labour report', stance: 'supports' }],
        retraction: 'The figure we relied on was for the county, not the city; we withdraw this fact-check.',
        review: 'submitted',
      },
      {
        text: 'The new stadium will pay for itself.',
        status: 'published',
        claimant: { name: 'Pat Moreno', role: 'Council member' },
        revisions: [{ level: 'misleading', rationale: 'Only with tax breaks counted as income.' }],
        sources: [{ url: 'https://econ.example/stadiums', title: 'Stadium economics', stance: 'refutes' }],
        review: 'submitted',
      },
    ],
    [
      { text: 'Officials said the plan was popular.', status: 'awaiting_approval', review: 'submitted' },
      {
        text: 'Bus ridership reached a record in March.',
        status: 'correcting',
        revisions: [{ level: 'half_true', rationale: 'A record for March, not for any month.' }],
        sources: [{ url: 'https://transit.example/ridership', title: 'Ridership', stance: 'context' }],
        review: 'submitted',
      },
    ],
  ],
};

export function deskReport(): Report {
  return buildDeskReport(CITY_ARTICLE);
}

export function publicReport(): Report {
  return toPublicReport(deskReport());
}

/** Audience `public`, yet still carrying every desk field: what a service bug would hand a renderer. */
export function leakyPublicReport(base: Report = deskReport()): Report {
  return { ...base, audience: 'public' };
}

// ---- The adversarial article -------------------------------------------------------------------------------------------

const ADVERSARIAL_LEVELS: LevelSpec[] = [
  ['true', 'True <b>really</b>', 5, '#1a7f37', 'Accurate & "complete" <script>alert(1)</script>'],
  ['half_true', 'Half | true', 3, '#f2cc0c', 'Part *true*, part _not_.'],
  ['false', '=False', 1, 'red;background:url(https://evil.example/x.png)', 'Not accurate.\n# not a heading'],
  ['misleading', 'Misleading 🤥', null, '#8250df', 'Arranged to mislead.'],
];

export const ADVERSARIAL_ARTICLE: ArticleSpec = {
  id: 'a7c1e000-0000-4000-8000-0000000000ad',
  title: '<script>alert("title")</script> **Budget** | "Quotes", commas & <b>tags</b> [x](https://evil.example)',
  url: 'https://news.example/a?x=1&y="2"',
  outlet: '=Outlet',
  author: 'O\'Brien & "Sons" <b>',
  publishedAt: '2025-02-26',
  separator: '\n',
  scale: scaleOf(ADVERSARIAL_LEVELS, 'Scale <i>one</i>'),
  organisation: { name: 'Desk "Fact" & <Check>', url: 'https://factdesk.example/?a=1&b=2' },
  paragraphs: [
    [
      { lead: '👩‍👩‍👧‍👦 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🇺🇦' },
      {
        text: '=cmd|\' /C calc\'!A0 was found in the <script>alert("claim")</script> sheet, "officials" said.',
        status: 'published',
        claimant: { name: '<img src=x onerror=alert(1)>', role: null },
        claimDate: '2025-02-01',
        revisions: [
          {
            level: 'false',
            rationale: '=HYPERLINK("https://evil.example","click")\nSecond line, with "quotes", commas & <b>markup</b>.',
          },
        ],
        sources: [
          {
            url: 'javascript:alert(1)',
            title: '<img src=x onerror=alert(2)> **bold** [link](https://evil.example) `code`',
            publisher: '@SUM(A1:A9)',
            stance: 'refutes',
            excerpt: '</a></li><script>alert(3)</script>\n# heading\n---\n> quote | pipe',
          },
          {
            url: 'https://source.example/path?a=1&b="2"&c=<x>',
            title: 'Plain "source", with commas',
            publisher: '+Publisher',
            stance: 'supports',
            excerpt: '\tTabbed excerpt',
          },
        ],
        review: 'submitted',
        notes: [{ author: PEOPLE.riley, body: '<script>alert("note")</script> desk-note-7f3a' }],
      },
      {
        text: '+1 is the change in the rate 🚀 since 𝟚𝟘𝟚𝟘.',
        status: 'published',
        revisions: [{ level: 'half_true', rationale: '-2 points, not +1.' }],
        sources: [{ url: 'https://rates.example/', title: 'Rates', stance: 'context' }],
        review: 'submitted',
      },
    ],
    [
      {
        text: '-2 degrees was the coldest reading in January.',
        status: 'published',
        claimant: { name: 'Weather Office', role: null },
        revisions: [
          { level: 'true', rationale: 'Per the log.' },
          { level: 'misleading', rationale: '@SUM of the lows is not a reading.', correctionNote: '=Corrected\n<b>note</b>' },
        ],
        sources: [{ url: 'https://weather.example/jan', title: 'January log', stance: 'supports' }],
        review: 'submitted',
      },
      { text: '@SUM(A1:A2) totals 42 seats, the clerk said.', status: 'unreviewed' },
    ],
    [
      {
        text: 'قال الوزير إن البطالة انخفضت إلى 3٪ في عام 2024.',
        status: 'published',
        claimant: { name: 'وزير العمل', role: 'وزير' },
        revisions: [{ level: 'true', rationale: 'الرقم صحيح وفق مكتب الإحصاء.' }],
        sources: [{ url: 'https://stats.example/ar', title: 'مكتب الإحصاء', stance: 'supports' }],
        review: 'submitted',
      },
      {
        text: 'השר אמר שהאבטלה ירדה, and then "English" follows.',
        status: 'approved',
        revisions: [{ level: 'half_true', rationale: 'Mixed direction text (unpublished-rationale-e2c7).', reason: 'reason-91c2' }],
        review: 'submitted',
      },
    ],
    [
      { lead: '🧪' },
      {
        text: 'Costs\trose | by "10%", per the <a href="https://evil.example">report</a> & `ledger`.',
        status: 'retracted',
        revisions: [{ level: 'true', rationale: 'Ledger line 12.' }],
        sources: [{ url: 'https://ledger.example/', title: 'Ledger', stance: 'supports' }],
        retraction: 'Withdrawn:\n<script>alert("retract")</script> the ledger was a draft.',
        review: 'submitted',
      },
    ],
  ],
};

export function adversarialReport(audience: Audience = 'desk'): Report {
  const desk = buildDeskReport(ADVERSARIAL_ARTICLE);
  return audience === 'desk' ? desk : toPublicReport(desk);
}

/** Every report the format tests run through: name → report. */
export function allFixtureReports(): Record<string, Report> {
  return {
    'desk report': deskReport(),
    'public report': publicReport(),
    'adversarial desk report': adversarialReport('desk'),
    'adversarial public report': adversarialReport('public'),
  };
}
