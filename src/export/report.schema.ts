import { z } from 'zod';
import { ClaimStatusSchema } from '../domain/enums';
import { formatNames } from './formats';

export const AudienceSchema = z
  .enum(['desk', 'public'], { error: 'must be desk or public' })
  .meta({ description: "desk: what you may read in the desk; public: published verdicts only, no names, votes, drafts or notes" });

export const ReportQuery = z.strictObject({
  format: z.enum(formatNames as [string, ...string[]], { error: `must be one of ${formatNames.join(', ')}` }),
  audience: AudienceSchema.default('desk'),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

const Day = z.iso.date({ error: 'must be a date like 2025-03-02' }).refine((v) => {
  const year = Number(v.slice(0, 4));
  return year >= 1000 && year <= 9999;
}, 'must be a real date between the years 1000 and 9999');

export const DeskExportQuery = z
  .strictObject({
    format: z.enum(['csv', 'json'], { error: 'must be csv or json' }),
    audience: AudienceSchema.default('desk'),
    from: Day.optional().meta({ description: 'Articles imported on or after this day (UTC)' }),
    to: Day.optional().meta({ description: 'Articles imported on or before this day (UTC)' }),
    status: z
      .union([z.string(), z.array(z.string())])
      .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean))
      .pipe(z.array(ClaimStatusSchema).min(1))
      .optional()
      .meta({ description: 'Only claims in these statuses (comma-separated)' }),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] });
export type DeskExportQuery = z.infer<typeof DeskExportQuery>;
