import type { ErrorRequestHandler, Express, NextFunction, Request, RequestHandler, Response } from 'express';
import type { ZodType } from 'zod';
import type { Actor } from '../auth/actor';
import { ForbiddenError, UnsupportedMediaTypeError, ValidationError } from '../errors';
import type { Services } from '../services';
import { STREAMED, type AnyRoute, type Reply, type RequestSpec } from './route';
import { expectedVersionOf } from './versions';
import { parsePart } from './validate';

export interface MountOptions {
  services: Services;
  authenticate: RequestHandler;
  /** Body parsers by size class; they run after authentication, so anonymous callers cannot make us parse megabytes. */
  bodyParsers: Record<NonNullable<RequestSpec['bodySize']>, Array<RequestHandler | ErrorRequestHandler>>;
  /** Check every success body against its documented schema (on in tests, so the document cannot lie). */
  validateResponses: boolean;
}

/** Registers every route of the table on the app, in order. */
export function mountRoutes(app: Express, routes: readonly AnyRoute[], options: MountOptions): void {
  for (const route of routes) {
    const chain: Array<RequestHandler | ErrorRequestHandler> = [];
    if (route.access.kind !== 'public') chain.push(options.authenticate);
    const req = route.request ?? {};
    if (req.body || req.alternatives) chain.push(...options.bodyParsers[req.bodySize ?? 'small']);
    chain.push(runRoute(route, options));
    app[route.method](route.path, ...chain);
  }
}

/**
 * The edge of every route, in the order a caller learns about problems: role (403), params (400), the loaded
 * resource (404) and the policy on it (403), then query and body (400/415), then the handler.
 */
function runRoute(route: AnyRoute, options: MountOptions): RequestHandler {
  const spec = route.request ?? {};
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const actor = req.auth as Actor;
      const access = route.access;
      if (access.kind === 'roles' && !access.roles.includes(actor.role)) {
        throw new ForbiddenError(`This is for ${access.description}; your role is ${actor.role}`);
      }
      const params = parsePart('params', spec.params, req.params);
      let resource: unknown;
      if (access.kind === 'policy') {
        resource = await access.policy.load(params, options.services, actor);
        if (!access.policy.allows(actor, resource)) {
          throw new ForbiddenError(`This is for ${access.policy.description}`);
        }
      }
      const body = readBody(req, spec);
      const query = parsePart('query', body.query ?? spec.query, req.query);
      const rawBody = req.body === undefined && spec.bodyRequired === false ? {} : req.body;
      const parsedBody = parsePart('body', body.schema, rawBody);
      const input = {
        params,
        query: body.alternative ? undefined : query,
        body: body.alternative ? undefined : parsedBody,
        alternative: body.alternative ? { mediaType: body.alternative, query, body: parsedBody } : undefined,
        expectedVersion: route.versioned ? expectedVersionOf(req, (parsedBody as { version?: unknown })?.version) : undefined,
      };
      const reply = await route.handler({ ...input, actor, resource, services: options.services, req, res } as never);
      if (reply === STREAMED) return;
      send(route, reply, res, options.validateResponses);
    } catch (error) {
      next(error);
    }
  };
}

interface ChosenBody {
  schema?: ZodType;
  query?: ZodType;
  alternative?: string;
}

function readBody(req: Request, spec: RequestSpec): ChosenBody {
  const alternatives = Object.entries(spec.alternatives ?? {});
  if (!spec.body && alternatives.length === 0) return {};
  if (!hasBody(req)) return { schema: spec.body };
  if (spec.body && req.is('application/json')) return { schema: spec.body };
  for (const [mediaType, alternative] of alternatives) {
    if (req.is(mediaType)) return { schema: alternative.body, query: alternative.query, alternative: mediaType };
  }
  const accepted = [...(spec.body ? ['application/json'] : []), ...alternatives.map(([type]) => type)];
  throw new UnsupportedMediaTypeError(
    `Content-Type ${req.headers['content-type'] ?? 'none'} is not supported here; send ${accepted.join(' or ')}`,
  );
}

function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

function send(route: AnyRoute, reply: Reply, res: Response, validate: boolean): void {
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
  if (reply.body === undefined) {
    res.status(reply.status).end();
    return;
  }
  if (validate) assertDocumented(route, reply);
  res.status(reply.status).json(reply.body);
}

/** A response that does not match its declared schema is a bug in the service or the document. */
function assertDocumented(route: AnyRoute, reply: Reply): void {
  const declared = route.responses[reply.status];
  if (!declared) throw new Error(`${route.operationId} answered ${reply.status}, which its declaration does not list`);
  if (!declared.schema) return;
  const result = declared.schema.safeParse(reply.body);
  if (!result.success) {
    throw new Error(`${route.operationId} ${reply.status} body does not match its schema: ${ValidationError.name} ${JSON.stringify(result.error.issues.slice(0, 5))}`);
  }
}
