/** Liveness (/healthz: the process answers) and readiness (/readyz: the database answers). Unauthenticated. */
import { z } from 'zod';
import { publicAccess } from '../http/access';
import { defineRoute, ok } from '../http/route';

const Ready = z.object({ status: z.enum(['ready', 'unavailable']), database: z.enum(['ok', 'unreachable']) });

export const healthRoutes = [
  defineRoute({
    method: 'get',
    path: '/healthz',
    operationId: 'liveness',
    tags: ['Operations'],
    summary: 'Liveness: the process answers',
    access: publicAccess,
    responses: { 200: { description: 'Up', schema: z.object({ status: z.literal('ok') }) } },
    handler: async () => ok({ status: 'ok' }),
  }),
  defineRoute({
    method: 'get',
    path: '/readyz',
    operationId: 'readiness',
    tags: ['Operations'],
    summary: 'Readiness: the database answers within 2 s',
    access: publicAccess,
    responses: {
      200: { description: 'Ready', schema: Ready },
      503: { description: 'The database is unreachable', schema: Ready },
    },
    handler: async ({ services, req }) => {
      const ready = await services.health.databaseReady();
      if (!ready.ok) req.log?.warn({ err: ready.error }, 'readiness check failed');
      return ready.ok
        ? ok({ status: 'ready', database: 'ok' })
        : { status: 503, body: { status: 'unavailable', database: 'unreachable' } };
    },
  }),
];
