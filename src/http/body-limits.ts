import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from '../errors';

/**
 * Body parsers for article imports. ARTICLE_MAX_BYTES limits the article as stored (UTF-8 bytes of the decoded
 * body, checked by the article service), not the request: JSON escapes make the request bigger than the text
 * it carries, up to 6 bytes (`\u0041`) for each 1-byte character. So the raw limit is 6 × the article limit
 * plus an envelope for the metadata: every article within the limit fits however it is escaped, and the bytes
 * read and parsed stay bounded. A text/plain body is the article itself, so its raw limit is the article limit.
 *
 * Both assume UTF-8 (JSON must be UTF-8, RFC 8259); another declared charset is refused with 415, since
 * e.g. UTF-16 would need other multiples, and bytes that are not UTF-8 with 400.
 */

/** Headroom over the escaped article for the JSON envelope and metadata (title, url, outlet …). */
export const JSON_ENVELOPE_BYTES = 64 * 1024;
/** The longest JSON escape of one UTF-8 byte: `\u0041` (6 bytes) for a 1-byte character. */
export const MAX_JSON_ESCAPE_EXPANSION = 6;

export function articleRequestLimits(articleMaxBytes: number) {
  return { json: articleMaxBytes * MAX_JSON_ESCAPE_EXPANSION + JSON_ENVELOPE_BYTES, text: articleMaxBytes };
}

const UTF8_CHARSETS = new Set(['utf-8', 'utf8', 'us-ascii']);

/**
 * Refuses a body whose bytes are not UTF-8 (after any Content-Encoding): the parsers would otherwise replace each bad
 * sequence with U+FFFD, and the body would no longer be stored as sent.
 */
export function rejectInvalidUtf8(_req: IncomingMessage, _res: ServerResponse, body: Buffer): void {
  if (isUtf8(body)) return;
  throw new ValidationError('The request body is not valid UTF-8', [{ path: 'body', message: 'is not valid UTF-8; send the body encoded as UTF-8' }]);
}

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
    express.json({ limit: limits.json, verify: rejectInvalidUtf8 }),
    express.text({ type: 'text/plain', limit: limits.text, verify: rejectInvalidUtf8 }),
    explainTooLarge(articleMaxBytes),
  ];
}

/** The parser of every other JSON body: small, and UTF-8 only like the article parsers. */
export function smallJsonBodyParsers(limit: string): RequestHandler[] {
  return [requireUtf8, express.json({ limit, verify: rejectInvalidUtf8 })];
}
