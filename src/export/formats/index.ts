import type { ReportFormat } from '../report.model';
import { forAudience } from '../render-helpers';
import { annotationsFormat } from './annotations';
import { claimReviewFormat } from './claimreview';
import { csvFormat } from './csv';
import { htmlFormat } from './html';
import { jsonFormat } from './json';
import { markdownFormat } from './markdown';

/**
 * Every export format by name. Adding a format is one module in this folder and one line here. Each renderer
 * guards the public audience itself (render-helpers forAudience); json.ts prints the model as it is, so it is
 * registered through the same guard.
 */
export const FORMATS: Readonly<Record<string, ReportFormat>> = Object.freeze({
  json: { ...jsonFormat, render: (report) => jsonFormat.render(forAudience(report)) },
  csv: csvFormat,
  markdown: markdownFormat,
  html: htmlFormat,
  claimreview: claimReviewFormat,
  annotations: annotationsFormat,
});

export const formatNames: readonly string[] = Object.freeze(Object.keys(FORMATS));
