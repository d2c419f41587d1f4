import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { refuse, StorageError } from './refusal';

// One copy of Fettle per data folder. Electron's single-instance lock is keyed on its own
// user-data folder, so two copies pointed at one FETTLE_DATA_DIR (or a folder on a shared
// drive) would both write, and race each other's migrations. The lock is a file created with
// O_EXCL (atomic on local disks) holding the owner's pid, host and start time. A lock whose
// owner has died (a crash, a power cut) is stale and taken over: its pid is no longer alive on
// this computer, or it was written before the computer last started (the pid may since have been
// reused). A lock from another computer cannot be checked, so it is respected and the message
// says how to clear it.

export const LOCK_FILE = 'fettle.lock';

interface LockInfo { pid: number; host: string; startedAt: string }

/** Locks held by this process, by folder: a second open of the same folder here is refused too. */
const held = new Map<string, { release(): void }>();

export interface FolderLock {
  readonly dir: string;
  /** Removes the lock file (idempotent). */
  release(): void;
}

export function lockDataFolder(dir: string): FolderLock {
  const key = path.resolve(dir);
  const file = path.join(key, LOCK_FILE);
  if (held.has(key)) throw inUse({ pid: process.pid, host: os.hostname(), startedAt: '' }, file);
  const mine: LockInfo = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = fs.openSync(file, 'wx', 0o600);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') {
        const owner = readLock(file);
        if (owner === 'being-written') {
          pause(50);
          continue;
        }
        if (owner === 'unreadable' || isStale(owner, file)) {
          fs.rmSync(file, { force: true });
          continue;
        }
        throw inUse(owner, file);
      }
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw refuse.readOnly(key);
      if (code === 'ENOSPC' || code === 'EDQUOT') throw refuse.diskFull(key);
      throw error;
    }
    try {
      fs.writeSync(fd, JSON.stringify(mine));
      fs.fsyncSync(fd);
    } catch (error) {
      // Not left half-written (a full disk): "Try again" would take it for a copy starting up.
      fs.closeSync(fd);
      fs.rmSync(file, { force: true });
      throw error;
    }
    fs.closeSync(fd);
    let released = false;
    const lock: FolderLock = {
      dir: key,
      release() {
        if (released) return;
        released = true;
        held.delete(key);
        // Only our own lock: never one another copy took over meanwhile.
        const owner = readLock(file);
        if (typeof owner === 'object' && owner.pid === mine.pid && owner.startedAt === mine.startedAt) fs.rmSync(file, { force: true });
      },
    };
    held.set(key, lock);
    return lock;
  }
  throw new StorageError('in-use', `Fettle could not take the lock on ${key} (${file} keeps changing). Close other copies of Fettle, then try again.`);
}

/** Releases every lock this process holds: on exit, so a normal quit never leaves one behind. */
export function releaseAllFolderLocks(): void {
  for (const lock of [...held.values()]) lock.release();
}
process.once('exit', releaseAllFolderLocks);

/** A short synchronous wait (opening happens before anything else can run). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function readLock(file: string): LockInfo | 'unreadable' | 'being-written' {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return 'being-written';
  }
  try {
    const info = JSON.parse(text) as Partial<LockInfo>;
    if (typeof info.pid === 'number' && typeof info.host === 'string' && typeof info.startedAt === 'string') return info as LockInfo;
  } catch {
    // Fall through: empty or cut short.
  }
  // Created but not yet written (another copy starting this very moment), or left half-written
  // by a crash: give a starting copy a few seconds before calling it stale.
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return stat && Date.now() - stat.mtimeMs > 5_000 ? 'unreadable' : 'being-written';
}

function isStale(owner: LockInfo, file: string): boolean {
  if (owner.host !== os.hostname()) return false;
  const bootedAt = Date.now() - os.uptime() * 1000;
  const writtenAt = fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (writtenAt < bootedAt - 60_000) return true;
  if (owner.pid === process.pid) return !held.has(path.dirname(path.resolve(file)));
  return !isAlive(owner.pid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function inUse(owner: LockInfo, file: string): StorageError {
  const since = owner.startedAt ? ` since ${new Date(owner.startedAt).toTimeString().slice(0, 5)}` : '';
  if (owner.host === os.hostname()) {
    const who = owner.pid === process.pid ? 'this copy of Fettle already' : `another copy of Fettle (process ${owner.pid}${since})`;
    return new StorageError('in-use', `This data folder is in use by ${who}. Close that copy, then try again, or open another data folder.`);
  }
  return new StorageError(
    'in-use',
    `This data folder is in use by Fettle on the computer "${owner.host}"${since}. Close Fettle there, then try again. If Fettle is not running there, delete ${file} and try again.`,
  );
}
