/** Domain errors: they know nothing about HTTP; src/http/error-handler.ts maps them to statuses. */

export interface ErrorDetail {
  path: string;
  message: string;
}

export abstract class AppError extends Error {
  abstract readonly kind:
    | 'validation'
    | 'unauthenticated'
    | 'forbidden'
    | 'not_found'
    | 'conflict'
    | 'too_large'
    | 'unsupported_media_type'
    | 'rate_limited';

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
    super(`${entity.toUpperCase()}_NOT_FOUND`, id ? `${entity} ${id} was not found` : `${entity} was not found`);
  }
}

export class ConflictError extends AppError {
  readonly kind = 'conflict';
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
