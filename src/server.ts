import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { openDatabase, type Database } from './db/database';
import { loadEnvFile } from './env-file';
import { createDrain, type Drain } from './http/graceful-shutdown';
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
  // Not app.listen(port, callback): Express 5 calls that callback on errors too, so "listening" would be
  // logged for a port that is taken. Only the server's own 'listening' event means it is listening.
  const drain = createDrain();
  const server = createServer(drain.handler(app));
  const host = config.host ?? '::';
  server.on('error', (error: NodeJS.ErrnoException) => {
    logger.fatal({ err: error, port: config.port, host }, listenFailure(error, config.port, host));
    void db.close().finally(() => process.exit(1));
  });
  server.once('listening', () => {
    const { port } = server.address() as AddressInfo;
    logger.info({ port, host, database: config.database.kind }, `Checkmate listening on http://localhost:${port}`);
  });
  installShutdown(server, drain, db, logger);
  server.listen(config.port, host);
}

function listenFailure(error: NodeJS.ErrnoException, port: number, host: string): string {
  if (error.code === 'EADDRINUSE') {
    return `Cannot listen: port ${port} is already in use (on ${host}); stop the other process or set PORT to a free port`;
  }
  if (error.code === 'EACCES') return `Cannot listen: no permission to use port ${port}; choose a port above 1023 with PORT`;
  if (error.code === 'EADDRNOTAVAIL') return `Cannot listen: address ${host} is not available on this machine; check HOST`;
  return `Cannot listen on port ${port} (${error.code ?? error.message})`;
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

/**
 * SIGTERM/SIGINT: stop accepting connections, let in-flight requests finish (up to 10 s) while requests arriving
 * on open keep-alive connections get 503 and every connection closes once idle (src/http/graceful-shutdown.ts),
 * then close the database (and embedded server) and exit 0.
 */
function installShutdown(server: Server, drain: Drain, db: Database, logger: Logger) {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await drain.drain(server, SHUTDOWN_GRACE_MS, () => logger.warn('in-flight requests did not finish in time; closing connections'));
    try {
      await db.close();
      logger.info('stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'error while closing the database');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
