import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { markdownFormat, renderMarkdown } from '../../../src/export/formats/markdown';
import type { Report } from '../../../src/export/report.model';
import { mdBlock, mdInline, mdLink, mdUrl } from '../../../src/export/render-helpers.markdown';
import { isShownChecked, shownVerdict } from '../../../src/export/render-helpers';
import { adversarialReport, allFixtureReports, deskReport, publicReport } from '../../support/report-fixtures';
import { attr, byTag, elements, parseHtml, text, type Element } from './html-tree';

/** CommonMark plus GFM tables and strikethrough, raw HTML passed through (so an unescaped tag would show), bare URLs linked. */
const md = new MarkdownIt({ html: true, linkify: true });

function toDom(markdown: string) {
  return parseHtml(md.render(markdown));
}

/** Every link the report may hold: its own URLs and the sources'. */
function allowedLinks(report: Report): Set<string> {
  const urls = [report.article.url, report.organisation.url, report.reportUrl];
  for (const claim of report.claims) {
    for (const v of [claim.finalVerdict, claim.publishedVerdict, ...claim.publishedRevisions]) {
      v?.sources.forEach((s) => urls.push(s.url, s.archivedUrl));
    }
    claim.sources.forEach((s) => urls.push(s.url, s.archivedUrl));
  }
  return new Set(urls.filter((u): u is string => !!u).map((u) => md.normalizeLink(u)));
}

describe.each(Object.entries(allFixtureReports()))('markdown: %s', (_name, report) => {
  const markdown = renderMarkdown(report);
  const doc = toDom(markdown);

  it('has exactly the structure the renderer writes: user text opens no heading, list, table, code or HTML', () => {
    expect(byTag(doc, 'h1').map((h) => text(h))).toEqual([`Fact-check report: ${report.article.title}`]);
    expect(byTag(doc, 'h2').map((h) => text(h))).toEqual(['Scorecard', 'Checked claims', 'Corrections', 'Methodology and audit appendix']);
    for (const tag of ['script', 'img', 'iframe', 'b', 'i', 'em', 'code', 'pre', 'hr', 'del', 's', 'h4', 'h5', 'h6']) {
      expect([tag, byTag(doc, tag).length]).toEqual([tag, 0]);
    }
    expect(byTag(doc, 'table')).toHaveLength(3);
  });

  it('links only to the report, the article and the sources (or shows a bare URL as itself)', () => {
    const allowed = allowedLinks(report);
    for (const a of byTag(doc, 'a')) {
      const href = attr(a, 'href') as string;
      expect(allowed.has(href) || text(a) === href || md.normalizeLink(text(a)) === href).toBe(true);
      expect(href).toMatch(/^https?:\/\//);
    }
  });

  it('shows every checked claim with its verdict label, rationale and sources, in order', () => {
    const checked = report.claims.filter(isShownChecked);
    const h3 = byTag(doc, 'h3').map((h) => text(h));
    const claimHeadings = h3.filter((h) => h.startsWith('Claim '));
    expect(claimHeadings).toEqual(
      checked.map((c) => {
        const v = shownVerdict(c);
        return `Claim ${c.position}: ${c.retraction ? `Retracted${v ? ` (was: ${v.level.label})` : ''}` : v!.level.label}`;
      }),
    );
    const quotes = byTag(doc, 'blockquote').map((q) => text(q).trim());
    const plain = text(doc);
    for (const claim of checked) {
      expect(quotes).toContain(claim.text);
      const v = shownVerdict(claim);
      if (v) expect(plain).toContain(v.rationale.split('\n')[0]);
      if (claim.retraction) expect(plain).toContain(claim.retraction.note.split('\n')[0]);
      for (const s of v?.sources ?? []) expect(plain).toContain(s.title);
    }
  });

  it('tables read back cell by cell: scorecard and every level of the scale with its definition', () => {
    const [scorecard, scale] = byTag(doc, 'table');
    const rows = (table: Element) => byTag(byTag(table, 'tbody')[0], 'tr').map((r) => byTag(r, 'td').map((td) => text(td)));
    expect(rows(scorecard)).toEqual(
      report.scorecard.levels.map(({ level, count }) => [level.label, level.value === null ? '–' : String(level.value), String(count)]),
    );
    expect(rows(scale)).toEqual(
      report.scale.levels.map((l) => [
        `${l.label}${l.archived ? ' (retired)' : ''}`,
        l.value === null ? '–' : String(l.value),
        l.description.replace(/\n/g, ' '),
      ]),
    );
  });

  it('lists the corrections and the events', () => {
    const plain = text(doc);
    for (const c of report.corrections) expect(plain).toContain(c.note.split('\n')[0]);
    for (const e of report.appendix.events) expect(plain).toContain(e.summary);
  });
});

describe('markdown: details', () => {
  it('has its content type and extension', () => {
    expect(markdownFormat.contentType).toBe('text/markdown; charset=utf-8');
    expect(markdownFormat.extension).toBe('md');
  });

  it('escapes inline text so it reads back exactly (property)', () => {
    const printable = fc.string({ unit: 'binary', maxLength: 40 }).map((s) => s.replace(/[\u0000-\u001f\u007f]/g, ' '));
    fc.assert(
      fc.property(printable, (s) => {
        const expected = s.replace(/^[ \t]+|[ \t]+$/g, '');
        fc.pre(expected.length > 0);
        const doc = toDom(`Text: ${mdInline(s)}`);
        expect(text(doc).replace(/\n$/, '')).toBe(`Text: ${expected}`);
        expect(elements(doc).map((e) => e.tagName).filter((t) => !['html', 'head', 'body', 'p', 'a'].includes(t))).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('escapes text at the start of a line (headings, lists, quotes, breaks)', () => {
    const cases = ['# not a heading', '- not a list', '+ not a list', '1. not a list', '3) nor this', '> not a quote', '---', '***', '===', '    not code', '<div>raw</div>', '`code`', '| a | b |', '[x](https://evil.example)', '![i](https://evil.example/i.png)', '&lt;', '$x$'];
    for (const c of cases) {
      const doc = toDom(mdInline(c));
      expect([c, byTag(doc, 'p').map((p) => text(p))]).toEqual([c, [c.trimStart()]]);
    }
  });

  it('keeps multi-line text inside its block, one line per line', () => {
    const doc = toDom(`> ${mdBlock('first\n# second\n\n- third\n    fourth', '> ')}`);
    const quote = byTag(doc, 'blockquote');
    expect(quote).toHaveLength(1);
    expect(text(quote[0]).trim()).toBe('first\n# second\n- third\nfourth');
    expect(byTag(doc, 'h1')).toHaveLength(0);
    expect(byTag(doc, 'ul')).toHaveLength(0);
  });

  it('links only http(s) URLs', () => {
    expect(mdUrl('https://a.example/x?y=1&z=2')).toBe('<https://a.example/x?y=1&z=2>');
    expect(mdUrl('javascript:alert(1)')).toBe('javascript:alert(1)');
    expect(mdLink('t', 'javascript:alert(1)')).toBe('t');
    expect(byTag(toDom(mdLink('a [b]', 'https://a.example/')), 'a').map((a) => [attr(a, 'href'), text(a)])).toEqual([
      ['https://a.example/', 'a [b]'],
    ]);
  });

  it('the desk edition has the audit: who reviewed and who did what; the public one has neither', () => {
    const desk = renderMarkdown(deskReport());
    expect(desk).toContain('### Who reviewed');
    expect(desk).toContain('| When | What | Claim | Who |');
    const pub = renderMarkdown(publicReport());
    expect(pub).not.toContain('Who reviewed');
    expect(pub).toContain('| When | What | Claim |');
    expect(pub).not.toContain('Desk only');
  });

  it('the adversarial title reads back exactly', () => {
    const report = adversarialReport('public');
    expect(text(byTag(toDom(renderMarkdown(report)), 'h1')[0])).toBe(`Fact-check report: ${report.article.title}`);
  });
});
