/** The embedded database's lock file: one process per data folder, and no stale file ever blocks a restart. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dataDirHolder, DataDirLockedError, LOCK_FILE, lockDataDir } from '../../src/db/data-dir-lock';

let dir: string;
const lockFile = () => path.join(dir, LOCK_FILE);
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'checkmate-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A pid that certainly belongs to no running process: a child that has exited and been reaped. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('lockDataDir', () => {
  it('writes the holder pid (and start time), and removes the file on release', () => {
    const release = lockDataDir(dir);
    expect(readFileSync(lockFile(), 'utf8')).toMatch(new RegExp(`^${process.pid}( \\d+)?\\n$`));
    expect(dataDirHolder(dir)).toBe(process.pid);
    release();
    expect(existsSync(lockFile())).toBe(false);
  });

  it('refuses while another running process holds the folder', () => {
    writeFileSync(lockFile(), `${process.ppid}\n`);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(`in use by process ${process.ppid}`);
  });

  it('takes over a lock left by a process that was killed (SIGKILL leaves the file behind)', () => {
    writeFileSync(lockFile(), `${deadPid()}\n`);
    const release = lockDataDir(dir);
    expect(dataDirHolder(dir)).toBe(process.pid);
    release();
  });

  it('takes over a lock whose pid was reused by an unrelated process (the start time differs)', () => {
    writeFileSync(lockFile(), `${process.ppid} 1\n`); // the parent runs, but did not start at tick 1
    const onLinux = existsSync(`/proc/${process.ppid}/stat`);
    if (!onLinux) return; // without /proc the start time cannot be checked, and a live pid keeps the lock
    const release = lockDataDir(dir);
    expect(dataDirHolder(dir)).toBe(process.pid);
    release();
  });

  it('reads lock files of earlier versions (a bare pid)', () => {
    writeFileSync(lockFile(), `${process.ppid}`);
    expect(dataDirHolder(dir)).toBe(process.ppid);
  });
});
