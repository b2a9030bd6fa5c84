/**
 * The public audience leaks nothing of the desk's, in any format, even when the model handed to the renderer
 * still carries desk material (names, votes, drafts, notes, reasons, unpublished verdicts and sources).
 */
import { FORMATS, formatNames } from '../../../src/export/formats';
import type { Report } from '../../../src/export/report.model';
import { adversarialReport, deskReport, DESK_ONLY_MARKERS, leakyPublicReport, publicReport } from '../../support/report-fixtures';

const asText = (out: string | Buffer) => (typeof out === 'string' ? out : out.toString('utf8'));

/** Every string a renderer might print, also in the escaped forms formats use. */
function leaks(output: string): string[] {
  const decoded = output
    .replace(/\\u003c/g, '<')
    .replace(/\\u003e/g, '>')
    .replace(/\\u0026/g, '&')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  return DESK_ONLY_MARKERS.filter((marker) => decoded.includes(marker));
}

const leakyReports: Record<string, Report> = {
  'leaky public report': leakyPublicReport(),
  'leaky adversarial public report': leakyPublicReport(adversarialReport('desk')),
};

describe.each(formatNames.map((name) => [name]))('%s: public audience', (name) => {
  const format = FORMATS[name];

  it.each(Object.entries(leakyReports))('prints nothing of the desk from a %s', (_label, report) => {
    expect(report.audience).toBe('public');
    expect(leaks(asText(format.render(report)))).toEqual([]);
  });

  it('prints nothing of the desk from a correct public report', () => {
    expect(leaks(asText(format.render(publicReport())))).toEqual([]);
  });
});

describe('the leak check is sensitive', () => {
  it('finds desk material in the desk edition of the formats that print it', () => {
    for (const name of ['json', 'csv', 'markdown', 'html', 'annotations']) {
      expect([name, leaks(asText(FORMATS[name].render(deskReport()))).length > 0]).toEqual([name, true]);
    }
  });

  it('the leaky model really carries every marker', () => {
    const json = JSON.stringify(leakyPublicReport());
    for (const marker of DESK_ONLY_MARKERS) expect(json).toContain(marker);
  });
});
