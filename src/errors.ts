/** Domain errors: they know nothing about HTTP; src/http/error-handler.ts maps them to statuses. */

export interface ErrorDetail {
  path: string;
  message: string;
}

export type ErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'precondition_failed'
  | 'too_large'
  | 'unsupported_media_type'
  | 'precondition_required'
  | 'rate_limited'
  | 'unavailable';

export abstract class AppError extends Error {
  abstract readonly kind: ErrorKind;
  /** Extra top-level fields of the error body (documented in the one error schema). */
  extra?: Record<string, unknown>;

  constructor(
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  readonly kind = 'validation';
  constructor(message: string, details?: ErrorDetail[], code = 'VALIDATION_FAILED') {
    super(code, message, details);
  }
}

export class UnauthenticatedError extends AppError {
  readonly kind = 'unauthenticated';
  constructor(message = 'Authentication required', code = 'UNAUTHENTICATED') {
    super(code, message);
  }
}

export class ForbiddenError extends AppError {
  readonly kind = 'forbidden';
  constructor(message = 'You do not have permission to do this', code = 'FORBIDDEN') {
    super(code, message);
  }
}

export class NotFoundError extends AppError {
  readonly kind = 'not_found';
  constructor(entity: string, id?: string) {
    super(
      `${entity.toUpperCase().replace(/ /g, '_')}_NOT_FOUND`,
      id ? `${capitalise(entity)} ${id} was not found` : `${capitalise(entity)} was not found`,
    );
  }
}

export class ConflictError extends AppError {
  readonly kind = 'conflict';
  constructor(code: string, message: string, extra?: Record<string, unknown>) {
    super(code, message);
    this.extra = extra;
  }
}

/** One change made by someone else since the version a client read. */
export interface VersionChange {
  version: number;
  at: string;
  by: { id: string; name: string } | null;
  action: string;
  fields: string[];
}

/** A `version` field older than the stored one: 409, naming who changed which fields since. */
export class VersionConflictError extends ConflictError {
  constructor(entity: string, sent: number, current: number, changes: VersionChange[]) {
    super('VERSION_CONFLICT', versionMessage(entity, sent, current, changes), { currentVersion: current, changes });
  }
}

/** A stale `If-Match`: 412, with the same account of what changed. */
export class PreconditionFailedError extends AppError {
  readonly kind = 'precondition_failed';
  constructor(entity: string, sent: number, current: number, changes: VersionChange[]) {
    super('PRECONDITION_FAILED', versionMessage(entity, sent, current, changes));
    this.extra = { currentVersion: current, changes };
  }
}

/** An update that did not say which version it read: 428. */
export class PreconditionRequiredError extends AppError {
  readonly kind = 'precondition_required';
  constructor(entity: string) {
    super(
      'VERSION_REQUIRED',
      `Send the version of the ${entity} you read, as an If-Match header or a "version" field, so concurrent edits are never overwritten`,
    );
  }
}

export class PayloadTooLargeError extends AppError {
  readonly kind = 'too_large';
  constructor(message: string) {
    super('PAYLOAD_TOO_LARGE', message);
  }
}

export class UnsupportedMediaTypeError extends AppError {
  readonly kind = 'unsupported_media_type';
  constructor(message: string) {
    super('UNSUPPORTED_MEDIA_TYPE', message);
  }
}

export class RateLimitedError extends AppError {
  readonly kind = 'rate_limited';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('RATE_LIMITED', message);
  }
}

/** The database cannot be reached right now; the client may retry. */
export class ServiceUnavailableError extends AppError {
  readonly kind = 'unavailable';
  constructor(
    message = 'The database is unavailable; try again shortly',
    readonly retryAfterSeconds = 2,
  ) {
    super('SERVICE_UNAVAILABLE', message);
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function versionMessage(entity: string, sent: number, current: number, changes: VersionChange[]): string {
  const who = [...new Set(changes.map((c) => c.by?.name ?? 'the system'))];
  const fields = [...new Set(changes.flatMap((c) => c.fields))];
  const since = who.length
    ? `: changed by ${who.join(', ')}${fields.length ? ` (${fields.join(', ')})` : ''}`
    : '';
  return `This ${entity} is at version ${current}, not ${sent}${since}; reload it and apply your change again`;
}
