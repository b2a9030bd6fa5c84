import type { Config } from '../config';
import type { Logger } from '../logger';
import { lockDataDir } from './data-dir-lock';
import { startEmbeddedPostgres } from './embedded';
import { applyMigrations } from './migrate';
import { createPrismaClient } from './prisma';
import type { Db } from './sql';
import { backfillHints } from '../triage/hint-backfill';

export interface Database extends Db {
  embedded: boolean;
  close(): Promise<void>;
}

/** Connects to DATABASE_URL, or starts the embedded PostgreSQL in DATA_DIR; optionally migrates first. */
export async function openDatabase(
  config: Pick<Config, 'database'>,
  logger: Logger,
  options: { migrate: boolean },
): Promise<Database> {
  const closers: Array<() => Promise<void> | void> = [];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close();
  };
  try {
    let url: string;
    if (config.database.kind === 'embedded') {
      const started = Date.now();
      closers.push(lockDataDir(config.database.dataDir));
      const embedded = await startEmbeddedPostgres({ dataDir: config.database.dataDir });
      closers.push(() => embedded.stop());
      logger.info({ dataDir: config.database.dataDir, ms: Date.now() - started }, 'embedded PostgreSQL started');
      url = embedded.url;
    } else {
      url = config.database.url;
    }
    if (options.migrate) {
      const applied = await applyMigrations({ connectionString: url, log: (message) => logger.info(message) });
      logger.info({ applied: applied.length }, applied.length ? 'migrations applied' : 'database schema is up to date');
    }
    const client = createPrismaClient({
      url,
      poolSize: config.database.poolSize,
      onConnectionError: (error) => logger.warn({ err: error }, 'database connection lost'),
    });
    closers.push(() => client.close());
    if (options.migrate) {
      const scored = await backfillHints(client.pool);
      if (scored > 0) logger.info({ claims: scored }, 'check-worthiness hints computed for claims imported before hints existed');
    }
    return { prisma: client.prisma, pool: client.pool, embedded: config.database.kind === 'embedded', close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
