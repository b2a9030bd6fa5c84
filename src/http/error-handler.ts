import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, NotFoundError, RateLimitedError, ServiceUnavailableError } from '../errors';
import type { Logger } from '../logger';

/** The only place that turns errors into HTTP responses: `{ error: { code, message, details?, requestId } }`. */

const STATUS_BY_KIND: Record<AppError['kind'], number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  too_large: 413,
  unsupported_media_type: 415,
  precondition_required: 428,
  rate_limited: 429,
  unavailable: 503,
};

interface HttpFailure {
  status: number;
  code: string;
  message: string;
  details?: unknown;
  extra?: Record<string, unknown>;
  retryAfterSeconds?: number;
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
      if (error.status === 400 || error.status === 413 || error.status === 415) {
        return { status: error.status, code: 'BAD_REQUEST', message: 'The request could not be read' };
      }
      return undefined;
  }
}

/**
 * Express answers a path parameter with a malformed percent-escape (`/api/claims/%E0%A4%A`, `%zz`, a lone `%`) by
 * throwing a URIError (status 400) before any handler runs.
 */
function fromMalformedUrl(error: unknown): HttpFailure | undefined {
  if (!(error instanceof URIError) || (error as { status?: unknown }).status !== 400) return undefined;
  return {
    status: 400,
    code: 'VALIDATION_FAILED',
    message: 'The URL path contains a malformed percent-escape',
    details: [{ path: 'params', message: 'has a malformed percent-escape (such as %zz, a lone %, or a cut-off %E0%A4%A); write % itself as %25' }],
  };
}

/**
 * PostgreSQL data exceptions that only input can cause: text it cannot store (NUL, unpaired surrogates in JSON),
 * numbers and dates out of a column's range, malformed values of a type, an index key that is too large. The edge
 * validates requests so these never happen (the fuzz test fails if one does); this is the safety net that keeps one
 * the edge missed a 400 instead of a 500. Logged as a warning, so it is still seen and fixed at the edge.
 */
const DATA_EXCEPTIONS = new Set(['22001', '22003', '22007', '22008', '22021', '22P02', '22P05', '54000']);

function sqlState(error: unknown, depth = 0): string | undefined {
  if (!error || typeof error !== 'object' || depth > 5) return undefined;
  const e = error as { name?: unknown; code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } }; cause?: unknown };
  const fromAdapter = e.meta?.driverAdapterError?.cause?.originalCode;
  if (typeof fromAdapter === 'string') return fromAdapter;
  if (e.name !== 'PrismaClientKnownRequestError' && typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  return sqlState(e.cause, depth + 1);
}

function fromDataException(error: unknown): HttpFailure | undefined {
  const state = sqlState(error);
  if (!state || !DATA_EXCEPTIONS.has(state)) return undefined;
  return {
    status: 400,
    code: 'UNSTORABLE_VALUE',
    message: 'A value in the request cannot be stored (for example a NUL character, or a number or date out of range)',
  };
}

/** Prisma known-request errors that mean a client mistake rather than a server fault. */
function fromPrisma(error: { code?: string; name?: string }): HttpFailure | undefined {
  if (error.name !== 'PrismaClientKnownRequestError') return undefined;
  if (error.code === 'P2002') return { status: 409, code: 'CONFLICT', message: 'A record with these values already exists' };
  if (error.code === 'P2025') return { status: 404, code: 'NOT_FOUND', message: 'The record was not found' };
  return undefined;
}

/** Connection-level failures (refused, reset, shut down, pool timeout): the database is away, not our bug. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN',
  '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', 'P1001', 'P1002', 'P1017', 'P2024',
]);
const UNAVAILABLE_MESSAGES = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable|the database system is (starting up|shutting down)|terminating connection|Can't reach database/i;
/**
 * Prisma's P2028 is a family of transaction errors; only this one means "no connection came in time" (its
 * `maxWait`): the pool could not get one, because the database is away or every connection is busy.
 */
const TRANSACTION_START_TIMEOUT = /Unable to start a transaction in the given time/;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; kind?: unknown };
  if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
  if (e.code === 'P2028' && typeof e.message === 'string' && TRANSACTION_START_TIMEOUT.test(e.message)) return true;
  if (e.kind === 'DatabaseNotReachable' || e.kind === 'ConnectionClosed' || e.kind === 'SocketTimeout') return true;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}

function toFailure(error: unknown): HttpFailure | undefined {
  if (error instanceof AppError) {
    return {
      status: STATUS_BY_KIND[error.kind],
      code: error.code,
      message: error.message,
      details: error.details,
      extra: error.extra,
      retryAfterSeconds: error instanceof RateLimitedError || error instanceof ServiceUnavailableError ? error.retryAfterSeconds : undefined,
    };
  }
  if (isDatabaseUnavailable(error)) {
    const unavailable = new ServiceUnavailableError();
    return { status: 503, code: unavailable.code, message: unavailable.message, retryAfterSeconds: unavailable.retryAfterSeconds };
  }
  if (error && typeof error === 'object') return fromMalformedUrl(error) ?? fromBodyParser(error) ?? fromPrisma(error) ?? fromDataException(error);
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
    if (failure.status === 503) (req.log ?? logger).warn({ err: error }, 'database unavailable');
    if (failure.code === 'UNSTORABLE_VALUE') (req.log ?? logger).warn({ err: error }, 'the database refused a value the request validation let through');
    if (failure.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(failure.retryAfterSeconds));
    if (failure.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
    const body: Record<string, unknown> = { code: failure.code, message: failure.message };
    if (failure.details) body.details = failure.details;
    Object.assign(body, failure.extra);
    body.requestId = requestId;
    res.status(failure.status).json({ error: body });
  };
}

export const notFoundRoute: RequestHandler = (req, _res, next) => {
  next(Object.assign(new NotFoundError('route'), { message: `No route for ${req.method} ${req.path}` }));
};
