import { z } from 'zod';
import { requiredString, VersionField } from '../http/common-schemas';
import { PageQuery } from '../http/keyset';
import { ClaimResponse } from '../claims/claims.schema';

// ---- Requests ----------------------------------------------------------------------------------------------

const optionalText = (max: number) => z.string({ error: 'must be a string' }).trim().min(1, 'must not be empty').max(max).nullish();

/** Accepts an ISO date (2025-03-02) or date-time with offset (2025-03-02T10:00:00Z), years 1000–9999. */
const PublishedAt = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], {
    error: 'must be an ISO 8601 date or date-time, e.g. 2025-03-02 or 2025-03-02T10:00:00Z',
  })
  .transform((value) => new Date(value))
  .refine((date) => !Number.isNaN(date.getTime()) && date.getUTCFullYear() >= 1000 && date.getUTCFullYear() <= 9999, {
    message: 'must be a real date between the years 1000 and 9999',
  });

const Title = requiredString().trim().min(1, 'must not be empty').max(500);
const ArticleUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2048);

const ArticleMetadata = z.object({
  title: Title,
  url: ArticleUrl.nullish(),
  outlet: optionalText(200),
  author: optionalText(200),
  publishedAt: PublishedAt.nullish(),
});

const ArticleBodyText = requiredString()
  .refine((text) => text.trim().length > 0, 'must contain text')
  .refine((text) => !text.includes('\u0000'), 'must not contain NUL characters');

/** JSON import: `{ title, body, url?, outlet?, author?, publishedAt? }`. */
export const CreateArticleBody = ArticleMetadata.extend({ body: ArticleBodyText }).strict();
export type CreateArticleInput = z.infer<typeof CreateArticleBody>;

/** Plain-text import: the request body is the article; metadata comes in the query string. */
export const CreateArticleTextQuery = ArticleMetadata.strict();
export const CreateArticleTextBody = ArticleBodyText.meta({ description: 'The article text, stored exactly as sent' });

export const ListArticlesQuery = PageQuery.extend({
  q: z.string().trim().min(1).max(200).optional().meta({ description: 'Title contains this text (case-insensitive, literal)' }),
});
export type ListArticlesQuery = z.infer<typeof ListArticlesQuery>;

/** Metadata editors may correct after import; the body never changes (claims index into it). */
export const UpdateArticleBody = z
  .object({
    title: Title.optional(),
    url: ArticleUrl.nullable().optional(),
    outlet: optionalText(200),
    author: optionalText(200),
    publishedAt: PublishedAt.nullable().optional(),
    ratingScaleId: z
      .uuid({ message: 'must be a UUID' })
      .nullable()
      .optional()
      .meta({ description: "The scale the article's verdicts use (null: the desk default); fixed once a verdict exists" }),
    version: VersionField,
  })
  .strict()
  .refine((body) => Object.keys(body).some((key) => key !== 'version'), {
    message: 'send at least one of title, url, outlet, author, publishedAt, ratingScaleId',
  });
export type UpdateArticleInput = z.infer<typeof UpdateArticleBody>;

// ---- Responses ---------------------------------------------------------------------------------------------

export const ArticleSummaryResponse = z
  .object({
    id: z.uuid(),
    title: z.string(),
    url: z.string().nullable(),
    outlet: z.string().nullable(),
    author: z.string().nullable(),
    publishedAt: z.iso.datetime().nullable(),
    contentHash: z.string().meta({ description: 'SHA-256 of the body (hex)' }),
    createdById: z.uuid().nullable(),
    claimCount: z.number().int().min(0),
    ratingScaleId: z.uuid().nullable().meta({ description: "The article's rating scale; null: the desk default" }),
    progress: z
      .object({
        total: z.number().int().min(0),
        checkWorthy: z.number().int().min(0),
        checked: z.number().int().min(0).meta({ description: 'Claims approved or later (approved, published, correcting, retracted)' }),
      })
      .meta({ description: 'How far the desk has come with this article' }),
    version: z.number().int().min(1),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'ArticleSummary' });

export const ArticleResponse = ArticleSummaryResponse.extend({
  body: z.string().meta({ description: 'The text exactly as imported' }),
  claims: z.array(ClaimResponse).meta({ description: 'The first claims in article order (at most 200)' }),
  claimsNextCursor: z
    .string()
    .nullable()
    .meta({ description: 'Cursor for GET /api/articles/{id}/claims (position order) when there are more; null otherwise' }),
}).meta({ id: 'Article' });
