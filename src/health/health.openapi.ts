import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

export function registerHealthPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/healthz',
    tags: ['Operations'],
    summary: 'Liveness: the process answers',
    security: [],
    responses: { 200: { description: 'Up', content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } } } },
  });
  registry.registerPath({
    method: 'get',
    path: '/readyz',
    tags: ['Operations'],
    summary: 'Readiness: the database answers',
    security: [],
    responses: {
      200: { description: 'Ready', content: { 'application/json': { schema: z.object({ status: z.string(), database: z.string() }) } } },
      503: { description: 'The database is unreachable' },
    },
  });
}
