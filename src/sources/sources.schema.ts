import { z } from 'zod';
import { SourceType, Stance } from '../generated/prisma/enums';
import { VersionField } from '../http/common-schemas';
import { PageQuery } from '../http/keyset';
import { normaliseSourceUrl, URL_PROBLEMS } from './source-url';

// ---- Requests ----------------------------------------------------------------------------------------------

export const SourceTypeSchema = z.enum(SourceType, { error: `must be one of ${Object.values(SourceType).join(', ')}` });
export const StanceSchema = z.enum(Stance, { error: `must be one of ${Object.values(Stance).join(', ')}` });

const MAX_URL_LENGTH = 2048;

/**
 * An http(s) URL, normalised so the same page is one source record (see source-url.ts). The limit applies to the URL
 * as sent and as stored: normalising percent-encodes non-ASCII characters (up to 12 characters for an emoji), and the
 * stored URL is a unique index key, which PostgreSQL limits to about 2.7 kB.
 */
const SourceUrl = z
  .string({ error: 'must be a string' })
  .max(MAX_URL_LENGTH, `must be at most ${MAX_URL_LENGTH} characters`)
  .transform((value, ctx) => {
    const result = normaliseSourceUrl(value);
    if ('problem' in result) {
      ctx.addIssue({ code: 'custom', message: URL_PROBLEMS[result.problem] });
      return z.NEVER;
    }
    if (result.url.length > MAX_URL_LENGTH) {
      ctx.addIssue({
        code: 'custom',
        message: `must be at most ${MAX_URL_LENGTH} characters once normalised (non-ASCII characters count as their percent-encoding; this one has ${result.url.length})`,
      });
      return z.NEVER;
    }
    return result.url;
  });

const Text = (max: number) => z.string({ error: 'must be a string' }).trim().min(1, 'must not be empty').max(max);
const CalendarDate = z.iso.date({ error: 'must be a date like 2025-03-02' }).refine((v) => {
  const year = Number(v.slice(0, 4));
  return year >= 1900 && year <= 9999;
}, 'must be a real date from 1900 on');

const RecordFields = {
  title: Text(500),
  publisher: Text(300).nullish(),
  sourceType: SourceTypeSchema,
  accessedAt: CalendarDate.nullish().meta({ description: 'When the source was consulted (default: today)' }),
  archivedUrl: SourceUrl.nullish().meta({ description: 'A copy in an archive, e.g. the Wayback Machine' }),
};

export const AddClaimSourceBody = z
  .object({
    url: SourceUrl,
    ...RecordFields,
    stance: StanceSchema,
    excerpt: Text(5000).nullish().meta({ description: 'The passage that bears on the claim, quoted' }),
  })
  .strict();
export type AddClaimSourceInput = z.infer<typeof AddClaimSourceBody>;

export const UpdateClaimSourceBody = z
  .object({ stance: StanceSchema.optional(), excerpt: Text(5000).nullable().optional(), version: VersionField })
  .strict()
  .refine((b) => b.stance !== undefined || b.excerpt !== undefined, { message: 'send stance or excerpt' });
export type UpdateClaimSourceInput = z.infer<typeof UpdateClaimSourceBody>;

export const UpdateSourceBody = z
  .object({
    title: RecordFields.title.optional(),
    publisher: Text(300).nullable().optional(),
    sourceType: SourceTypeSchema.optional(),
    accessedAt: CalendarDate.nullable().optional(),
    archivedUrl: SourceUrl.nullable().optional(),
    version: VersionField,
  })
  .strict()
  .refine((b) => Object.keys(b).some((k) => k !== 'version'), { message: 'send at least one of title, publisher, sourceType, accessedAt, archivedUrl' });
export type UpdateSourceInput = z.infer<typeof UpdateSourceBody>;

export const ClaimSourceParams = z.object({ id: z.uuid({ message: 'must be a UUID' }), sourceId: z.uuid({ message: 'must be a UUID' }) });

export const ListSourcesQuery = PageQuery.extend({
  q: z.string().trim().min(1).max(200).optional().meta({ description: 'Title or URL contains this text (literal)' }),
});
export type ListSourcesQuery = z.infer<typeof ListSourcesQuery>;

// ---- Responses ---------------------------------------------------------------------------------------------

const Person = z.object({ id: z.uuid(), name: z.string() });

const SourceRecord = {
  url: z.string(),
  title: z.string(),
  publisher: z.string().nullable(),
  sourceType: SourceTypeSchema,
  accessedAt: z.iso.date().nullable(),
  archivedUrl: z.string().nullable(),
};

export const ClaimSourceResponse = z
  .object({
    sourceId: z.uuid().meta({ description: 'The source record; the same URL on several claims is one record' }),
    claimId: z.uuid(),
    ...SourceRecord,
    sourceVersion: z.number().int().meta({ description: "The record's version (for PATCH /api/sources/{id})" }),
    stance: StanceSchema,
    excerpt: z.string().nullable(),
    addedBy: Person.nullable(),
    version: z.number().int().meta({ description: "This link's version (stance and excerpt)" }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'ClaimSource' });

export const SourceResponse = z
  .object({
    id: z.uuid(),
    ...SourceRecord,
    usedOnClaims: z.number().int().meta({ description: 'How many claims this source is attached to' }),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Source' });

export const SourceDetailResponse = SourceResponse.extend({
  usages: z
    .array(
      z.object({
        claimId: z.uuid(),
        articleId: z.uuid(),
        articleTitle: z.string(),
        claimText: z.string(),
        stance: StanceSchema,
        excerpt: z.string().nullable(),
      }),
    )
    .meta({ description: 'Where the desk used this source (the 200 most recent)' }),
}).meta({ id: 'SourceDetail' });
