import { z, type ZodType } from 'zod';
import { ValidationError, type ErrorDetail } from '../errors';

/** Validates one part of a request with its zod schema; failures are 400 with one detail per problem. */
export function parsePart(location: string, schema: ZodType | undefined, value: unknown): unknown {
  if (!schema) return undefined;
  if (location === 'body' && value === undefined) {
    throw new ValidationError('A request body is required', [{ path: 'body', message: 'is required' }]);
  }
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  throw new ValidationError(`Invalid request ${location}`, toDetails(location, result.error));
}

function toDetails(location: string, error: z.ZodError): ErrorDetail[] {
  return error.issues.map((issue) => ({
    path: [location, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}
