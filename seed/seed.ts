/** `npm run seed`: loads seed/ (demo accounts and the sample article) into DATABASE_URL or the embedded database. */
import { ConfigError, loadConfig } from '../src/config';
import { openDatabase } from '../src/db/database';
import { createLogger } from '../src/logger';
import { loadEnvFile } from '../src/env-file';
import { loadDemoData } from './demo-data';

async function main() {
  loadEnvFile();
  const config = loadConfig();
  if (config.nodeEnv === 'production') {
    throw new Error('Refusing to load demo accounts with published passwords while NODE_ENV=production');
  }
  const logger = createLogger(config.logLevel);
  const db = await openDatabase(config, logger, { migrate: true });
  try {
    const report = await loadDemoData(db);
    logger.info(report, report.usersCreated || report.articleCreated ? 'seed data loaded' : 'seed data already present');
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
