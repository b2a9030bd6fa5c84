/**
 * Reports: an article's checked claims as JSON, CSV, Markdown, HTML, ClaimReview JSON-LD or W3C Web Annotations
 * (`?format=`), for the desk or the public (`?audience=`), and the whole desk streamed as CSV or JSON. Every signed-in
 * user may export what they can read (the blind rule applies to desk reports); anonymous callers get nothing.
 */
import { z } from 'zod';
import { signedIn } from '../http/access';
import { IdParams } from '../http/common-schemas';
import { defineRoute, STREAMED } from '../http/route';
import { contentDisposition, REPORT_CSP, reportFileName } from './download';
import { FORMATS } from './formats';
import { DeskExportQuery, ReportQuery } from './report.schema';
import { DeskRowResponse, JsonLdResponse, ReportResponse } from './report.response';

const text = z.string();
/** The media types of the formats, each with its schema: the JSON report's shape, JSON-LD, or text. */
const reportContent = Object.fromEntries(
  Object.values(FORMATS).map((f) => {
    const type = f.contentType.split(';')[0];
    return [type, type === 'application/json' ? ReportResponse : type === 'application/ld+json' ? JsonLdResponse : text];
  }),
);

export const reportRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/articles/:id/report',
    operationId: 'getArticleReport',
    tags: ['Reports'],
    summary: 'Export an article and its checked claims in one format',
    description:
      'Formats: `json` (the complete report), `csv` (one row per claim), `markdown`, `html` (a self-contained, ' +
      'printable page), `claimreview` (schema.org ClaimReview JSON-LD of the published claims; always public), ' +
      '`annotations` (a W3C Web Annotation collection). `audience=public` holds only published (and retracted) ' +
      'verdicts and never names, votes, drafts or desk notes. The file name comes from the title.',
    access: signedIn,
    request: { params: IdParams, query: ReportQuery },
    responses: {
      200: {
        description: 'The report, with Content-Disposition naming the file',
        content: reportContent,
        headers: { 'Content-Disposition': { description: 'attachment (inline for html) with a file name built from the title' } },
      },
    },
    handler: async ({ params, query, actor, services, res }) => {
      const format = FORMATS[query.format];
      const audience = format.publicOnly ? 'public' : query.audience;
      const report = await services.reports.build(params.id, actor, audience);
      const body = format.render(report);
      const fileName = reportFileName(report.article.title, report.article.id, format.extension, audience);
      res.setHeader('Content-Type', format.contentType);
      res.setHeader('Content-Disposition', contentDisposition(format.name === 'html' ? 'inline' : 'attachment', fileName));
      if (format.name === 'html') res.setHeader('Content-Security-Policy', REPORT_CSP);
      res.status(200).end(body);
      return STREAMED;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/reports',
    operationId: 'exportDesk',
    tags: ['Reports'],
    summary: 'Stream the whole desk: one row per claim, as CSV or JSON',
    description:
      'Rows are written while they are read (pages of claims, backpressure respected), so memory stays flat however ' +
      'large the desk. Filters: articles imported `from`/`to` (UTC days), claim `status`. The blind rule applies per claim.',
    access: signedIn,
    request: { query: DeskExportQuery },
    responses: {
      200: {
        description: 'The rows, streamed',
        content: { 'text/csv': text, 'application/json': z.array(DeskRowResponse) },
        headers: { 'Content-Disposition': { description: 'attachment; desk-YYYY-MM-DD.csv or .json' } },
      },
    },
    handler: async ({ query, actor, services, res }) => {
      await services.deskExport.stream(query, actor, res);
      return STREAMED;
    },
  }),
];
