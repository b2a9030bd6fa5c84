/**
 * Our service as the bench runs it, in a child process: what src/server.ts does (configuration from the
 * environment, openDatabase, buildApp, listen), without the demo data and the admin bootstrap. The parent sets
 * NODE_ENV=production and LOG_LEVEL=warn. With BENCH_AUTH=off the bearer-token check is replaced by a fixed
 * actor (BENCH_ACTOR), to measure what the check costs; every other middleware stays.
 */
import type { AddressInfo } from 'node:net';
import type { RequestHandler } from 'express';
import { buildApp } from '../../src/app';
import type { Actor } from '../../src/auth/actor';
import { loadConfig } from '../../src/config';
import { openDatabase } from '../../src/db/database';
import { createLogger } from '../../src/logger';

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const db = await openDatabase(config, logger, { migrate: false });
  let authenticate: RequestHandler | undefined;
  if (process.env.BENCH_AUTH === 'off') {
    const actor = JSON.parse(process.env.BENCH_ACTOR ?? 'null') as Actor;
    authenticate = (req, _res, next) => {
      req.auth = { ...actor, requestId: String(req.id ?? '') };
      next();
    };
  }
  const server = buildApp({ db, config, logger, authenticate }).listen(0, '127.0.0.1', () => {
    process.send?.({ port: (server.address() as AddressInfo).port });
  });
  process.on('SIGTERM', () => {
    // Stop accepting, close the idle keep-alive connections, and give handlers of requests the load generator
    // abandoned at the end of its last run a moment to finish before the pool closes.
    const force = setTimeout(() => server.closeAllConnections(), 5_000);
    server.close(() => {
      clearTimeout(force);
      setTimeout(() => void db.close().finally(() => process.exit(0)), 1_000);
    });
    server.closeIdleConnections();
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
