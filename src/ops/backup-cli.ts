/**
 * `npm run backup -- <file>` and `npm run restore -- <file>` (src/ops/backup.ts). They use the service's
 * configuration: DATABASE_URL for a PostgreSQL server, otherwise the embedded database in DATA_DIR.
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
  const where = database.kind === 'external' ? redactUrl(database.url) : `the embedded database in ${path.resolve(database.dataDir)}`;
  if (mode === 'backup') {
    const manifest =
      database.kind === 'external' ? await backupPostgres(database.url, target) : await backupEmbedded(database.dataDir, target);
    console.log(`Backed up ${where}\n  to ${target} (${manifest.bytes} bytes, sha256 ${manifest.sha256})\n  manifest ${manifestPathOf(target)}`);
    console.log(table(manifest.tables));
    return 0;
  }
  const report: RestoreReport =
    database.kind === 'external' ? await restorePostgres(database.url, target) : await restoreEmbedded(database.dataDir, target);
  const created = 'created' in report && report.created ? ' (database created)' : '';
  console.log(`Restored ${target}\n  into ${where}${created}`);
  console.log(table(report.tables));
  if (!report.manifest) {
    console.log(`No manifest (${manifestPathOf(target)}): the rows above were not checked against the backup.`);
    return 0;
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
