import { z } from 'zod';
import { requiredString } from '../http/common-schemas';
import { PageQuery } from '../http/pagination';

const optionalText = (max: number) => z.string().trim().min(1).max(max).nullish();

/** Accepts an ISO date (2025-03-02) or date-time with offset (2025-03-02T10:00:00Z). */
const PublishedAt = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], {
    error: 'must be an ISO 8601 date or date-time, e.g. 2025-03-02 or 2025-03-02T10:00:00Z',
  })
  .transform((value) => new Date(value));

const ArticleMetadata = z.object({
  title: requiredString().trim().min(1, 'must not be empty').max(500),
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2048).nullish(),
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
export const CreateArticleTextBody = ArticleBodyText;

export const ListArticlesQuery = PageQuery.extend({
  q: z.string().trim().min(1).max(200).optional(),
});
export type ListArticlesQuery = z.infer<typeof ListArticlesQuery>;
