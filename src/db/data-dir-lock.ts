import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * PGlite has no locking of its own: two processes opening one data folder would corrupt it.
 * A lock file keeps the server, `npm run seed`, `npm run db:migrate` and `npm run backup`/`restore` from opening
 * it together.
 *
 * A process that dies without cleaning up (SIGKILL, power loss) leaves the file behind; it must not block the
 * next start. The file names the holder's pid and, where /proc exists, the holder's start time, so a stale file
 * is recognised even when the pid has since been reused by an unrelated process.
 */
export const LOCK_FILE = 'embedded.lock';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `The embedded database in ${path.resolve(dataDir)} is in use by process ${holderPid}; stop it first ` +
        '(or set DATABASE_URL to use a PostgreSQL server)',
    );
    this.name = 'DataDirLockedError';
  }
}

interface Holder {
  pid: number;
  /** Start time in clock ticks since boot (/proc/<pid>/stat field 22); absent in files from older versions. */
  startTicks?: number;
}

export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const me: Holder = { pid: process.pid, startTicks: startTicksOf(process.pid) };
  const content = `${me.pid}${me.startTicks === undefined ? '' : ` ${me.startTicks}`}\n`;
  for (let attempt = 0; ; attempt++) {
    try {
      // Exclusive create: of two processes starting at once, exactly one gets the file.
      writeFileSync(file, content, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(file);
      if (holder && holder.pid !== process.pid && isRunning(holder)) throw new DataDirLockedError(dataDir, holder.pid);
      if (attempt > 0) throw error;
      rmSync(file, { force: true }); // stale: left by a process that no longer runs (or by this one)
    }
  }
  return () => {
    if (readHolder(file)?.pid === process.pid) rmSync(file, { force: true });
  };
}

/** The process holding the data folder, if one is running. */
export function dataDirHolder(dataDir: string): number | undefined {
  const holder = readHolder(path.join(dataDir, LOCK_FILE));
  return holder && isRunning(holder) ? holder.pid : undefined;
}

function readHolder(file: string): Holder | undefined {
  try {
    const [pid, startTicks] = readFileSync(file, 'utf8').trim().split(/\s+/).map(Number);
    if (!Number.isInteger(pid) || pid <= 0) return undefined;
    return { pid, startTicks: Number.isInteger(startTicks) ? startTicks : undefined };
  } catch {
    return undefined;
  }
}

function isRunning(holder: Holder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = procStat(holder.pid);
  if (!stat) return true; // no /proc here: the pid being in use is all we know
  // A killed process that nobody has reaped yet (a zombie) holds nothing; a reused pid started at another time.
  if (stat.state === 'Z' || stat.state === 'X') return false;
  return holder.startTicks === undefined || stat.startTicks === holder.startTicks;
}

function startTicksOf(pid: number): number | undefined {
  return procStat(pid)?.startTicks;
}

/** State (field 3) and start time (field 22) from /proc/<pid>/stat; fields counted after the command name. */
function procStat(pid: number): { state: string; startTicks: number | undefined } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    return { state: fields[0], startTicks: Number.isInteger(ticks) ? ticks : undefined };
  } catch {
    return undefined;
  }
}
