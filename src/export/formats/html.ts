import Handlebars from 'handlebars';
import type { Report, ReportClaim, ReportFormat, ReportLevel, ReportSource, ReportVerdict } from '../report.model';
import {
  codePoints,
  earlierRevisions,
  forAudience,
  humanDate,
  isShownChecked,
  ratingText,
  safeColour,
  shownVerdict,
  splitBySpans,
  textColourOn,
} from '../render-helpers';

/**
 * One self-contained, printable page: the article with every checked claim highlighted in its verdict's colour and
 * labelled with the verdict (a visible label and an accessible name: colour is never the only signal), footnotes
 * with verdicts and sources, the scorecard, corrections and the methodology and audit appendix.
 *
 * Safety: every piece of article and user text reaches the page through Handlebars `{{…}}`, which HTML-escapes it
 * (`& < > " ' \` =`); the templates never use the unescaped `{{{…}}}` form and no HTML is built by concatenating
 * strings. Colours are printed only when they are `#rrggbb`; links only for http(s) URLs. The page has no script,
 * no style attribute, and loads nothing (no images, fonts or stylesheets): its CSS is one inline `<style>` element.
 */

const SAFE_HREF = /^https?:\/\//i;

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 50rem; padding: 1.5rem 1rem 3rem; font: 16px/1.55 Georgia, "Times New Roman", serif;
  color: #1b1b1b; background: #fff; }
h1, h2, h3, h4, nav, table, .kicker, .meta, .chip, .tag, .small { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
h1 { font-size: 1.8rem; line-height: 1.2; margin: .25rem 0 1rem; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 .8rem; border-bottom: 2px solid #1b1b1b; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .5rem; }
h4 { font-size: .95rem; margin: 1rem 0 .3rem; }
.kicker { text-transform: uppercase; letter-spacing: .06em; font-size: .8rem; color: #555; margin: 0; }
.desk-banner { border: 2px solid #a40e26; color: #a40e26; padding: .4rem .6rem; font-weight: 700; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; font-size: .9rem; margin: 0 0 1rem; }
.meta dt { font-weight: 600; color: #444; }
.meta dd { margin: 0; overflow-wrap: anywhere; }
nav ul { list-style: none; padding: 0; margin: 0 0 1rem; display: flex; flex-wrap: wrap; gap: .4rem 1rem; font-size: .9rem; }
a { color: #0b4f9c; }
.pre { white-space: pre-line; }
.url { overflow-wrap: anywhere; font-size: .85rem; color: #333; }
.article p { margin: 0 0 1rem; }
mark.claim { padding: .05em .15em; border-radius: .2em; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
.tag, .chip { display: inline-block; font-size: .72em; font-weight: 700; line-height: 1.3; padding: 0 .35em; margin-left: .2em;
  border: 1px solid currentColor; border-radius: .25em; text-decoration: none; vertical-align: .1em; }
.tag { color: inherit; }
.tag sup { font-size: .85em; margin-left: .2em; vertical-align: baseline; }
.chip { margin-left: 0; }
.c-retracted { background-color: #ffffff; color: #1b1b1b; text-decoration: line-through; }
.c-retracted .tag, .chip.c-retracted { text-decoration: none; border-style: dashed; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; margin: .5rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid #ccc; }
td.num, th.num { text-align: right; }
ol.footnotes { padding-left: 1.6rem; }
ol.footnotes > li { margin: 0 0 1.6rem; }
blockquote { margin: .4rem 0 .6rem; padding: .1rem .8rem; border-left: 4px solid #bbb; }
.sources li { margin-bottom: .5rem; }
.small { font-size: .85rem; color: #444; }
.desk { background: #fff8e6; border: 1px dashed #b58a00; padding: .3rem .8rem; margin: .6rem 0; }
.retraction { border: 2px solid #1b1b1b; padding: .3rem .6rem; }
footer { margin-top: 3rem; font-size: .8rem; color: #555; }
@media print {
  @page { margin: 16mm 14mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; color: #000; }
  nav, .back { display: none; }
  a { color: inherit; text-decoration: none; }
  mark.claim, .tag, .chip, .desk { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  h2, h3, h4 { break-after: avoid; }
  ol.footnotes > li, tr, blockquote, .sources li { break-inside: avoid; }
  .url { font-size: 8.5pt; }
}
`;

// The static stylesheet is part of the template source (it is not data, and must not be HTML-escaped inside <style>).
const TEMPLATE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
{{#if desk}}<meta name="robots" content="noindex, nofollow">
{{/if}}<title>Fact-check: {{article.title}}</title>
<style>${CSS}
{{#each colourClasses}}.{{cls}} { background-color: {{bg}}; color: {{fg}}; }
{{/each}}</style>
</head>
<body>
<header>
<p class="kicker">Fact-check report by {{organisation.name}}</p>
{{#if desk}}<p class="desk-banner">Desk edition: internal, not for publication.</p>
{{/if}}<h1 dir="auto">{{article.title}}</h1>
<dl class="meta">
{{#each meta}}<dt>{{name}}</dt><dd dir="auto">{{#if href}}<a href="{{href}}" rel="noopener noreferrer nofollow">{{value}}</a>{{else}}{{value}}{{/if}}</dd>
{{/each}}</dl>
</header>
<nav aria-label="Contents"><ul>
<li><a href="#article">Article</a></li><li><a href="#scorecard">Scorecard</a></li><li><a href="#verdicts">Verdicts and sources</a></li><li><a href="#corrections">Corrections</a></li><li><a href="#appendix">Methodology and audit</a></li>
</ul></nav>
<main>
<section id="scorecard" aria-labelledby="scorecard-title">
<h2 id="scorecard-title">Scorecard</h2>
<table>
<thead><tr><th scope="col">Verdict</th><th scope="col" class="num">Value</th><th scope="col" class="num">Claims</th></tr></thead>
<tbody>
{{#each scorecard}}<tr><td><span class="chip {{cls}}">{{label}}</span></td><td class="num">{{value}}</td><td class="num">{{count}}</td></tr>
{{/each}}</tbody>
</table>
<p class="small">{{scorecardSummary}}</p>
</section>
<section id="article" aria-labelledby="article-title">
<h2 id="article-title">The article</h2>
<p class="small">Checked claims are highlighted in the colour of their verdict and labelled with it; the label links to the verdict and its sources.</p>
<div class="article">
{{#each paragraphs}}<p dir="auto">{{#each runs}}{{#if claim}}<mark{{#if first}} id="claim-{{claim.id}}"{{/if}} class="claim {{claim.cls}}" data-verdict="{{claim.levelKey}}">{{text}}{{#if last}}<a class="tag" href="#verdict-{{claim.id}}" aria-label="{{claim.accessibleName}}">{{claim.tag}}<sup>{{claim.footnote}}</sup></a>{{/if}}</mark>{{else}}{{text}}{{/if}}{{/each}}</p>
{{/each}}</div>
</section>
<section id="verdicts" aria-labelledby="verdicts-title">
<h2 id="verdicts-title">Verdicts and sources</h2>
{{#if entries.length}}<ol class="footnotes">
{{#each entries}}<li id="verdict-{{id}}">
<h3><span class="chip {{cls}}">{{tag}}</span> Claim {{position}} <a class="back small" href="#claim-{{id}}" aria-label="Back to claim {{position}} in the article">↑ in the article</a></h3>
<blockquote dir="auto">{{text}}</blockquote>
<dl class="meta">
{{#each facts}}<dt>{{name}}</dt><dd dir="auto">{{value}}</dd>
{{/each}}</dl>
{{#if retraction}}<p class="retraction"><strong>Retracted on {{retraction.at}}.</strong> <span class="pre" dir="auto">{{retraction.note}}</span></p>
{{/if}}{{#if rationale}}<h4>Rationale{{#if retraction}} (withdrawn){{/if}}</h4>
<p class="pre" dir="auto">{{rationale}}</p>
{{/if}}{{#if correctionNote}}<h4>Correction</h4>
<p class="pre" dir="auto">{{correctionNote}}</p>
{{/if}}{{#if sources.length}}<h4>Sources</h4>
<ol class="sources">
{{#each sources}}<li id="source-{{../id}}-{{number}}"><span dir="auto">{{#if href}}<a href="{{href}}" rel="noopener noreferrer nofollow">{{title}}</a>{{else}}{{title}}{{/if}}</span>{{#if details}} <span class="small">({{details}})</span>{{/if}}<br><span class="url">{{url}}</span>{{#if archivedUrl}}<br><span class="small">Archived copy: {{#if archivedHref}}<a href="{{archivedHref}}" rel="noopener noreferrer nofollow">{{archivedUrl}}</a>{{else}}{{archivedUrl}}{{/if}}</span>{{/if}}{{#if excerpt}}
<blockquote class="pre" dir="auto">{{excerpt}}</blockquote>{{/if}}</li>
{{/each}}</ol>
{{/if}}{{#if earlier.length}}<h4>Earlier revisions</h4>
<ul>
{{#each earlier}}<li><span class="chip {{cls}}">{{label}}</span> revision {{revision}}, {{dates}}: <span class="pre" dir="auto">{{rationale}}</span>{{#if correctionNote}} <em class="pre">Correction note: {{correctionNote}}</em>{{/if}}</li>
{{/each}}</ul>
{{/if}}{{#if deskLines.length}}<div class="desk"><h4>Desk only</h4>
<ul>
{{#each deskLines}}<li class="pre" dir="auto">{{this}}</li>
{{/each}}</ul></div>
{{/if}}</li>
{{/each}}</ol>
{{else}}<p>No claim of this article has a verdict yet.</p>
{{/if}}</section>
<section id="corrections" aria-labelledby="corrections-title">
<h2 id="corrections-title">Corrections</h2>
{{#if corrections.length}}<ul>
{{#each corrections}}<li><strong>{{at}}</strong>, <a href="#verdict-{{claimId}}">claim {{position}}</a> (revision {{revision}}): {{from}} → {{to}}. <span class="pre" dir="auto">{{note}}</span></li>
{{/each}}</ul>
{{else}}<p>No corrections.</p>
{{/if}}</section>
<section id="appendix" aria-labelledby="appendix-title">
<h2 id="appendix-title">Methodology and audit</h2>
<h3>Methodology</h3>
<p class="pre" dir="auto">{{methodology}}</p>
<h3>Rating scale: {{scale.name}}</h3>
<p class="small">{{scale.range}}</p>
<table>
<thead><tr><th scope="col">Level</th><th scope="col" class="num">Value</th><th scope="col">Definition</th></tr></thead>
<tbody>
{{#each scale.levels}}<tr><td><span class="chip {{cls}}">{{label}}</span>{{#if archived}} <span class="small">(retired)</span>{{/if}}</td><td class="num">{{value}}</td><td dir="auto">{{description}}</td></tr>
{{/each}}</tbody>
</table>
{{#if desk}}<h3>Who reviewed</h3>
{{#if reviewers.length}}<ul>
{{#each reviewers}}<li>{{name}}: {{submitted}} verdict(s) submitted</li>
{{/each}}</ul>
{{else}}<p>No verdicts submitted yet.</p>
{{/if}}{{/if}}<h3>What changed</h3>
{{#if events.length}}<table>
<thead><tr><th scope="col">When</th><th scope="col">What</th><th scope="col">Claim</th>{{#if desk}}<th scope="col">Who</th>{{/if}}</tr></thead>
<tbody>
{{#each events}}<tr><td>{{at}}</td><td dir="auto">{{summary}}</td><td>{{claim}}</td>{{#if ../desk}}<td>{{actor}}</td>{{/if}}</tr>
{{/each}}</tbody>
</table>
{{else}}<p>Nothing recorded.</p>
{{/if}}</section>
</main>
<footer><p>Generated {{generatedAt}} from {{reportUrl}}.</p></footer>
</body>
</html>
`;

const handlebars = Handlebars.create();
const page = handlebars.compile(TEMPLATE, { strict: true, knownHelpersOnly: true, data: false });

// ---- The view model (plain data; the template escapes every string) --------------------------------------------------

const colourClass = (colour: string) => `c-${safeColour(colour).slice(1)}`;

function levelClass(level: ReportLevel, retracted = false): string {
  return retracted ? 'c-retracted' : colourClass(level.color);
}

function sourceView(source: ReportSource) {
  const details = [source.publisher, source.sourceType?.replace(/_/g, ' '), `stance: ${source.stance}`, source.accessedAt && `accessed ${source.accessedAt}`]
    .filter(Boolean)
    .join('; ');
  return {
    number: source.number,
    title: source.title || source.url,
    url: source.url,
    href: SAFE_HREF.test(source.url) ? source.url : null,
    details,
    archivedUrl: source.archivedUrl,
    archivedHref: source.archivedUrl && SAFE_HREF.test(source.archivedUrl) ? source.archivedUrl : null,
    excerpt: source.excerpt,
  };
}

function tagOf(claim: ReportClaim, verdict: ReportVerdict | null): string {
  if (claim.retraction) return verdict ? `Retracted (was: ${verdict.level.label})` : 'Retracted';
  return verdict ? verdict.level.label : 'No verdict';
}

function deskLines(claim: ReportClaim, verdict: ReportVerdict | null): string[] {
  const out: string[] = [];
  if (verdict?.reason) out.push(`Why the verdict departs from the consensus: ${verdict.reason}`);
  if (verdict?.approvedBy) out.push(`Approved by ${verdict.approvedBy} on ${humanDate(verdict.approvedAt)}`);
  if (verdict?.publishedBy) out.push(`Published by ${verdict.publishedBy} on ${humanDate(verdict.publishedAt)}`);
  const review = claim.review;
  if (review) {
    if (review.reviewers.length) out.push(`Reviewers: ${review.reviewers.join(', ')}`);
    const c = review.consensus;
    if (c) {
      const distribution = c.distribution.map((d) => `${d.level.label} ${d.count}`).join(', ');
      out.push(
        `Consensus (${c.rule}): ${c.level?.label ?? 'none'}; ${c.submitted} submitted` +
          `${distribution ? `; ${distribution}` : ''}${c.agreement !== null ? `; agreement ${Math.round(c.agreement * 100)}%` : ''}`,
      );
    }
    for (const v of review.verdicts) {
      out.push(
        `${v.reviewer} (${v.status}${v.submittedAt ? `, ${humanDate(v.submittedAt)}` : ''}): ${v.level?.label ?? 'no level'}: ${v.rationale}`,
      );
    }
  }
  for (const note of claim.notes) out.push(`Note by ${note.author} (${humanDate(note.createdAt)}): ${note.body}`);
  return out;
}

interface ClaimMark {
  id: string;
  cls: string;
  levelKey: string;
  tag: string;
  footnote: number;
  accessibleName: string;
  start: number;
  end: number;
}

function paragraphsOf(body: string, marks: ClaimMark[]) {
  const runs = splitBySpans(codePoints(body), marks);
  const paragraphs: Array<{ runs: Array<{ text: string; claim: ClaimMark | null; first: boolean; last: boolean }> }> = [];
  let current: (typeof paragraphs)[number] = { runs: [] };
  for (const run of runs) {
    const pieces = run.text.split(/\r\n|\r|\n/);
    pieces.forEach((piece, i) => {
      if (i > 0) {
        paragraphs.push(current);
        current = { runs: [] };
      }
      // A claim cut by a line break keeps its id on the first piece and its label on the last.
      if (piece.length || (run.span && (i === 0 || i === pieces.length - 1))) {
        current.runs.push({ text: piece, claim: run.span, first: i === 0, last: i === pieces.length - 1 });
      }
    });
  }
  paragraphs.push(current);
  return paragraphs.filter((p) => p.runs.some((r) => r.claim || r.text.trim().length > 0));
}

function viewOf(report: Report) {
  const desk = report.audience === 'desk';
  const checked = report.claims.filter(isShownChecked);
  const marks: ClaimMark[] = checked.map((claim, i) => {
    const verdict = shownVerdict(claim);
    const tag = tagOf(claim, verdict);
    return {
      id: claim.id,
      cls: verdict ? levelClass(verdict.level, claim.retraction !== null) : 'c-retracted',
      levelKey: claim.retraction ? 'retracted' : (verdict?.level.key ?? ''),
      tag,
      footnote: i + 1,
      accessibleName: `Claim ${claim.position}: ${tag}. Go to the verdict and its sources.`,
      start: claim.start,
      end: claim.end,
    };
  });
  const sortedMarks = [...marks].sort((a, b) => a.start - b.start);

  const colours = new Set<string>();
  const noteColour = (c: string) => colours.add(safeColour(c));
  report.scale.levels.forEach((l) => noteColour(l.color));
  report.scorecard.levels.forEach((l) => noteColour(l.level.color));
  report.claims.forEach((c) => [c.finalVerdict, c.publishedVerdict, ...c.publishedRevisions].forEach((v) => v && noteColour(v.level.color)));

  const { article } = report;
  const meta = [
    { name: 'Outlet', value: article.outlet, href: null },
    { name: 'Author', value: article.author, href: null },
    { name: 'Published', value: article.publishedAt && humanDate(article.publishedAt), href: null },
    { name: 'Article', value: article.url, href: article.url && SAFE_HREF.test(article.url) ? article.url : null },
    { name: 'Checked by', value: report.organisation.name, href: SAFE_HREF.test(report.organisation.url) ? report.organisation.url : null },
    { name: 'Report generated', value: humanDate(report.generatedAt), href: null },
  ].filter((m) => m.value);

  const entries = checked.map((claim, i) => {
    const verdict = shownVerdict(claim);
    const retracted = claim.retraction !== null;
    const facts = [
      claim.claimant && { name: 'Claimant', value: `${claim.claimant.name}${claim.claimant.role ? `, ${claim.claimant.role}` : ''}` },
      claim.claimDate && { name: 'Claim date', value: claim.claimDate },
      { name: 'Paragraph', value: String(claim.paragraph) },
      verdict && {
        name: retracted ? 'Withdrawn rating' : 'Rating',
        value: `${verdict.level.label}${ratingText(verdict) ? `: ${ratingText(verdict)}` : ' (not on the numeric scale)'}`,
      },
      verdict && {
        name: verdict.state === 'approved' ? 'Approved' : 'Published',
        value: `${humanDate(verdict.state === 'approved' ? verdict.approvedAt : verdict.publishedAt)} (revision ${verdict.revision})${verdict.state === 'approved' ? ', not yet published' : ''}`,
      },
      desk && { name: 'Status', value: claim.status.replace(/_/g, ' ') },
    ].filter((f): f is { name: string; value: string } => Boolean(f));
    const sources = verdict?.sources.length ? verdict.sources : claim.sources;
    return {
      id: claim.id,
      position: claim.position,
      footnote: i + 1,
      cls: marks[i].cls,
      tag: marks[i].tag,
      text: claim.text,
      facts,
      retraction: claim.retraction && { at: humanDate(claim.retraction.at), note: claim.retraction.note },
      rationale: verdict?.rationale ?? null,
      correctionNote: verdict?.correctionNote ?? null,
      sources: sources.map(sourceView),
      earlier: earlierRevisions(claim).map((rev) => ({
        cls: levelClass(rev.level, retracted),
        label: rev.level.label,
        revision: rev.revision,
        dates: `published ${humanDate(rev.publishedAt)}${rev.supersededAt ? `, superseded ${humanDate(rev.supersededAt)}` : ''}`,
        rationale: rev.rationale,
        correctionNote: rev.correctionNote,
      })),
      deskLines: desk ? deskLines(claim, verdict) : [],
    };
  });

  const positions = new Map(report.claims.map((c) => [c.id, c.position]));
  const { scale } = report;
  return {
    desk,
    colourClasses: [...colours].map((bg) => ({ cls: colourClass(bg), bg, fg: textColourOn(bg) })),
    organisation: report.organisation,
    article: { title: article.title },
    meta,
    scorecard: report.scorecard.levels.map(({ level, count }) => ({
      cls: levelClass(level),
      label: level.label,
      value: level.value ?? '–',
      count,
    })),
    scorecardSummary: `Checked claims: ${report.scorecard.checked}. Not (yet) checked: ${report.scorecard.unchecked}. Claims in the article: ${article.claimCount}.`,
    paragraphs: paragraphsOf(article.body, sortedMarks),
    entries,
    corrections: report.corrections.map((c) => ({
      at: humanDate(c.publishedAt),
      claimId: c.claimId,
      position: c.position,
      revision: c.revision,
      from: c.from.label,
      to: c.to.label,
      note: c.note,
    })),
    methodology: report.appendix.methodology,
    scale: {
      name: scale.name,
      range:
        scale.bestValue !== null && scale.worstValue !== null
          ? `Values run from ${scale.worstValue} (worst) to ${scale.bestValue} (best); some outcomes are off the numeric scale.`
          : 'The levels of this scale carry no numeric value.',
      levels: scale.levels.map((l) => ({
        cls: colourClass(l.color),
        label: l.label,
        value: l.value ?? '–',
        description: l.description,
        archived: l.archived,
      })),
    },
    reviewers: desk ? report.appendix.reviewers : [],
    events: report.appendix.events.map((e) => ({
      at: humanDate(e.at),
      summary: e.summary,
      claim: e.claimId ? String(positions.get(e.claimId) ?? '') : '',
      actor: desk ? (e.actor ?? '') : '',
    })),
    generatedAt: humanDate(report.generatedAt),
    reportUrl: report.reportUrl,
  };
}

/** The page's stylesheet (the content of its only `<style>` element), e.g. to compute a CSP hash. */
export function htmlStyleSheet(report: Report): string {
  const match = /<style>([\s\S]*?)<\/style>/.exec(renderHtml(report));
  return match ? match[1] : '';
}

export function renderHtml(input: Report): string {
  return page(viewOf(forAudience(input)));
}

export const htmlFormat: ReportFormat = {
  name: 'html',
  contentType: 'text/html; charset=utf-8',
  extension: 'html',
  render: renderHtml,
};
