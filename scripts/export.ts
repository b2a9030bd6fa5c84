/**
 * npm run export -- <articleId|--all> --format <name> [--audience desk|public] [--out path]
 * See scripts/export/run.ts and the README, "Exporting reports".
 */
import { runExport } from './export/run';

if (require.main === module) {
  runExport(process.argv.slice(2), { env: process.env, fetch: globalThis.fetch, stdout: process.stdout, stderr: process.stderr }).then(
    (code) => {
      process.exitCode = code;
    },
  );
}
