import type { Config } from '../config';
import type { Logger } from '../logger';
import { lockDataDir } from './data-dir-lock';
import { startEmbeddedPostgres } from './embedded';
import { auditTrailExposure, grantServiceRole, roleOf } from './least-privilege';
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
    let migrationUrl: string;
    if (config.database.kind === 'embedded') {
      const started = Date.now();
      closers.push(lockDataDir(config.database.dataDir));
      const embedded = await startEmbeddedPostgres({ dataDir: config.database.dataDir });
      closers.push(() => embedded.stop());
      logger.info({ dataDir: config.database.dataDir, ms: Date.now() - started }, 'embedded PostgreSQL started');
      url = embedded.url;
      migrationUrl = url;
    } else {
      url = config.database.url;
      migrationUrl = config.database.migrationUrl;
    }
    if (options.migrate) {
      const applied = await applyMigrations({ connectionString: migrationUrl, log: (message) => logger.info(message) });
      logger.info({ applied: applied.length }, applied.length ? 'migrations applied' : 'database schema is up to date');
      if (migrationUrl !== url) await grantLeastPrivilege(url, migrationUrl, logger);
    }
    if (config.database.kind === 'external') await warnIfAuditTrailExposed(url, logger);
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

/**
 * With separate roles (MIGRATION_DATABASE_URL for the owner, DATABASE_URL for the service), the service's role
 * gets exactly its rights again after every migration, so new tables are covered and the audit trail stays
 * INSERT/SELECT only (src/db/least-privilege.ts).
 */
async function grantLeastPrivilege(url: string, migrationUrl: string, logger: Logger): Promise<void> {
  const [serviceRole, ownerRole] = await Promise.all([roleOf(url), roleOf(migrationUrl)]);
  if (serviceRole === ownerRole) return;
  await grantServiceRole(migrationUrl, serviceRole);
  logger.info({ serviceRole, ownerRole }, 'service role granted least privilege (audit trail: INSERT and SELECT only)');
}

async function warnIfAuditTrailExposed(url: string, logger: Logger): Promise<void> {
  let problems: string[];
  try {
    problems = await auditTrailExposure(url);
  } catch (error) {
    logger.warn({ err: error }, "could not check the service's database privileges on the audit trail");
    return;
  }
  if (problems.length === 0) return;
  logger.warn(
    { problems },
    "the service's database role can change the audit trail beyond appending (only triggers stop it); run it as a " +
      'least-privilege role with MIGRATION_DATABASE_URL for migrations (README, Security)',
  );
}
