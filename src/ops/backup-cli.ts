/**
 * `npm run backup -- <file>` and `npm run restore -- <file>` (src/ops/backup.ts). They use the service's
 * configuration: a PostgreSQL server through MIGRATION_DATABASE_URL when set (the tables' owner: the service's
 * least-privilege role may not read `_prisma_migrations`, and restored objects must belong to the owner), else
 * DATABASE_URL; otherwise the embedded database in DATA_DIR.
 * package.json runs this file with the mode first: `tsx src/ops/backup-cli.ts backup <file>`.
 */
import path from 'node:path';
import { ConfigError, loadConfig } from '../config';
import { loadEnvFile } from '../env-file';
import {
  backupEmbedded,
  backupPostgres,
  BackupError,
  manifestPathOf,
  redactUrl,
  restoreEmbedded,
  restorePostgres,
  type RestoreReport,
  type TableSummary,
} from './backup';

function table(tables: TableSummary[]): string {
  const width = Math.max(5, ...tables.map((t) => t.table.length));
  return tables.map((t) => `  ${t.table.padEnd(width)}  ${String(t.rows).padStart(10)} rows  checksum ${t.checksum}`).join('\n');
}

function configuration() {
  loadEnvFile();
  // Backups never sign or verify tokens: a JWT secret is not needed to run them against DATABASE_URL.
  const env = { ...process.env };
  env.JWT_SECRET ||= 'not-used-by-backups-not-used-by-backups';
  return loadConfig(env);
}

async function main(mode: 'backup' | 'restore', args: string[]): Promise<number> {
  const [file, ...rest] = args;
  if (!file || rest.length > 0 || file.startsWith('-')) {
    console.error(`usage: npm run ${mode} -- <file>`);
    return 2;
  }
  const target = path.resolve(file);
  const { database } = configuration();
  const serverUrl = database.kind === 'external' ? database.migrationUrl : undefined;
  const dataDir = database.kind === 'embedded' ? database.dataDir : '';
  const where = serverUrl ? redactUrl(serverUrl) : `the embedded database in ${path.resolve(dataDir)}`;
  if (mode === 'backup') {
    const manifest = serverUrl ? await backupPostgres(serverUrl, target) : await backupEmbedded(dataDir, target);
    console.log(`Backed up ${where}\n  to ${target} (${manifest.bytes} bytes, sha256 ${manifest.sha256})\n  manifest ${manifestPathOf(target)}`);
    console.log(table(manifest.tables));
    return 0;
  }
  const report: RestoreReport = serverUrl ? await restorePostgres(serverUrl, target) : await restoreEmbedded(dataDir, target);
  const created = 'created' in report && report.created ? ' (database created)' : '';
  console.log(`Restored ${target}\n  into ${where}${created}`);
  console.log(table(report.tables));
  if (!report.manifest) {
    console.log(`No manifest (${manifestPathOf(target)}): the rows above were not checked against the backup.`);
    return 0;
  }
  if (serverUrl && database.kind === 'external' && serverUrl !== database.url) {
    console.log('Restored as the owner (MIGRATION_DATABASE_URL): run `npm run db:migrate` to grant the service role its rights again.');
  }
  if (report.mismatches.length > 0) {
    console.error(`RESTORE DOES NOT MATCH THE BACKUP (manifest of ${report.manifest.createdAt}):\n${report.mismatches.map((m) => `  - ${m}`).join('\n')}`);
    return 1;
  }
  console.log(`Checked: all ${report.tables.length} tables match the manifest of ${report.manifest.createdAt} (row counts and checksums).`);
  return 0;
}

const mode = process.argv[2];
if (mode === 'backup' || mode === 'restore') {
  main(mode, process.argv.slice(3)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof BackupError || error instanceof ConfigError ? `${mode} failed: ${error.message}` : error);
      process.exit(1);
    },
  );
} else {
  console.error('usage: tsx src/ops/backup-cli.ts backup|restore <file>');
  process.exit(2);
}
