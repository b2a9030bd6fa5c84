import { z, type ZodType } from 'zod';
import { ValidationError, type ErrorDetail } from '../errors';

/** Validates one part of a request with its zod schema; failures are 400 with one detail per problem. */
export function parsePart(location: string, schema: ZodType | undefined, value: unknown): unknown {
  if (!schema) return undefined;
  if (location === 'body' && value === undefined) {
    throw new ValidationError('A request body is required', [{ path: 'body', message: 'is required' }]);
  }
  const unstorable = unstorableText(location, value);
  if (unstorable.length > 0) throw new ValidationError(`Invalid request ${location}`, unstorable);
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

const NUL = /\u0000/;
/** A high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const MAX_DETAILS = 20;

function textProblem(text: string): string | undefined {
  if (NUL.test(text)) return 'must not contain NUL (U+0000) characters';
  if (UNPAIRED_SURROGATE.test(text)) return 'must be valid Unicode text (it contains an unpaired surrogate, e.g. \\ud800)';
  return undefined;
}

/**
 * Every string of a request part (values and keys, at any depth) must be text PostgreSQL can store as sent: it
 * refuses NUL in text and JSON columns, and unpaired surrogates (which JSON's `\ud800` escapes can carry) in JSON
 * columns such as the audit trail, while silently replacing them in text ones. Checked once here, for every route,
 * before the schemas, so no such string reaches a service. Iterative: a deeply nested body cannot exhaust the stack.
 */
export function unstorableText(location: string, value: unknown): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const pending: Array<[string, unknown]> = [[location, value]];
  while (pending.length > 0 && details.length < MAX_DETAILS) {
    const [path, current] = pending.pop()!;
    if (typeof current === 'string') {
      const problem = textProblem(current);
      if (problem) details.push({ path, message: problem });
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) pending.push([`${path}.${i}`, current[i]]);
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current).reverse()) {
        const problem = textProblem(key);
        if (problem) details.push({ path: `${path}.${printableKey(key)}`, message: `has a key that ${problem}` });
        else pending.push([`${path}.${key}`, item]);
      }
    }
  }
  return details;
}

/** A key as it can be shown in an error detail (NUL and lone surrogates escaped). */
const printableKey = (key: string) => JSON.stringify(key).slice(1, -1);
