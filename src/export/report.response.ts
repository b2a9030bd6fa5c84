import { z } from 'zod';
import { ClaimStatusSchema } from '../domain/enums';
import type { Report } from './report.model';
import { LevelSummary } from '../verdicts/verdicts.schema';

/**
 * The JSON report as the API document describes it: the same shape as the model in report.model.ts (a compile-time
 * check below keeps the two in step), so clients can read a report without guessing.
 */
const Level = LevelSummary;
const Source = z.object({
  number: z.number().int(),
  sourceId: z.string(),
  url: z.string(),
  title: z.string(),
  publisher: z.string().nullable(),
  sourceType: z.string(),
  accessedAt: z.string().nullable(),
  archivedUrl: z.string().nullable(),
  stance: z.enum(['supports', 'refutes', 'context']),
  excerpt: z.string().nullable(),
});
const Verdict = z.object({
  revision: z.number().int(),
  state: z.enum(['approved', 'published', 'superseded']),
  level: Level,
  bestValue: z.number().nullable(),
  worstValue: z.number().nullable(),
  rationale: z.string(),
  correctionNote: z.string().nullable(),
  reason: z.string().nullable(),
  approvedAt: z.string(),
  publishedAt: z.string().nullable(),
  supersededAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  publishedBy: z.string().nullable(),
  sources: z.array(Source),
});
const ReportClaim = z.object({
  id: z.string(),
  position: z.number().int(),
  paragraph: z.number().int(),
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  status: ClaimStatusSchema,
  checked: z.boolean(),
  checkWorthy: z.boolean(),
  hint: z.number().nullable(),
  claimant: z.object({ name: z.string(), role: z.string().nullable() }).nullable(),
  claimDate: z.string().nullable(),
  finalVerdict: Verdict.nullable(),
  publishedVerdict: Verdict.nullable(),
  publishedRevisions: z.array(Verdict),
  retraction: z.object({ note: z.string(), at: z.string() }).nullable(),
  sources: z.array(Source),
  review: z
    .object({
      consensus: z
        .object({
          rule: z.enum(['majority', 'unanimous', 'editor']),
          level: Level.nullable(),
          distribution: z.array(z.object({ level: Level, count: z.number().int() })),
          agreement: z.number().nullable(),
          submitted: z.number().int(),
        })
        .nullable(),
      verdicts: z.array(
        z.object({
          reviewer: z.string(),
          status: z.enum(['draft', 'submitted']),
          level: Level.nullable(),
          rationale: z.string(),
          submittedAt: z.string().nullable(),
          sourceNumbers: z.array(z.number().int()),
        }),
      ),
      reviewers: z.array(z.string()),
    })
    .nullable(),
  notes: z.array(z.object({ author: z.string(), body: z.string(), createdAt: z.string() })),
  statusChangedAt: z.string(),
});

export const ReportResponse = z
  .object({
    generatedAt: z.string(),
    audience: z.enum(['desk', 'public']),
    organisation: z.object({ name: z.string(), url: z.string() }),
    reportUrl: z.string(),
    article: z.object({
      id: z.string(),
      title: z.string(),
      url: z.string().nullable(),
      outlet: z.string().nullable(),
      author: z.string().nullable(),
      publishedAt: z.string().nullable(),
      importedAt: z.string(),
      body: z.string(),
      claimCount: z.number().int(),
    }),
    scale: z.object({
      id: z.string(),
      name: z.string(),
      bestValue: z.number().nullable(),
      worstValue: z.number().nullable(),
      levels: z.array(Level.extend({ description: z.string(), archived: z.boolean() })),
    }),
    claims: z.array(ReportClaim),
    scorecard: z.object({ levels: z.array(z.object({ level: Level, count: z.number().int() })), checked: z.number().int(), unchecked: z.number().int() }),
    corrections: z.array(
      z.object({ claimId: z.string(), position: z.number().int(), revision: z.number().int(), note: z.string(), publishedAt: z.string(), from: Level, to: Level }),
    ),
    appendix: z.object({
      reviewers: z.array(z.object({ name: z.string(), submitted: z.number().int() })),
      events: z.array(z.object({ at: z.string(), action: z.string(), claimId: z.string().nullable(), actor: z.string().nullable(), summary: z.string() })),
      methodology: z.string(),
    }),
  })
  .meta({ id: 'Report', description: 'The complete report (format=json); see README "Exporting reports"' });

/** JSON-LD: ClaimReview objects (an array) or a Web Annotation collection (an object). */
export const JsonLdResponse = z
  .union([z.array(z.record(z.string(), z.unknown())), z.record(z.string(), z.unknown())])
  .meta({ description: 'format=claimreview: an array of schema.org ClaimReview objects; format=annotations: a W3C Web Annotation collection' });

/** One row of the streamed desk export in JSON: the per-article CSV's fields, plus the article and the verdict state. */
export const DeskRowResponse = z
  .object({
    articleId: z.string(),
    articleTitle: z.string(),
    articleUrl: z.string().nullable(),
    claimId: z.string(),
    position: z.number().int(),
    paragraph: z.number().int(),
    text: z.string(),
    status: ClaimStatusSchema,
    checkWorthy: z.boolean(),
    verdictLabel: z.string().nullable(),
    verdictValue: z.number().nullable(),
    rationale: z.string().nullable(),
    sourceUrls: z.array(z.string()),
    reviewers: z.array(z.string()),
    claimDate: z.string().nullable(),
    publishedAt: z.string().nullable(),
    correctedAt: z.string().nullable(),
    verdictState: z.enum(['approved', 'published']).nullable(),
    claimant: z.string().nullable(),
    retractedAt: z.string().nullable(),
  })
  .meta({ id: 'DeskExportRow' });

// Compile-time proof that the documented shape is the model's.
export const reportResponseMatchesModel = (report: Report): z.infer<typeof ReportResponse> => report;
