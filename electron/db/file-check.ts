import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqlite, type Db } from './native';
import { refuse, StorageError, storageFault } from './refusal';

// Deciding what a file is before anything writes to it. A file Fettle refuses must be left
// byte for byte as it was, with no -wal or -shm file created beside it: so the header is read
// with plain file reads, and SQLite only ever sees the file read-only, and (when no -wal file
// exists) as an in-memory copy, because even a read-only connection to a WAL-mode file creates
// -wal and -shm files beside it. A file a person picks (to restore) that has a -wal beside it is
// read from a private copy of both, where SQLite merges the -wal's commits: a read-only
// connection in place would create a -shm beside it, and one in exclusive locking mode (which
// needs no -shm) fails with SQLITE_IOERR_LOCK.

/** 'FETL' as a 32-bit integer: marks a SQLite file as Fettle's own (PRAGMA application_id). */
export const APPLICATION_ID = 0x4645544c;

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;
/**
 * Above this size the check reads the file in place rather than copying it into memory (twice
 * its size, briefly). A WAL-mode file that large without a -wal file then gets an empty -wal and
 * -shm beside it. A clinic's database is far smaller: 10,000 clients with 200,000 treatments
 * take about 60 MB.
 */
const IN_MEMORY_LIMIT = 256 * 1024 * 1024;

interface Header {
  pageSize: number;
  /** Pages the header says the file holds; null when the header's count is not maintained. */
  pageCount: number | null;
  userVersion: number;
  applicationId: number;
}

function parseHeader(bytes: Buffer): Header {
  const rawPageSize = bytes.readUInt16BE(16);
  const changeCounter = bytes.readUInt32BE(24);
  const validFor = bytes.readUInt32BE(92);
  return {
    pageSize: rawPageSize === 1 ? 65536 : rawPageSize,
    pageCount: validFor === changeCounter ? bytes.readUInt32BE(28) : null,
    userVersion: bytes.readInt32BE(60),
    applicationId: bytes.readInt32BE(68),
  };
}

function readHead(file: string): { size: number; head: Buffer } | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'EISDIR') throw refuse.notADatabase(file);
    if (code === 'EACCES' || code === 'EPERM') throw refuse.noAccess(file);
    throw error;
  }
  try {
    const { size } = fs.fstatSync(fd);
    const head = Buffer.alloc(Math.min(size, HEADER_BYTES));
    fs.readSync(fd, head, 0, head.length, 0);
    return { size, head };
  } finally {
    fs.closeSync(fd);
  }
}

const nonEmptyFile = (file: string) => {
  try {
    return fs.statSync(file).size > 0;
  } catch {
    return false;
  }
};

export interface CheckOptions {
  /** The newest data version this copy of Fettle understands. */
  latestVersion: number;
  /**
   * 'quick' (quick_check: every page and its structure; what start-up runs), 'full'
   * (integrity_check: indexes too; backups and restores), or 'later' (the caller runs quick_check
   * itself afterwards: a large clinic at start-up, electron/db/storage.ts).
   */
  integrity: 'quick' | 'full' | 'later';
  /** A file a person picked: nothing may be created beside it, not even for its -wal. */
  picked?: boolean;
}

export interface CheckedFile<T> {
  version: number;
  sizeBytes: number;
  /** What `read` returned, read from the checked file. */
  read: T;
}

/**
 * Decides whether `file` is a sound Fettle database this copy can open, writing nothing.
 * Returns null when there is no file; throws a StorageError naming what the file is otherwise.
 * `read` runs on the read-only connection after the checks (a summary for a restore, a setting).
 */
export function checkDatabaseFile<T = undefined>(file: string, options: CheckOptions, read?: (db: Db) => T): CheckedFile<T> | null {
  const found = readHead(file);
  if (!found) return null;
  const { size, head } = found;
  if (size === 0) throw refuse.emptyFile(file);
  const magicLength = Math.min(head.length, MAGIC.length);
  if (!head.subarray(0, magicLength).equals(MAGIC.subarray(0, magicLength))) throw refuse.notADatabase(file);
  if (size < HEADER_BYTES) throw refuse.truncated(file);

  const header = parseHeader(head);
  // Committed pages not yet copied back into the file live in its -wal; the file alone is the
  // whole database only without one.
  const walFile = `${file}-wal`;
  const hasWal = nonEmptyFile(walFile);
  if (!hasWal && (size % header.pageSize !== 0 || (header.pageCount !== null && size < header.pageCount * header.pageSize))) {
    throw refuse.truncated(file);
  }
  if (header.applicationId !== 0 && header.applicationId !== APPLICATION_ID) throw refuse.otherApplication(file);
  if (!hasWal && header.applicationId === APPLICATION_ID && header.userVersion > options.latestVersion) {
    throw refuse.newerVersion(header.userVersion, options.latestVersion);
  }

  // Checked later (start-up, a large clinic), a whole file of Fettle's needs nothing but its
  // header: copying it into memory to read two pragmas cost a 40 MB clinic half a second.
  if (options.integrity === 'later' && !hasWal && !read && header.applicationId === APPLICATION_ID && header.userVersion >= 1) {
    return { version: header.userVersion, sizeBytes: size, read: undefined as T };
  }
  const inMemory = !hasWal && size <= IN_MEMORY_LIMIT;
  const opened = hasWal && options.picked ? openMergedCopy(file) : { db: openReadOnly(file, inMemory), dispose: () => undefined };
  const db = opened.db;
  try {
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (applicationId !== APPLICATION_ID) {
      if (applicationId !== 0) throw refuse.otherApplication(file);
      const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[];
      throw tables.includes('clients') ? refuse.foreignClientsTable(file) : refuse.otherApplication(file);
    }
    if (version > options.latestVersion) throw refuse.newerVersion(version, options.latestVersion);
    if (version < 1) throw refuse.damaged(file, 'it is marked as Fettle\'s but holds no data version');
    if (options.integrity !== 'later') {
      const problems = (db.prepare(`PRAGMA ${options.integrity === 'quick' ? 'quick_check' : 'integrity_check'}(3)`).pluck().all() as string[])
        .flatMap((p) => p.split('\n'))
        .filter((p) => !p.startsWith('***'));
      if (problems.length !== 1 || problems[0] !== 'ok') throw refuse.damaged(file, `the integrity check failed: ${problems.join('; ')}`);
    }
    return { version, sizeBytes: size, read: read ? read(db) : (undefined as T) };
  } catch (error) {
    throw asRefusal(error, file);
  } finally {
    db.close();
    opened.dispose();
  }
}

/**
 * Leaves a database file whole on its own: the commits of a -wal beside it merged in, and in
 * rollback-journal mode, so it needs no -wal and opening it read-only creates nothing beside it.
 */
export function makeSelfContained(file: string): void {
  const db = openSqlite(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

/** A picked file and its -wal, copied into a private folder and merged there, opened read-only. */
function openMergedCopy(file: string): { db: Db; dispose: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fettle-check-'));
  const dispose = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    const copy = path.join(dir, 'picked.sqlite');
    fs.copyFileSync(file, copy);
    fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
    makeSelfContained(copy);
    return { db: openReadOnly(copy, fs.statSync(copy).size <= IN_MEMORY_LIMIT), dispose };
  } catch (error) {
    dispose();
    throw asRefusal(error, file);
  }
}

/**
 * Reads from a database file as the check does: read-only, and in memory when the file alone is
 * the whole database. Null (nothing read) when that would mean opening a large file in place
 * with no -wal beside it, which would create one.
 */
export function readDatabaseFile<T>(file: string, read: (db: Db) => T): T | null {
  const size = fs.statSync(file).size;
  const hasWal = nonEmptyFile(`${file}-wal`);
  if (!hasWal && size > IN_MEMORY_LIMIT) return null;
  const db = openReadOnly(file, !hasWal);
  try {
    return read(db);
  } finally {
    db.close();
  }
}

function openReadOnly(file: string, inMemory: boolean): Db {
  try {
    if (inMemory) {
      const bytes = fs.readFileSync(file);
      // An in-memory copy cannot be in WAL mode; the mode bytes change in the copy only.
      bytes[18] = 1;
      bytes[19] = 1;
      return openSqlite(bytes, { readonly: true });
    }
    return openSqlite(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw asRefusal(error, file);
  }
}

/**
 * Reading a file that passed the header checks: a full or read-only disk (met when SQLite makes
 * a -shm, or merges a -wal) is named as such; any other SQLite fault means the file is damaged.
 */
function asRefusal(error: unknown, file: string): unknown {
  if (error instanceof StorageError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return error;
  if (code === 'EACCES' || code === 'EPERM') return refuse.noAccess(file);
  const fault = storageFault(error, file);
  if (fault && (fault.reason === 'disk-full' || fault.reason === 'read-only' || fault.reason === 'locked')) return fault;
  if (code.startsWith('SQLITE_')) return refuse.damaged(file, `SQLite could not read it: ${(error as Error).message}`);
  return error;
}
