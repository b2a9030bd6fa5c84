import type { OpenAPIRegistry, ResponseConfig, RouteConfig, ZodContentObject } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { admittedCallers, describeAccess } from '../http/access';
import { documentedErrorStatuses, type AnyRoute } from '../http/route';
import { errorResponses } from './registry';

/** Turns route declarations into OpenAPI operations: the same entry that builds the Express route. */
export function registerRoutes(registry: OpenAPIRegistry, routes: readonly AnyRoute[]): void {
  for (const route of routes) registry.registerPath(operationOf(route));
}

export const openApiPath = (expressPath: string) => expressPath.replace(/:(\w+)/g, '{$1}');

const IfMatchHeader = z.object({
  'if-match': z
    .string()
    .optional()
    .meta({ description: 'The ETag (version) you read, e.g. "3". Alternatively send `version` in the body.' }),
});

function operationOf(route: AnyRoute): RouteConfig {
  const req = route.request ?? {};
  const who = describeAccess(route.access);
  const config: RouteConfig = {
    method: route.method,
    path: openApiPath(route.path),
    operationId: route.operationId,
    tags: route.tags,
    summary: route.summary,
    description: [route.description, `**Who:** ${who}.`].filter(Boolean).join('\n\n'),
    'x-permission': { rule: who, callers: admittedCallers(route.access) },
    request: {
      params: req.params as never,
      query: req.query as never,
      headers: route.versioned ? IfMatchHeader : undefined,
      body: requestBody(req),
    },
    responses: { ...successResponses(route), ...errorResponses(...documentedErrorStatuses(route)) },
  };
  if (route.access.kind === 'public') config.security = [];
  return config;
}

function requestBody(req: NonNullable<AnyRoute['request']>): RouteConfig['request'] extends infer R ? (R extends { body?: infer B } ? B : never) : never {
  const content: ZodContentObject = {};
  if (req.body) content['application/json'] = { schema: req.body };
  for (const [mediaType, alternative] of Object.entries(req.alternatives ?? {})) {
    content[mediaType] = { schema: alternative.body };
  }
  if (Object.keys(content).length === 0) return undefined as never;
  return { required: req.bodyRequired !== false, content } as never;
}

function successResponses(route: AnyRoute): Record<number, ResponseConfig> {
  return Object.fromEntries(
    Object.entries(route.responses).map(([status, response]) => [
      status,
      {
        description: response.description,
        headers: response.headers ? headersOf(response.headers) : undefined,
        content: response.content
          ? Object.fromEntries(Object.entries(response.content).map(([type, schema]) => [type, { schema }]))
          : response.schema
            ? { [response.contentType ?? 'application/json']: { schema: response.schema } }
            : undefined,
      },
    ]),
  );
}

function headersOf(headers: Record<string, { description: string }>) {
  return Object.fromEntries(Object.entries(headers).map(([name, h]) => [name, { description: h.description, schema: { type: 'string' as const } }]));
}
