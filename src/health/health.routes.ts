/** Liveness (/healthz: the process answers) and readiness (/readyz: the database answers). Unauthenticated. */
import { Router } from 'express';
import type { PrismaClient } from '../db/prisma';

const READY_TIMEOUT_MS = 2_000;

export function healthRouter(prisma: PrismaClient): Router {
  const router = Router();

  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/readyz', async (req, res) => {
    try {
      await withTimeout(prisma.$queryRaw`SELECT 1`, READY_TIMEOUT_MS);
      res.json({ status: 'ready', database: 'ok' });
    } catch (error) {
      req.log?.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'unavailable', database: 'unreachable' });
    }
  });

  return router;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
