import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, NotFoundError, RateLimitedError } from '../errors';
import type { Logger } from '../logger';

/** The only place that turns errors into HTTP responses: `{ error: { code, message, details?, requestId } }`. */

const STATUS_BY_KIND: Record<AppError['kind'], number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
};

interface HttpFailure {
  status: number;
  code: string;
  message: string;
  details?: unknown;
}

/** Errors thrown by body-parser carry a `type` and a `status`. */
function fromBodyParser(error: { type?: string; status?: number; limit?: number }): HttpFailure | undefined {
  switch (error.type) {
    case 'entity.parse.failed':
      return { status: 400, code: 'MALFORMED_JSON', message: 'Request body is not valid JSON' };
    case 'entity.too.large':
      return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: `Request body exceeds the limit of ${error.limit} bytes` };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Only UTF-8 request bodies are supported' };
    case 'request.aborted':
      return { status: 400, code: 'REQUEST_ABORTED', message: 'The request was aborted' };
    default:
      return undefined;
  }
}

/** Prisma known-request errors that mean a client mistake rather than a server fault. */
function fromPrisma(error: { code?: string; name?: string }): HttpFailure | undefined {
  if (error.name !== 'PrismaClientKnownRequestError') return undefined;
  if (error.code === 'P2002') return { status: 409, code: 'CONFLICT', message: 'A record with these values already exists' };
  if (error.code === 'P2025') return { status: 404, code: 'NOT_FOUND', message: 'The record was not found' };
  return undefined;
}

function toFailure(error: unknown): HttpFailure | undefined {
  if (error instanceof AppError) {
    return { status: STATUS_BY_KIND[error.kind], code: error.code, message: error.message, details: error.details };
  }
  if (error && typeof error === 'object') return fromBodyParser(error) ?? fromPrisma(error);
  return undefined;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const requestId = String(req.id ?? '');
    const failure = toFailure(error);
    if (!failure) {
      (req.log ?? logger).error({ err: error }, 'unhandled error');
      res.status(500).json({ error: { code: 'INTERNAL', message: 'Something went wrong on our side', requestId } });
      return;
    }
    if (error instanceof RateLimitedError) res.setHeader('Retry-After', String(error.retryAfterSeconds));
    if (failure.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
    const body: Record<string, unknown> = { code: failure.code, message: failure.message };
    if (failure.details) body.details = failure.details;
    body.requestId = requestId;
    res.status(failure.status).json({ error: body });
  };
}

export const notFoundRoute: RequestHandler = (req, _res, next) => {
  next(Object.assign(new NotFoundError('route'), { message: `No route for ${req.method} ${req.path}` }));
};
