import type { Report, ReportClaim, ReportFormat, ReportSource, ReportVerdict } from '../report.model';
import { earlierRevisions, forAudience, humanDate, isShownChecked, ratingText, shownVerdict } from '../render-helpers';
import { mdBlock, mdInline, mdLink, mdUrl } from '../render-helpers.markdown';

/**
 * A readable report: header, scorecard, every checked claim with its verdict label (never a colour alone),
 * rationale, numbered sources, corrections and retractions, a corrections section, and the methodology and audit
 * appendix with every level of the rating scale. All user text goes through mdInline/mdBlock (backslash escapes).
 */

const STANCE: Record<ReportSource['stance'], string> = { supports: 'supports', refutes: 'refutes', context: 'context' };

function field(name: string, value: string): string | null {
  return value ? `- **${name}:** ${value}` : null;
}

function lines(...parts: Array<string | null | false | undefined>): string[] {
  return parts.filter((p): p is string => typeof p === 'string');
}

function header(report: Report): string[] {
  const { article } = report;
  return lines(
    `# Fact-check report: ${mdInline(article.title)}`,
    '',
    field('Outlet', mdInline(article.outlet)),
    field('Author', mdInline(article.author)),
    field('Published', humanDate(article.publishedAt)),
    field('Article URL', mdUrl(article.url)),
    field('Checked by', mdLink(report.organisation.name, report.organisation.url)),
    field('Report', mdUrl(report.reportUrl)),
    field('Report generated', humanDate(report.generatedAt)),
    field('Edition', report.audience === 'desk' ? 'desk (internal: not for publication)' : 'public'),
    field('Rating scale', mdInline(report.scale.name)),
    '',
  );
}

function scorecard(report: Report): string[] {
  const rows = report.scorecard.levels.map(
    ({ level, count }) => `| ${mdInline(level.label)} | ${level.value ?? '–'} | ${count} |`,
  );
  return [
    '## Scorecard',
    '',
    '| Verdict | Value | Claims |',
    '|---|---:|---:|',
    ...rows,
    '',
    `Checked claims: ${report.scorecard.checked}. Not (yet) checked: ${report.scorecard.unchecked}. ` +
      `Claims in the article: ${report.article.claimCount}.`,
    '',
  ];
}

function sourceItems(sources: ReportSource[], indent: string): string[] {
  return sources.flatMap((source) => {
    const details = [
      source.publisher ? mdInline(source.publisher) : null,
      source.sourceType ? mdInline(source.sourceType.replace(/_/g, ' ')) : null,
      `stance: ${STANCE[source.stance] ?? mdInline(source.stance)}`,
      source.accessedAt ? `accessed ${humanDate(source.accessedAt)}` : null,
    ].filter(Boolean);
    const out = [`${indent}${source.number}. ${mdLink(source.title || source.url, source.url)} (${details.join('; ')})`];
    const inner = `${indent}   `;
    out.push(`${inner}URL: ${mdUrl(source.url)}`);
    if (source.archivedUrl) out.push(`${inner}Archived copy: ${mdUrl(source.archivedUrl)}`);
    if (source.excerpt) out.push(`${inner}> ${mdBlock(source.excerpt, `${inner}> `)}`);
    return out;
  });
}

function verdictLine(verdict: ReportVerdict): string {
  const rating = ratingText(verdict);
  return `**${mdInline(verdict.level.label)}**${rating ? ` (${rating})` : ' (not on the numeric scale)'}`;
}

function deskDetails(claim: ReportClaim, verdict: ReportVerdict | null): string[] {
  const out: string[] = [];
  if (verdict?.reason) out.push(`- Why the verdict departs from the consensus: ${mdBlock(verdict.reason, '  ')}`);
  if (verdict?.approvedBy) out.push(`- Approved by ${mdInline(verdict.approvedBy)} on ${humanDate(verdict.approvedAt)}`);
  if (verdict?.publishedBy) out.push(`- Published by ${mdInline(verdict.publishedBy)} on ${humanDate(verdict.publishedAt)}`);
  const review = claim.review;
  if (review) {
    if (review.reviewers.length) out.push(`- Reviewers: ${review.reviewers.map(mdInline).join(', ')}`);
    if (review.consensus) {
      const c = review.consensus;
      const distribution = c.distribution.map((d) => `${mdInline(d.level.label)} ${d.count}`).join(', ');
      out.push(
        `- Consensus (${c.rule}): ${c.level ? mdInline(c.level.label) : 'none'}; ${c.submitted} submitted` +
          `${distribution ? `; ${distribution}` : ''}${c.agreement !== null ? `; agreement ${Math.round(c.agreement * 100)}%` : ''}`,
      );
    }
    for (const v of review.verdicts) {
      out.push(
        `- ${mdInline(v.reviewer)} (${v.status}${v.submittedAt ? `, ${humanDate(v.submittedAt)}` : ''}): ` +
          `${v.level ? mdInline(v.level.label) : 'no level'}: ${mdBlock(v.rationale, '  ')}` +
          `${v.sourceNumbers.length ? ` (sources ${v.sourceNumbers.join(', ')})` : ''}`,
      );
    }
  }
  for (const note of claim.notes) {
    out.push(`- Note by ${mdInline(note.author)} (${humanDate(note.createdAt)}): ${mdBlock(note.body, '  ')}`);
  }
  return out.length ? ['Desk only:', '', ...out, ''] : [];
}

function claimSection(report: Report, claim: ReportClaim): string[] {
  const verdict = shownVerdict(claim);
  const desk = report.audience === 'desk';
  const title = claim.retraction
    ? `Retracted${verdict ? ` (was: ${mdInline(verdict.level.label)})` : ''}`
    : verdict
      ? mdInline(verdict.level.label)
      : 'No verdict';
  const out: string[] = [`### Claim ${claim.position}: ${title}`, '', `> ${mdBlock(claim.text, '> ')}`, ''];
  const meta = lines(
    field('Paragraph', String(claim.paragraph)),
    claim.claimant &&
      field('Claimant', `${mdInline(claim.claimant.name)}${claim.claimant.role ? `, ${mdInline(claim.claimant.role)}` : ''}`),
    field('Claim date', humanDate(claim.claimDate)),
    desk && field('Status', claim.status.replace(/_/g, ' ')),
  );
  out.push(...meta, '');
  if (claim.retraction) {
    out.push(`**Retracted on ${humanDate(claim.retraction.at)}.** ${mdBlock(claim.retraction.note)}`, '');
  }
  if (verdict) {
    const state = verdict.state === 'approved' ? 'approved, not yet published' : `published ${humanDate(verdict.publishedAt)}`;
    const withdrawn = claim.retraction ? ' (withdrawn)' : '';
    out.push(`Verdict${withdrawn}: ${verdictLine(verdict)}; revision ${verdict.revision}, ${state}.`, '');
    out.push(`**Rationale${withdrawn}:** ${mdBlock(verdict.rationale)}`, '');
    if (verdict.correctionNote) out.push(`**Correction:** ${mdBlock(verdict.correctionNote)}`, '');
  }
  const sources = verdict?.sources.length ? verdict.sources : claim.sources;
  if (sources.length) out.push('**Sources:**', '', ...sourceItems(sources, ''), '');
  const earlier = earlierRevisions(claim);
  if (earlier.length) {
    out.push('**Earlier revisions:**', '');
    for (const rev of earlier) {
      out.push(
        `- Revision ${rev.revision}: ${verdictLine(rev)}, published ${humanDate(rev.publishedAt)}` +
          `${rev.supersededAt ? `, superseded ${humanDate(rev.supersededAt)}` : ''}. ${mdBlock(rev.rationale, '  ')}`,
      );
      if (rev.correctionNote) out.push(`  Correction note: ${mdBlock(rev.correctionNote, '  ')}`);
    }
    out.push('');
  }
  if (desk) out.push(...deskDetails(claim, verdict));
  return out;
}

function correctionsSection(report: Report): string[] {
  if (!report.corrections.length) return ['## Corrections', '', 'No corrections.', ''];
  return [
    '## Corrections',
    '',
    ...report.corrections.map(
      (c) =>
        `- ${humanDate(c.publishedAt)}, claim ${c.position} (revision ${c.revision}): ` +
        `${mdInline(c.from.label)} → ${mdInline(c.to.label)}. ${mdBlock(c.note, '  ')}`,
    ),
    '',
  ];
}

function appendix(report: Report): string[] {
  const out = ['## Methodology and audit appendix', '', '### Methodology', '', mdBlock(report.appendix.methodology), ''];
  const { scale } = report;
  out.push(
    `### Rating scale: ${mdInline(scale.name)}`,
    '',
    scale.bestValue !== null && scale.worstValue !== null
      ? `Values run from ${scale.worstValue} (worst) to ${scale.bestValue} (best); some outcomes are off the numeric scale.`
      : 'The levels of this scale carry no numeric value.',
    '',
    '| Level | Value | Definition |',
    '|---|---:|---|',
    ...scale.levels.map(
      (l) => `| ${mdInline(l.label)}${l.archived ? ' (retired)' : ''} | ${l.value ?? '–'} | ${mdInline(l.description)} |`,
    ),
    '',
  );
  if (report.audience === 'desk') {
    out.push('### Who reviewed', '');
    out.push(
      ...(report.appendix.reviewers.length
        ? report.appendix.reviewers.map((r) => `- ${mdInline(r.name)}: ${r.submitted} verdict(s) submitted`)
        : ['No verdicts submitted yet.']),
      '',
    );
  }
  out.push('### What changed', '');
  if (!report.appendix.events.length) {
    out.push('Nothing recorded.', '');
  } else {
    const positions = new Map(report.claims.map((c) => [c.id, c.position]));
    const desk = report.audience === 'desk';
    out.push(desk ? '| When | What | Claim | Who |' : '| When | What | Claim |', desk ? '|---|---|---:|---|' : '|---|---|---:|');
    for (const e of report.appendix.events) {
      const claim = e.claimId ? String(positions.get(e.claimId) ?? '') : '';
      const cells = [humanDate(e.at), mdInline(e.summary), claim];
      if (desk) cells.push(mdInline(e.actor ?? ''));
      out.push(`| ${cells.join(' | ')} |`);
    }
    out.push('');
  }
  return out;
}

export function renderMarkdown(input: Report): string {
  const report = forAudience(input);
  const checked = report.claims.filter(isShownChecked);
  const out = [...header(report), ...scorecard(report), '## Checked claims', ''];
  if (!checked.length) out.push('No claim of this article has a verdict yet.', '');
  for (const claim of checked) out.push(...claimSection(report, claim));
  out.push(...correctionsSection(report), ...appendix(report));
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

export const markdownFormat: ReportFormat = {
  name: 'markdown',
  contentType: 'text/markdown; charset=utf-8',
  extension: 'md',
  render: renderMarkdown,
};
