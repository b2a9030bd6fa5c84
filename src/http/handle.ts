import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { z, type ZodType } from 'zod';
import { UnsupportedMediaTypeError, ValidationError, type ErrorDetail } from '../errors';

/**
 * The edge of every route: checks the content type, validates params, query and body with one zod schema
 * each, and hands the handler typed input. Handlers never read req.params/query/body themselves.
 */
export interface RouteSchemas {
  params?: ZodType;
  query?: ZodType;
  body?: ZodType;
  /** Media types accepted for the body; defaults to JSON when a body schema is given. */
  accepts?: string[];
}

type Parsed<T> = T extends ZodType ? z.output<T> : undefined;

export interface RouteInput<S extends RouteSchemas> {
  params: Parsed<S['params']>;
  query: Parsed<S['query']>;
  body: Parsed<S['body']>;
}

export function handle<S extends RouteSchemas>(
  schemas: S,
  handler: (input: RouteInput<S>, req: Request, res: Response) => unknown,
): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      if (schemas.body) assertContentType(req, schemas.accepts ?? ['application/json']);
      const input = {
        params: parsePart('params', schemas.params, req.params),
        query: parsePart('query', schemas.query, req.query),
        body: parsePart('body', schemas.body, req.body),
      } as RouteInput<S>;
      await handler(input, req, res);
    } catch (error) {
      next(error);
    }
  };
}

function assertContentType(req: Request, accepts: string[]): void {
  if (!hasBody(req)) return;
  if (!req.is(accepts)) {
    const got = req.headers['content-type'] ?? 'none';
    throw new UnsupportedMediaTypeError(`Content-Type ${got} is not supported here; send ${accepts.join(' or ')}`);
  }
}

function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

function parsePart(location: string, schema: ZodType | undefined, value: unknown): unknown {
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
