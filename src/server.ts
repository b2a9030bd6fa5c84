import type { Server } from 'node:http';
import { buildApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { openDatabase, type Database } from './db/database';
import { loadEnvFile } from './env-file';
import { createLogger, type Logger } from './logger';
import { isDatabaseEmpty, loadDemoData } from '../seed/demo-data';
import { resolveJwtSecret } from './auth/jwt-secret';
import { createUserService } from './users/users.service';

const SHUTDOWN_GRACE_MS = 10_000;

async function main() {
  loadEnvFile();
  let config: Readonly<Config>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const db = await openDatabase(config, logger, { migrate: config.migrateOnStart });
  await loadDemoDataIfFresh(config, db, logger);
  await ensureBootstrapAdmin(config, db, logger);

  const app = buildApp({ db, config, logger, jwtSecret: resolveJwtSecret(config) });
  const server = app.listen(config.port, config.host ?? '::', () => {
    logger.info({ port: config.port, database: config.database.kind }, `Checkmate listening on http://localhost:${config.port}`);
  });
  server.on('error', (error) => {
    logger.fatal({ err: error }, 'could not listen');
    void db.close().finally(() => process.exit(1));
  });
  installShutdown(server, db, logger);
}

async function loadDemoDataIfFresh(config: Readonly<Config>, db: Database, logger: Logger) {
  if (!db.embedded || !config.seedDemoData) return;
  if (config.nodeEnv === 'production') {
    logger.warn('NODE_ENV=production: demo accounts are not created on the embedded database');
    return;
  }
  if (!(await isDatabaseEmpty(db))) return;
  const report = await loadDemoData(db);
  logger.info(report, 'empty embedded database: demo accounts and the sample article loaded (see README)');
}

async function ensureBootstrapAdmin(config: Readonly<Config>, db: Database, logger: Logger) {
  if (!config.bootstrapAdmin) return;
  const { email, password } = config.bootstrapAdmin;
  const outcome = await createUserService(db).ensureAdmin(email, password);
  logger.info({ email }, outcome === 'created' ? 'admin account created from ADMIN_EMAIL' : 'admin account from ADMIN_EMAIL exists');
}

/** Stop accepting connections, let in-flight requests finish, then close the database (and embedded server). */
function installShutdown(server: Server, db: Database, logger: Logger) {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.warn('in-flight requests did not finish in time; closing connections');
      server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(async () => {
      clearTimeout(force);
      try {
        await db.close();
        logger.info('stopped');
        process.exit(0);
      } catch (error) {
        logger.error({ err: error }, 'error while closing the database');
        process.exit(1);
      }
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
