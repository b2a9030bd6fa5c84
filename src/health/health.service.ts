import type { Db } from '../db/sql';
import { pingDatabase } from './health.queries';

const READY_TIMEOUT_MS = 2_000;

export function createHealthService({ pool }: Db) {
  /** True when the database answers within 2 s. */
  async function databaseReady(): Promise<{ ok: true } | { ok: false; error: unknown }> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
    });
    try {
      await Promise.race([pingDatabase(pool), timeout]);
      return { ok: true };
    } catch (error) {
      return { ok: false, error };
    } finally {
      clearTimeout(timer);
    }
  }
  return { databaseReady };
}

export type HealthService = ReturnType<typeof createHealthService>;
