import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { PayloadTooLargeError, UnsupportedMediaTypeError } from '../errors';

/**
 * Body parsers for article imports. ARTICLE_MAX_BYTES limits the article as stored (UTF-8 bytes of the decoded
 * body, checked by the article service), not the request: JSON escapes make the request bigger than the text
 * it carries, up to 6 bytes (`\u0041`) for each 1-byte character. So the raw limit is 6 × the article limit
 * plus an envelope for the metadata: every article within the limit fits however it is escaped, and the bytes
 * read and parsed stay bounded. A text/plain body is the article itself, so its raw limit is the article limit.
 *
 * Both assume UTF-8 (JSON must be UTF-8, RFC 8259); another declared charset is refused with 415, since
 * e.g. UTF-16 would need other multiples.
 */

/** Headroom over the escaped article for the JSON envelope and metadata (title, url, outlet …). */
export const JSON_ENVELOPE_BYTES = 64 * 1024;
/** The longest JSON escape of one UTF-8 byte: `\u0041` (6 bytes) for a 1-byte character. */
export const MAX_JSON_ESCAPE_EXPANSION = 6;

export function articleRequestLimits(articleMaxBytes: number) {
  return { json: articleMaxBytes * MAX_JSON_ESCAPE_EXPANSION + JSON_ENVELOPE_BYTES, text: articleMaxBytes };
}

const UTF8_CHARSETS = new Set(['utf-8', 'utf8', 'us-ascii']);

const requireUtf8: RequestHandler = (req, _res, next) => {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(req.headers['content-type'] ?? '')?.[1]?.toLowerCase();
  if (charset !== undefined && !UTF8_CHARSETS.has(charset)) {
    return next(new UnsupportedMediaTypeError(`charset=${charset} is not supported; send the body as UTF-8`));
  }
  next();
};

/** Says which limit a too-large request broke, in terms of the article limit the client configured against. */
function explainTooLarge(articleMaxBytes: number): ErrorRequestHandler {
  return (error, _req, _res, next) => {
    if ((error as { type?: string } | null)?.type !== 'entity.too.large') return next(error);
    const { limit } = error as { limit: number };
    next(
      new PayloadTooLargeError(
        `Request body exceeds the request limit of ${limit} bytes (articles may have at most ${articleMaxBytes} bytes)`,
      ),
    );
  };
}

export function articleBodyParsers(articleMaxBytes: number): Array<RequestHandler | ErrorRequestHandler> {
  const limits = articleRequestLimits(articleMaxBytes);
  return [
    requireUtf8,
    express.json({ limit: limits.json }),
    express.text({ type: 'text/plain', limit: limits.text }),
    explainTooLarge(articleMaxBytes),
  ];
}
