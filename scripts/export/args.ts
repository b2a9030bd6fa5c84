import { parseArgs } from 'node:util';

/** Exit codes of `npm run export` (also in the README). */
export const EXIT = {
  ok: 0,
  /** A server error, an unexpected failure, or some articles of `--all` failed. */
  failed: 1,
  /** Bad arguments or configuration (also a 400 from the service). */
  usage: 2,
  /** The service cannot be reached. */
  unreachable: 3,
  /** No or bad credentials (401), or not allowed (403). */
  auth: 4,
  /** The article does not exist (404). */
  notFound: 5,
} as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export const USAGE = `Usage: npm run export -- <articleId | --all> --format <name> [--audience desk|public] [--out <path>]

  <articleId>         export one article (its UUID)
  --all               export every article, one file each (needs --out <folder>)
  -f, --format        the export format: {formats}
  --audience          desk (the service's default) or public
  -o, --out           a file for one article (an existing folder, or a path ending in /, takes the
                      service's file name); a folder for --all. Without it one article goes to stdout.
  -h, --help          this text

Environment: CHECKMATE_URL (default http://localhost:3000), and CHECKMATE_TOKEN or
CHECKMATE_EMAIL + CHECKMATE_PASSWORD. Exit codes: 0 done, 1 failed, 2 bad arguments,
3 service unreachable, 4 not signed in or not allowed, 5 article not found.`;

export function usage(formats: readonly string[]): string {
  return USAGE.replace('{formats}', formats.join(', '));
}

export type ExportTarget = { kind: 'one'; articleId: string } | { kind: 'all' };

export interface ExportOptions {
  target: ExportTarget;
  format: string;
  /** Sent only when given: the service decides the default (and public-only formats). */
  audience?: 'desk' | 'public';
  out?: string;
}

export type ParsedArgs = { help: true } | ({ help: false } & ExportOptions);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Parses and checks the command line; every mistake is a CliError with exit code 2 and a message saying what to fix. */
export function parseExportArgs(argv: readonly string[], formats: readonly string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        all: { type: 'boolean' },
        format: { type: 'string', short: 'f' },
        audience: { type: 'string' },
        out: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new CliError((error as Error).message, EXIT.usage);
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };

  if (values.all && positionals.length > 0) {
    throw new CliError('give either an article id or --all, not both', EXIT.usage);
  }
  if (positionals.length > 1) throw new CliError(`give one article id (got ${positionals.length}: ${positionals.join(' ')})`, EXIT.usage);
  if (!values.all && positionals.length === 0) throw new CliError('give an article id, or --all', EXIT.usage);
  const articleId = positionals[0];
  if (articleId !== undefined && !UUID.test(articleId)) {
    throw new CliError(`"${articleId}" is not an article id (a UUID such as 3f2c…-…)`, EXIT.usage);
  }

  if (!values.format) throw new CliError(`--format is required: one of ${formats.join(', ')}`, EXIT.usage);
  if (!formats.includes(values.format)) {
    throw new CliError(`unknown format "${values.format}": use one of ${formats.join(', ')}`, EXIT.usage);
  }
  const audience = values.audience;
  if (audience !== undefined && audience !== 'desk' && audience !== 'public') {
    throw new CliError(`--audience must be desk or public (got "${audience}")`, EXIT.usage);
  }
  if (values.out !== undefined && values.out.trim() === '') throw new CliError('--out needs a path', EXIT.usage);
  if (values.all && values.out === undefined) {
    throw new CliError('--all writes one file per article: give a folder with --out', EXIT.usage);
  }

  return {
    help: false,
    target: values.all ? { kind: 'all' } : { kind: 'one', articleId: articleId as string },
    format: values.format,
    ...(audience ? { audience } : {}),
    ...(values.out !== undefined ? { out: values.out } : {}),
  };
}
