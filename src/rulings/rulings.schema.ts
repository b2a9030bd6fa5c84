import { z } from 'zod';
import { VersionField } from '../http/common-schemas';
import { LevelSummary } from '../verdicts/verdicts.schema';

const Text = (max: number) => z.string({ error: 'must be a string' }).trim().min(1, 'must not be empty').max(max);
const LevelKey = z.string({ error: 'must be a level key of the article\'s scale' }).min(1).max(40);

export const ApproveBody = z
  .object({
    levelKey: LevelKey,
    rationale: Text(20_000).meta({ description: 'The public rationale' }),
    reason: Text(5_000).optional().meta({ description: 'Required when the level differs from the consensus or there is none' }),
    version: VersionField,
  })
  .strict();
export type ApproveInput = z.infer<typeof ApproveBody>;

export const PublishBody = z.object({ version: VersionField }).strict();

export const ReturnBody = z.object({ note: Text(5_000).meta({ description: 'What the reviewers should look at again' }), version: VersionField }).strict();

export const CorrectionBody = z
  .object({
    levelKey: LevelKey.optional(),
    rationale: Text(20_000).optional(),
    note: Text(5_000).meta({ description: 'The public correction note' }),
    version: VersionField,
  })
  .strict()
  .refine((b) => b.levelKey !== undefined || b.rationale !== undefined, { message: 'send a new levelKey, a new rationale, or both', path: ['levelKey'] });
export type CorrectionInput = z.infer<typeof CorrectionBody>;

export const RetractBody = z.object({ note: Text(5_000).meta({ description: 'The public note saying why the fact-check is withdrawn' }), version: VersionField }).strict();

export const SourceSnapshotResponse = z
  .object({
    sourceId: z.uuid(),
    url: z.string(),
    title: z.string(),
    publisher: z.string().nullable(),
    sourceType: z.string(),
    accessedAt: z.string().nullable(),
    archivedUrl: z.string().nullable(),
    stance: z.string(),
    excerpt: z.string().nullable(),
  })
  .meta({ id: 'SourceSnapshot' });

export const RulingResponse = z
  .object({
    id: z.uuid(),
    revision: z.number().int().meta({ description: '1 for the first publication; corrections count up' }),
    state: z.enum(['approved', 'published', 'superseded']).meta({ description: 'approved: not yet public; superseded: replaced by a correction' }),
    level: LevelSummary,
    scale: z.object({ id: z.uuid(), bestValue: z.number().nullable(), worstValue: z.number().nullable() }),
    rationale: z.string(),
    reason: z.string().nullable().meta({ description: 'Desk-only: why the level differs from the consensus' }),
    correctionNote: z.string().nullable(),
    consensus: z
      .object({ levelKey: z.string().nullable(), agreement: z.number().nullable() })
      .nullable()
      .meta({ description: 'The consensus when approved (hidden while the blind rule applies to you)' }),
    sources: z.array(SourceSnapshotResponse).nullable().meta({ description: 'As published (null until published)' }),
    approvedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    approvedAt: z.iso.datetime(),
    publishedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    publishedAt: z.iso.datetime().nullable(),
    supersededAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Ruling' });
