/**
 * `npm run db:grant -- <role>`: gives <role>, the role the service runs as, exactly its rights on the tables
 * (read and write the ordinary ones; only INSERT into and SELECT from the audit trail), connecting as the owner
 * (MIGRATION_DATABASE_URL, or DATABASE_URL). `--print` only prints the SQL (for schema `public`, or
 * `--schema <name>`) for a DBA to review or run with psql. Start-up does the same by itself whenever
 * MIGRATION_DATABASE_URL and DATABASE_URL log in as different roles.
 */
import { ConfigError, loadConfig } from '../config';
import { loadEnvFile } from '../env-file';
import { grantServiceRole, serviceRoleGrants } from './least-privilege';

const USAGE = 'usage: npm run db:grant -- <role> [--print [--schema <name>]]';

async function main() {
  const args = process.argv.slice(2);
  const print = args.includes('--print');
  const schemaAt = args.indexOf('--schema');
  const schema = schemaAt === -1 ? 'public' : args[schemaAt + 1];
  const role = args.find((arg, i) => !arg.startsWith('--') && (schemaAt === -1 || i !== schemaAt + 1));
  if (!role || !schema || !/^[A-Za-z_][A-Za-z0-9_$-]{0,62}$/.test(role)) throw new Error(USAGE);

  if (print) {
    console.log(['BEGIN', ...serviceRoleGrants(role, schema), 'COMMIT'].map((statement) => `${statement};`).join('\n'));
    return;
  }
  loadEnvFile();
  const config = loadConfig();
  if (config.database.kind !== 'external') {
    throw new Error('db:grant needs DATABASE_URL (and usually MIGRATION_DATABASE_URL): the embedded database has no roles');
  }
  const statements = await grantServiceRole(config.database.migrationUrl, role);
  console.log(statements.map((statement) => `${statement};`).join('\n'));
  console.log(`-- ${role} may now read and write the tables, and only append to the audit trail`);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error instanceof Error ? error.message : error);
  process.exit(1);
});
