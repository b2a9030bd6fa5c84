/** `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database in DATA_DIR. */
import { ConfigError, loadConfig } from '../config';
import { loadEnvFile } from '../env-file';
import { createLogger } from '../logger';
import { openDatabase } from './database';

async function main() {
  loadEnvFile();
  const config = loadConfig();
  const db = await openDatabase(config, createLogger(config.logLevel), { migrate: true });
  await db.close();
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
