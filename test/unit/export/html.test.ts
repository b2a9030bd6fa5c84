import fc from 'fast-check';
import { htmlFormat, htmlStyleSheet, renderHtml } from '../../../src/export/formats/html';
import type { Report } from '../../../src/export/report.model';
import { contrastRatio, isShownChecked, safeColour, shownVerdict } from '../../../src/export/render-helpers';
import { adversarialReport, allFixtureReports, buildDeskReport, CITY_ARTICLE, deskReport, publicReport, toPublicReport } from '../../support/report-fixtures';
import { attr, byClass, byId, byTag, elements, hasClass, parseHtml, text, type Element } from './html-tree';

const isTag = (el: Element) => hasClass(el, 'tag');

/** `.c-xxxxxx { background-color: …; color: …; }` rules of the page's stylesheet. */
function colourRules(css: string): Map<string, { bg: string; fg: string }> {
  const rules = new Map<string, { bg: string; fg: string }>();
  for (const m of css.matchAll(/\.(c-[0-9a-f]{6}) \{ background-color: (#[0-9a-f]{6}); color: (#[0-9a-f]{6}); \}/g)) {
    rules.set(m[1], { bg: m[2], fg: m[3] });
  }
  return rules;
}

function bodyParagraphs(report: Report): string[] {
  return report.article.body.split(/\r\n|\r|\n/).filter((line) => line.trim().length > 0);
}

describe.each(Object.entries(allFixtureReports()))('html: %s', (_name, report) => {
  const html = renderHtml(report);
  const doc = parseHtml(html);
  const all = elements(doc);

  it('is one self-contained page: no script, no event handler, nothing loaded, no style attribute', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    for (const tag of ['script', 'img', 'iframe', 'object', 'embed', 'link', 'base', 'form', 'video', 'audio', 'source', 'svg', 'frame']) {
      expect([tag, byTag(doc, tag).length]).toEqual([tag, 0]);
    }
    for (const el of all) {
      for (const a of el.attrs) {
        expect(a.name.startsWith('on')).toBe(false);
        expect(['src', 'srcset', 'style', 'background', 'poster', 'action', 'formaction', 'ping']).not.toContain(a.name);
      }
      const href = attr(el, 'href');
      if (href !== undefined) expect(href).toMatch(/^(#[\w-]+|https?:\/\/)/);
    }
    expect(byTag(doc, 'meta').filter((m) => attr(m, 'http-equiv') !== undefined)).toHaveLength(0);
    const styles = byTag(doc, 'style');
    expect(styles).toHaveLength(1);
    const css = text(styles[0]);
    expect(css).not.toMatch(/url\(|@import|expression\(|@font-face/i);
  });

  it('sends no referrer and prints cleanly', () => {
    const referrer = byTag(doc, 'meta').find((m) => attr(m, 'name') === 'referrer');
    expect(referrer && attr(referrer, 'content')).toBe('no-referrer');
    const css = htmlStyleSheet(report);
    expect(css).toContain('@media print');
    expect(css).toMatch(/print-color-adjust: exact/);
    expect(css).toMatch(/nav, \.back \{ display: none; \}/);
  });

  it('shows the article text exactly, paragraph by paragraph (labels aside)', () => {
    const article = byClass(doc, 'article')[0];
    const paragraphs = byTag(article, 'p').map((p) => text(p, isTag));
    expect(paragraphs).toEqual(bodyParagraphs(report));
  });

  it('highlights every checked claim in its verdict colour, labelled, with a footnote to its verdict and sources', () => {
    const css = htmlStyleSheet(report);
    const rules = colourRules(css);
    const checked = report.claims.filter(isShownChecked);
    const marks = byTag(doc, 'mark');
    expect(marks.map((m) => attr(m, 'id'))).toEqual(checked.map((c) => `claim-${c.id}`));

    checked.forEach((claim, i) => {
      const mark = byId(doc, `claim-${claim.id}`) as Element;
      expect(mark.tagName).toBe('mark');
      expect(text(mark, isTag)).toBe(claim.text);
      const verdict = shownVerdict(claim);
      const tag = byClass(mark, 'tag')[0];
      expect(attr(tag, 'href')).toBe(`#verdict-${claim.id}`);
      const label = claim.retraction ? 'Retracted' : (verdict?.level.label as string);
      expect(text(tag)).toContain(label);
      expect(text(tag)).toContain(String(i + 1));
      expect(attr(tag, 'aria-label')).toContain(label);
      if (claim.retraction) {
        expect(hasClass(mark, 'c-retracted')).toBe(true);
      } else {
        const colour = safeColour(verdict!.level.color);
        const cls = `c-${colour.slice(1)}`;
        expect(hasClass(mark, cls)).toBe(true);
        const rule = rules.get(cls)!;
        expect(rule.bg).toBe(colour);
        expect(contrastRatio(rule.bg, rule.fg)).toBeGreaterThanOrEqual(4.5);
      }

      const entry = byId(doc, `verdict-${claim.id}`) as Element;
      expect(entry.tagName).toBe('li');
      const entryText = text(entry);
      expect(entryText).toContain(label);
      expect(entryText).toContain(claim.text);
      if (verdict && !claim.retraction) expect(entryText).toContain(verdict.rationale);
      if (claim.retraction) expect(entryText).toContain(claim.retraction.note);
      const back = byTag(entry, 'a').find((a) => attr(a, 'href') === `#claim-${claim.id}`);
      expect(back).toBeDefined();
      const sources = verdict?.sources.length ? verdict.sources : claim.sources;
      sources.forEach((source) => {
        const item = byId(entry, `source-${claim.id}-${source.number}`) as Element;
        expect(text(item)).toContain(source.title);
        expect(text(item)).toContain(source.url);
        if (source.excerpt) expect(text(item)).toContain(source.excerpt);
        const links = byTag(item, 'a').map((a) => attr(a, 'href'));
        if (/^https?:/.test(source.url)) expect(links).toContain(source.url);
        else expect(links).not.toContain(source.url);
      });
    });
  });

  it('does not highlight claims without a verdict for this audience', () => {
    for (const claim of report.claims.filter((c) => !isShownChecked(c))) {
      expect(byId(doc, `claim-${claim.id}`)).toBeUndefined();
    }
  });

  it('holds the scorecard, the corrections and the appendix with every level of the scale', () => {
    const scorecard = byId(doc, 'scorecard') as Element;
    const rows = byTag(byTag(scorecard, 'tbody')[0], 'tr');
    expect(rows.map((r) => byTag(r, 'td').map((td) => text(td)))).toEqual(
      report.scorecard.levels.map(({ level, count }) => [level.label, level.value === null ? '–' : String(level.value), String(count)]),
    );
    const corrections = byId(doc, 'corrections') as Element;
    for (const c of report.corrections) expect(text(corrections)).toContain(c.note);
    const appendix = byId(doc, 'appendix') as Element;
    const levelRows = byTag(byTag(appendix, 'tbody')[0], 'tr').map((r) => byTag(r, 'td').map((td) => text(td)));
    expect(levelRows.map((r) => [r[0].replace(/ \(retired\)$/, ''), r[1], r[2]])).toEqual(
      report.scale.levels.map((l) => [l.label, l.value === null ? '–' : String(l.value), l.description]),
    );
    expect(text(appendix)).toContain(report.appendix.methodology);
    for (const e of report.appendix.events) expect(text(appendix)).toContain(e.summary);
  });

  it('escapes the title and header text (they read back exactly)', () => {
    expect(text(byTag(doc, 'h1')[0])).toBe(report.article.title);
    expect(text(byTag(doc, 'title')[0])).toBe(`Fact-check: ${report.article.title}`);
  });
});

describe('html: details', () => {
  it('has its content type and extension', () => {
    expect(htmlFormat.contentType).toBe('text/html; charset=utf-8');
    expect(htmlFormat.extension).toBe('html');
  });

  it('the adversarial page keeps markup as text: no element comes from user text', () => {
    const html = renderHtml(adversarialReport('desk'));
    const doc = parseHtml(html);
    expect(byTag(doc, 'b')).toHaveLength(0);
    expect(byTag(doc, 'i')).toHaveLength(0);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('javascript:alert(1)"');
    expect(text(doc)).toContain('<script>alert("claim")</script>');
    // The bad colour never reaches the stylesheet; the fallback grey is used.
    expect(htmlStyleSheet(adversarialReport('desk'))).not.toContain('evil.example');
  });

  it('desk edition shows who reviewed; the public edition does not', () => {
    const desk = text(parseHtml(renderHtml(deskReport())));
    expect(desk).toContain('Desk only');
    expect(desk).toContain('Riley Okafor');
    const pub = text(parseHtml(renderHtml(publicReport())));
    expect(pub).not.toContain('Desk only');
    expect(pub).not.toContain('Riley Okafor');
  });

  it('keeps a claim that a line break cuts: one id on the first piece, one label on the last', () => {
    const report = deskReport();
    const claim = report.claims[0];
    const points = Array.from(report.article.body);
    points.splice(claim.start + 4, 1, '\n');
    const body = points.join('');
    const changed: Report = {
      ...report,
      article: { ...report.article, body },
      claims: report.claims.map((c) => (c.id === claim.id ? { ...c, text: body.slice(claim.start, claim.end) } : c)),
    };
    const doc = parseHtml(renderHtml(changed));
    const pieces = byTag(doc, 'mark').filter((m) => byClass(m, 'tag').length > 0 || attr(m, 'id') === `claim-${claim.id}`);
    expect(elements(doc).filter((el) => attr(el, 'id') === `claim-${claim.id}`)).toHaveLength(1);
    expect(byTag(doc, 'a').filter((a) => attr(a, 'href') === `#verdict-${claim.id}` && hasClass(a, 'tag'))).toHaveLength(1);
    expect(pieces.length).toBeGreaterThan(0);
  });

  it('slices claims by code points whatever precedes them (property)', () => {
    const sentence = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
      .map((s) => s.replace(/[\r\n\u0000]/g, 'x'))
      .filter((s) => s.trim().length > 0);
    fc.assert(
      fc.property(fc.array(fc.array(sentence, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }), (paragraphs) => {
        const desk = buildDeskReport({
          ...CITY_ARTICLE,
          paragraphs: paragraphs.map((p, i) =>
            p.map((s, j) =>
              (i + j) % 2 === 0
                ? { text: s, status: 'published' as const, revisions: [{ level: 'true', rationale: s }], review: 'submitted' as const }
                : { text: s, status: 'unreviewed' as const },
            ),
          ),
        });
        for (const report of [desk, toPublicReport(desk)]) {
          const doc = parseHtml(renderHtml(report));
          for (const claim of report.claims.filter(isShownChecked)) {
            expect(text(byId(doc, `claim-${claim.id}`) as Element, isTag)).toBe(claim.text);
          }
          const article = byClass(doc, 'article')[0];
          expect(byTag(article, 'p').map((p) => text(p, isTag))).toEqual(bodyParagraphs(report));
        }
      }),
      { numRuns: 60 },
    );
  });
});
