import { FORMATS, formatNames } from '../../../src/export/formats';
import { jsonFormat } from '../../../src/export/formats/json';
import type { Report } from '../../../src/export/report.model';
import { forAudience } from '../../../src/export/render-helpers';
import { allFixtureReports, deskReport, leakyPublicReport, publicReport } from '../../support/report-fixtures';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('the format registry', () => {
  it('lists every format under its own name, JSON included', () => {
    expect([...formatNames].sort()).toEqual(['annotations', 'claimreview', 'csv', 'html', 'json', 'markdown']);
    for (const name of formatNames) {
      const format = FORMATS[name];
      expect(format.name).toBe(name);
      expect(format.contentType).toMatch(/; charset=utf-8$/);
      expect(format.extension).toMatch(/^[a-z]+(\.[a-z]+)?$/);
    }
    expect(new Set(formatNames.map((n) => FORMATS[n].extension)).size).toBe(formatNames.length);
    expect(formatNames.filter((n) => FORMATS[n].publicOnly)).toEqual(['claimreview']);
  });

  it.each(formatNames.map((n) => [n]))('%s is pure: same output at any time, input untouched', (name) => {
    const format = FORMATS[name];
    for (const report of Object.values(allFixtureReports())) {
      const frozen = deepFreeze(structuredClone(report));
      jest.useFakeTimers({ now: new Date('2001-01-01T00:00:00Z') });
      const first = format.render(frozen);
      jest.setSystemTime(new Date('2099-12-31T23:59:59Z'));
      const second = format.render(frozen);
      jest.useRealTimers();
      expect(second).toEqual(first);
      expect(frozen).toEqual(report);
    }
  });
});

describe('json', () => {
  it('reads back to the model, desk and public', () => {
    for (const report of [deskReport(), publicReport()]) {
      expect(JSON.parse(FORMATS.json.render(report) as string)).toEqual(report);
    }
  });

  it('is registered through the public guard; json.ts itself prints the model as it is', () => {
    const leaky: Report = leakyPublicReport();
    expect(JSON.parse(FORMATS.json.render(leaky) as string)).toEqual(forAudience(leaky));
    expect(JSON.parse(jsonFormat.render(leaky) as string)).toEqual(leaky);
    expect(FORMATS.json.contentType).toBe(jsonFormat.contentType);
  });
});
