import fs from 'node:fs';
import path from 'node:path';
import { APPLICATION_ID, checkDatabaseFile } from './file-check';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations/index';
import { openSqlite, type Db } from './native';
import { storageFault } from './refusal';
import { writeTransaction } from './sql';

export const DATABASE_FILE = 'fettle.sqlite';

/**
 * How long a write waits for another connection's write lock before giving up with "locked".
 * The wait blocks the main process (better-sqlite3 is synchronous), so the window cannot
 * repaint or answer meanwhile: it must stay well under the ~1 s after which people think an
 * app has hung. The folder lock keeps a second copy of Fettle out, so the only other writers are
 * tools (a backup or sync program); Fettle's own write transactions take a few milliseconds
 * (one row with synchronous = FULL: p50 1-2.5 ms, p95 3-6 ms, the worst of 300 under 70 ms on a
 * busy shared 2-core machine, bench/backup.bench.ts), so 250 ms covers them with room to spare
 * while a stuck lock is reported within a quarter of a second.
 */
export const BUSY_TIMEOUT_MS = 250;

export function databasePath(dataDir: string): string {
  return path.join(dataDir, DATABASE_FILE);
}

/** Creates the data folder private to this user (0700), or tightens one created before. */
export function makePrivateFolder(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  bestEffortChmod(dir, 0o700);
}

/**
 * Opens the clinic database in `dataDir` and brings its schema up to date. What the file is, is
 * decided before anything writes to it: a file that is not a sound Fettle database this copy
 * understands is refused (a StorageError saying why) and left exactly as it was. Only a missing
 * file becomes a new, empty clinic. Does not lock the folder: the app holds a data folder
 * through ClinicStorage (electron/db/storage.ts), which does. `integrity: 'later'` leaves the
 * quick_check of the pages to the caller (ClinicStorage runs it in a worker for a large file).
 */
export function openDatabase(dataDir: string, migrations: readonly Migration[] = MIGRATIONS, integrity: 'quick' | 'later' = 'quick'): Db {
  const file = databasePath(dataDir);
  try {
    makePrivateFolder(dataDir);
    const latestVersion = migrations.at(-1)?.version ?? 0;
    let checked = checkDatabaseFile(file, { latestVersion, integrity });
    // A migration writes: the pages it writes among are checked first, whatever the caller asked.
    if (checked && integrity === 'later' && checked.version < latestVersion) checked = checkDatabaseFile(file, { latestVersion, integrity: 'quick' });
    if (!checked) createDatabase(file, migrations);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) bestEffortChmod(f, 0o600);
    const db = openSqlite(file, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    try {
      db.pragma('journal_mode = WAL');
      // Clinical records: a commit is on disk before Fettle says "saved", power cut or not. It costs
      // 1-2.5 ms a commit against 0.04 ms with NORMAL (bench/backup.bench.ts): nobody notices.
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      migrate(db, migrations);
      return db;
    } catch (error) {
      db.close();
      throw error;
    }
  } catch (error) {
    throw storageFault(error, file) ?? error;
  }
}

/**
 * A new clinic, made whole before it gets its name: built and migrated in a side file, then
 * renamed into place, so a crash part-way leaves no half-made database that the next start
 * would have to refuse.
 */
function createDatabase(file: string, migrations: readonly Migration[]): void {
  const building = `${file}.new`;
  for (const f of [building, `${building}-journal`, `${building}-wal`, `${building}-shm`]) fs.rmSync(f, { force: true });
  fs.closeSync(fs.openSync(building, 'wx', 0o600));
  const db = openSqlite(building);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations);
  } finally {
    // The last connection to close copies the -wal into the file and removes it.
    db.close();
  }
  fsyncFile(building);
  fs.renameSync(building, file);
  fsyncFolder(path.dirname(file));
}

/**
 * Applies each pending migration in order, each in one BEGIN IMMEDIATE transaction with its
 * version bump. The version is read inside that transaction, so two processes opening an old
 * database at once cannot both run a step. `onProgress` hears from steps that rebuild an index
 * (how many rows of how many), for a progress bar instead of a window that looks frozen.
 */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS, onProgress?: (step: MigrationStepProgress) => void): number {
  const current = () => db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current() >= latest) return current();
  for (const migration of migrations) {
    writeTransaction(db, () => {
      const version = current();
      if (migration.version <= version) return;
      if (migration.version !== version + 1) {
        throw new Error(`Migration ${migration.version} (${migration.name}) is out of order after version ${version}.`);
      }
      migration.up(db, onProgress && ((done, total) => onProgress({ version: migration.version, name: migration.name, done, total })));
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${migration.version}`);
    });
  }
  return current();
}

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename durable. Not every platform can open a folder to sync it (Windows cannot). */
export function fsyncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // The rename is still atomic; only its durability across a power cut is the platform's.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Permissions are POSIX-only, and a folder another user owns stays as it is. */
function bestEffortChmod(target: string, mode: number): void {
  try {
    fs.chmodSync(target, mode);
  } catch {
    // Missing file, not ours, or a platform without modes.
  }
}

/** One report from a migration step in progress. */
export interface MigrationStepProgress { version: number; name: string; done: number; total: number }

export { APPLICATION_ID, LATEST_VERSION, type Db };
