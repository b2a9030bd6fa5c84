import type { Request, Response } from 'express';
import type { z, ZodType } from 'zod';
import type { Actor } from '../auth/actor';
import type { Services } from '../services';
import type { Access } from './access';
import type { ExpectedVersion } from './versions';

/**
 * One declaration per route: method, path, who may call it, request and response schemas, and the handler.
 * The same entry builds the Express route (src/http/mount-routes.ts), the OpenAPI operation
 * (src/openapi/route-docs.ts) and the permission-matrix test, so the three cannot drift.
 */

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ResponseSpec {
  description: string;
  /** Body schema; omitted for empty responses (204). */
  schema?: ZodType;
  /** Defaults to application/json. */
  contentType?: string;
  /** Several media types (e.g. one per export format), each with its schema when it has one. */
  content?: Record<string, ZodType>;
  headers?: Record<string, { description: string }>;
}

/** An alternative request body: another media type, optionally with metadata in the query string. */
export interface AlternativeBody {
  body: ZodType;
  query?: ZodType;
  description?: string;
}

export interface RequestSpec {
  params?: ZodType;
  query?: ZodType;
  /** JSON body. */
  body?: ZodType;
  /** Other accepted media types, e.g. text/plain for article import. */
  alternatives?: Record<string, AlternativeBody>;
  /** Which body parser limit applies: small JSON (default) or a whole article. */
  bodySize?: 'small' | 'article';
  /** False when the JSON body may be left out (e.g. a version sent as If-Match instead). */
  bodyRequired?: boolean;
}

type Out<T> = T extends ZodType ? z.output<T> : undefined;

export interface RouteInput<Q extends RequestSpec> {
  params: Out<Q['params']>;
  query: Out<Q['query']>;
  body: Out<Q['body']>;
  /** Set when an alternative body was sent: its media type and parsed query and body. */
  alternative?: { mediaType: string; query: unknown; body: unknown };
  /** The version the client read (If-Match or a `version` field), on versioned routes. */
  expectedVersion: ExpectedVersion | undefined;
}

export interface HandlerContext<Q extends RequestSpec, Resource> extends RouteInput<Q> {
  /** The signed-in user; routes with public access get null. */
  actor: Actor;
  /** What the access policy loaded (undefined for role-based access). */
  resource: Resource;
  services: Services;
  req: Request;
  res: Response;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Returned by handlers that wrote the response themselves (streams). */
export const STREAMED = Symbol('streamed');

export interface RouteSpec<Q extends RequestSpec = RequestSpec, Resource = unknown> {
  method: Method;
  /** Express-style path, e.g. /api/claims/:id */
  path: string;
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  access: Access<Resource>;
  request?: Q;
  /** Success responses by status. */
  responses: Record<number, ResponseSpec>;
  /** Error statuses beyond those derived from the declaration (see documentedErrorStatuses). */
  errors?: number[];
  /**
   * Updates that carry the version the client read (If-Match or `version`): `true` requires it (428 without),
   * 'optional' checks it only when sent (workflow steps, which the transition table already guards).
   */
  versioned?: boolean | 'optional';
  handler(ctx: HandlerContext<Q, Resource>): Promise<Reply | typeof STREAMED>;
}

export type AnyRoute = RouteSpec<RequestSpec, any>;

/** Declares a route; the generics let TypeScript type the handler's input from the schemas. */
export function defineRoute<Q extends RequestSpec, Resource = undefined>(spec: RouteSpec<Q, Resource>): AnyRoute {
  return spec as AnyRoute;
}

export const ok = (body: unknown, headers?: Record<string, string>): Reply => ({ status: 200, body, headers });
export const created = (body: unknown, location: string): Reply => ({ status: 201, body, headers: { Location: location } });
export const noContent = (): Reply => ({ status: 204 });

/** Every error status a route can answer, derived from its declaration so the document cannot forget one. */
export function documentedErrorStatuses(route: AnyRoute): number[] {
  const statuses = new Set<number>(route.errors ?? []);
  const req = route.request ?? {};
  const hasBody = Boolean(req.body || req.alternatives);
  if (req.params || req.query || hasBody || route.versioned) statuses.add(400);
  if (route.access.kind !== 'public') {
    statuses.add(401);
    statuses.add(503);
  }
  if (route.access.kind !== 'public' && admittedRolesAreLimited(route.access)) statuses.add(403);
  if (req.params) statuses.add(404);
  if (hasBody) {
    statuses.add(413);
    statuses.add(415);
  }
  if (route.versioned) {
    statuses.add(409);
    statuses.add(412);
  }
  if (route.versioned === true) statuses.add(428);
  return [...statuses].sort((a, b) => a - b);
}

function admittedRolesAreLimited(access: Access<any>): boolean {
  if (access.kind === 'policy') return true;
  if (access.kind === 'roles') return access.roles.length < 3;
  return false;
}
