import { z } from 'zod';
import { VersionField } from '../http/common-schemas';
import { PageQuery } from '../http/keyset';

export const PutMyVerdictBody = z
  .object({
    levelKey: z.string({ error: 'must be a level key of the article\'s scale' }).min(1).max(40).nullish(),
    rationale: z.string({ error: 'must be a string' }).trim().max(20_000).optional(),
    sourceIds: z
      .array(z.uuid({ message: 'must be a UUID' }))
      .max(100)
      .refine((ids) => new Set(ids).size === ids.length, 'must not repeat a source')
      .optional()
      .meta({ description: 'Sources attached to this claim that the verdict rests on' }),
    submit: z.boolean({ error: 'must be true or false' }).default(false).meta({ description: 'true submits the verdict (then frozen)' }),
    version: VersionField,
  })
  .strict()
  .meta({ description: 'Fields left out keep their saved value. Submitting needs a level and a rationale (sent or saved).' });
export type PutMyVerdictInput = z.infer<typeof PutMyVerdictBody>;

export const ListVerdictsQuery = PageQuery;

export const VerdictParams = z.object({ id: z.uuid({ message: 'must be a UUID' }), verdictId: z.uuid({ message: 'must be a UUID' }) });

export const LevelSummary = z
  .object({ key: z.string(), label: z.string(), value: z.number().nullable(), color: z.string() })
  .meta({ id: 'LevelSummary' });

export const VerdictResponse = z
  .object({
    id: z.uuid(),
    claimId: z.uuid(),
    reviewer: z.object({ id: z.uuid(), name: z.string() }),
    mine: z.boolean(),
    level: z.union([LevelSummary, z.null()]).meta({ description: 'Null in a draft without a level yet' }),
    rationale: z.string(),
    status: z.enum(['draft', 'submitted']),
    submittedAt: z.iso.datetime().nullable(),
    sourceIds: z.array(z.uuid()),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Verdict' });
