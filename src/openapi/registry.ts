import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { AnyRoute } from '../http/route';
import { registerRoutes } from './route-docs';

/** The OpenAPI document is generated from the route table and the same zod schemas that validate requests. */

const VersionChangeSchema = z.object({
  version: z.number().int(),
  at: z.iso.datetime(),
  by: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  action: z.string(),
  fields: z.array(z.string()),
});

export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string().meta({ example: 'VALIDATION_FAILED' }),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      currentVersion: z.number().int().optional().meta({ description: 'On 409 VERSION_CONFLICT and 412: the stored version' }),
      changes: z.array(VersionChangeSchema).optional().meta({ description: 'Who changed which fields since the version sent' }),
      status: z.string().optional().meta({ description: 'On 409 INVALID_TRANSITION: the current status' }),
      reachable: z.array(z.string()).optional().meta({ description: 'On 409 INVALID_TRANSITION: statuses reachable from here' }),
      requestId: z.string(),
    }),
  })
  .meta({ id: 'Error' });

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (malformed JSON, failed validation, malformed id or cursor)',
  401: 'Missing, invalid, expired or revoked token',
  403: 'Signed in, but not allowed to do this here',
  404: 'Not found',
  409: 'Conflict with the current state (e.g. VERSION_CONFLICT, INVALID_TRANSITION)',
  412: 'If-Match names a version that is no longer current',
  413: 'Payload too large',
  415: 'Unsupported Content-Type',
  428: 'The version you read is required (If-Match or a version field)',
  429: 'Too many attempts; see Retry-After',
  503: 'The database is unavailable; retry (see Retry-After)',
};

export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: ERROR_DESCRIPTIONS[status] ?? 'Error', content: { 'application/json': { schema: ErrorResponse } } },
    ]),
  );
}

/** A keyset page: `{ items, nextCursor }`. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null at the end' }),
  });
}

export function buildOpenApiDocument(routes: readonly AnyRoute[]) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  registerRoutes(registry, routes);
  const document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Checkmate API',
      version: '0.2.0',
      description:
        'Fact-check annotation service: articles are split into sentence claims that a desk checks, sources, rates ' +
        'and publishes. Claim offsets are Unicode code-point offsets into the article body, end exclusive. Lists are ' +
        'keyset pages (`limit`, `cursor` → `{ items, nextCursor }`); updates carry the version they read.',
    },
    security: [{ bearerAuth: [] }],
  });
  return fixNullableRefs(document);
}

type SchemaNode = Record<string, unknown>;
const isNode = (value: unknown): value is SchemaNode => typeof value === 'object' && value !== null;

/**
 * zod-to-openapi writes a registered schema made nullable (`LevelSummary.nullable()`) as
 * `allOf: [{ $ref }, { type: ['object', 'null'] }]`, which no null satisfies (it must match the `$ref` too). Rewrites
 * it as `anyOf: [{ $ref }, { type: 'null' }]`, which says what the code does. The fuzz test validates responses
 * against the document, so a wrong nullable fails there.
 */
export function fixNullableRefs<T>(node: T): T {
  if (Array.isArray(node)) return node.map(fixNullableRefs) as T;
  if (!isNode(node)) return node;
  const fixed: SchemaNode = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, fixNullableRefs(value)]));
  const allOf = fixed.allOf;
  if (Array.isArray(allOf) && allOf.length === 2 && isNode(allOf[0]) && typeof allOf[0].$ref === 'string' && isNode(allOf[1])) {
    const { type, ...rest } = allOf[1];
    if (Array.isArray(type) && type.includes('null')) {
      const { allOf: _replaced, ...others } = fixed;
      return { anyOf: [allOf[0], { type: 'null' }], ...rest, ...others } as T;
    }
  }
  return fixed as T;
}
