import { z } from 'zod';
import { CLAIM_STATUSES, ClaimStatusSchema, type ClaimStatus } from '../domain/enums';
import { VersionField } from '../http/common-schemas';
import { limitParam, PageQuery } from '../http/keyset';

// ---- Requests ----------------------------------------------------------------------------------------------

/** `?status=a,b` or `?status=a&status=b`. */
export const StatusFilter = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean))
  .pipe(z.array(z.enum(CLAIM_STATUSES as [ClaimStatus, ...ClaimStatus[]], { error: `must be one of ${CLAIM_STATUSES.join(', ')}` })).min(1).max(CLAIM_STATUSES.length))
  .meta({ description: `One or more statuses, comma-separated: ${CLAIM_STATUSES.join(', ')}` });

export const BooleanFilter = z.enum(['true', 'false'], { error: 'must be true or false' }).transform((v) => v === 'true');

/** `me`, `none` (unassigned) or a user id. */
export const AssigneeFilter = z
  .union([z.literal('me'), z.literal('none'), z.uuid()], { error: 'must be me, none or a user id' })
  .meta({ description: '`me`, `none` (no one assigned) or a user id' });

export const ListArticleClaimsQuery = PageQuery.extend({
  assignee: AssigneeFilter.optional(),
  limit: limitParam(200),
  status: StatusFilter.optional(),
  checkWorthy: BooleanFilter.optional(),
  sort: z
    .enum(['position', 'worthiness'], { error: 'must be position or worthiness' })
    .default('position')
    .meta({ description: 'position: article order; worthiness: highest check-worthiness hint first' }),
});
export type ListArticleClaimsQuery = z.infer<typeof ListArticleClaimsQuery>;

export const ClaimQueueQuery = PageQuery.extend({
  status: StatusFilter.optional(),
  assignee: AssigneeFilter.optional(),
  overdue: BooleanFilter.optional().meta({ description: 'true: claims with an assignment past due whose verdict is not submitted (of the assignee, when given)' }),
  articleId: z.uuid({ message: 'must be a UUID' }).optional(),
  checkWorthy: BooleanFilter.optional(),
});
export type ClaimQueueQuery = z.infer<typeof ClaimQueueQuery>;

const Claimant = z
  .object({
    name: z.string({ error: 'must be a string' }).trim().min(1, 'must not be empty').max(200),
    role: z.string({ error: 'must be a string' }).trim().min(1, 'must not be empty').max(200).nullish(),
  })
  .strict();

const CalendarDate = z.iso.date({ error: 'must be a date like 2025-03-02' }).refine((value) => {
  const year = Number(value.slice(0, 4));
  return year >= 1000 && year <= 9999;
}, 'must be a real calendar date');

const Offset = z
  .number({ error: 'must be a whole number' })
  .int('must be a whole number')
  .min(0, 'must be 0 or more')
  .max(2_147_483_647, 'is too large');

/** Triage is the editors' decision: check-worthiness, narrowing (start/end within the sentence), claimant. */
export const UpdateClaimBody = z
  .object({
    checkWorthy: z.boolean({ error: 'must be true or false' }).optional(),
    start: Offset.optional().meta({ description: 'Narrow: new start (code points), within the original sentence' }),
    end: Offset.optional().meta({ description: 'Narrow: new end (exclusive), within the original sentence' }),
    claimant: Claimant.nullable().optional().meta({ description: "Who made the claim; null falls back to the article's author" }),
    claimDate: CalendarDate.nullable().optional().meta({ description: "When the claim was made; null falls back to the article's date" }),
    version: VersionField,
  })
  .strict()
  .refine((body) => Object.keys(body).some((key) => key !== 'version'), {
    message: 'send at least one of checkWorthy, start, end, claimant, claimDate',
  });
export type UpdateClaimInput = z.infer<typeof UpdateClaimBody>;

export const SplitClaimBody = z
  .object({
    offset: Offset.meta({ description: 'Code-point offset in the article body where the second claim begins' }),
    version: VersionField,
  })
  .strict();
export type SplitClaimInput = z.infer<typeof SplitClaimBody>;

export const MergeClaimBody = z.object({ version: VersionField }).strict();

// ---- Responses ---------------------------------------------------------------------------------------------

export const ClaimResponse = z
  .object({
    id: z.uuid(),
    articleId: z.uuid(),
    position: z.number().int().min(1).meta({ description: '1-based order of the claim in the article' }),
    paragraph: z.number().int().min(1).meta({ description: '1-based paragraph number' }),
    text: z.string(),
    start: z.number().int().min(0).meta({ description: 'Code-point offset of the first character in the body' }),
    end: z.number().int().min(1).meta({ description: 'Code-point offset just past the last character (exclusive)' }),
    sentenceStart: z.number().int().min(0).meta({ description: 'Start of the sentence the claim was cut from' }),
    sentenceEnd: z.number().int().min(1).meta({ description: 'End of that sentence; narrowing stays within it' }),
    narrowed: z.boolean(),
    checkWorthy: z.boolean(),
    hint: z.number().min(0).max(1).nullable().meta({ description: 'Check-worthiness hint, 0–1 (a triage aid, never a decision)' }),
    status: ClaimStatusSchema,
    statusChangedAt: z.iso.datetime(),
    claimant: z.object({ name: z.string(), role: z.string().nullable() }).nullable(),
    claimantIsDefault: z.boolean().meta({ description: "True when claimant and date fall back to the article's author and date" }),
    claimDate: z.iso.date().nullable(),
    retraction: z
      .object({ note: z.string(), at: z.iso.datetime() })
      .nullable()
      .meta({ description: 'Set when the published fact-check was withdrawn: the public note and when' }),
    verdict: z
      .object({
        key: z.string(),
        label: z.string(),
        value: z.number().nullable(),
        color: z.string(),
        state: z.enum(['approved', 'published']),
      })
      .nullable()
      .meta({ description: "The current final verdict's level: published ones for everyone, approved ones for editors; null otherwise (and once retracted)" }),
    version: z.number().int().min(1),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Claim' });

export const ClaimQueueItem = ClaimResponse.extend({ articleTitle: z.string() }).meta({ id: 'ClaimQueueItem' });

export const HintFeature = z.object({
  name: z.string(),
  weight: z.number().meta({ description: 'Log-odds this feature adds (negative: less check-worthy)' }),
  matched: z.array(z.string()).meta({ description: 'What in the text made it fire' }),
});

/** One claim with everything the claim panel shows (filled in by the review modules; see claim-detail.service.ts). */
export const ClaimDetailBase = ClaimResponse.extend({
  hintFeatures: z.array(HintFeature).meta({ description: 'Why the hint is what it is: the features that fired (docs/check-worthiness.md)' }),
});
