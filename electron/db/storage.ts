import fs from 'node:fs';
import path from 'node:path';
import type { StorageRefusal } from '../../shared/api/storage';
import { databasePath, makePrivateFolder, openDatabase } from './database';
import { APPLICATION_ID, readDatabaseFile } from './file-check';
import { lockDataFolder, type FolderLock } from './folder-lock';
import { quickCheckInWorker } from './integrity';
import { MIGRATIONS, type Migration } from './migrations/index';
import type { Db } from './native';
import { refuse, StorageError, storageFault } from './refusal';
import { getSetting } from './repositories/settings';

/**
 * From this size a database is opened before its pages are checked, and checked in a worker
 * thread while the first screen paints. quick_check read about 50 MB/s on the 2-core machine the
 * benchmarks run on (200 MB/s on a quicker laptop): a busy clinic's 40 MB took 0.8 s before
 * the window could show anything, a ten-year chain's 430 MB 1.8 to 2.6 s (bench/clients.bench.ts).
 * Below this size checking first costs a fifth of a second at most, and a new or small clinic's
 * damage is found before anything is shown.
 */
export const CHECK_IN_WORKER_FROM_BYTES = 8 * 1024 * 1024;

export interface StorageOptions {
  migrations?: readonly Migration[];
  /** Databases of at least this many bytes are checked in a worker after opening (tests set 0). */
  checkInWorkerFrom?: number;
}

/** Refusals of a database that is Fettle's own, whose settings may still be read. */
const FETTLE_FILE_REFUSALS = new Set<StorageRefusal>(['damaged', 'newer-version', 'in-use', 'locked', 'read-only', 'disk-full']);

/**
 * The app's hold on one data folder: the folder lock, and the database open or the reason it is
 * not. Services reach the database through `db`, which throws the refusal while there is none,
 * so every call then answers with that reason instead of failing somewhere deeper. A restore
 * swaps the database underneath (`replace`), and the start-up screen can retry or move to
 * another folder, without anyone holding on to an old connection.
 */
export class ClinicStorage {
  private lock: FolderLock | null = null;
  private connection: Db | null = null;
  private problem: StorageError | null = null;
  /** Which opening of the database a background check belongs to: a stale check's verdict is ignored. */
  private opening = 0;
  private pendingCheck: Promise<void> = Promise.resolve();
  /** A backup or restore in progress (one at a time), with how far it has got. */
  activity: { kind: 'backup' | 'restore'; percent: number; startedAt: string; done: Promise<unknown> } | null = null;

  private constructor(
    private folder: string,
    private readonly migrations: readonly Migration[],
    private readonly checkInWorkerFrom: number,
  ) {}

  /** Takes the folder and opens its database; a refusal is kept (see `refusal`), not thrown. */
  static open(dataDir: string, options: StorageOptions = {}): ClinicStorage {
    const storage = new ClinicStorage(path.resolve(dataDir), options.migrations ?? MIGRATIONS, options.checkInWorkerFrom ?? CHECK_IN_WORKER_FROM_BYTES);
    storage.reopen();
    return storage;
  }

  /**
   * Settles once the open database's pages have been checked: at once for a database checked
   * before opening, after the worker's quick_check for a large one. Nothing writes before it has
   * settled (the dispatcher waits on it), and if the check found damage the database is closed
   * by then and `refusal` says why, so no write ever lands in a damaged file.
   */
  get checked(): Promise<void> {
    return this.pendingCheck;
  }

  get dataDir(): string {
    return this.folder;
  }

  get file(): string {
    return databasePath(this.folder);
  }

  get isOpen(): boolean {
    return this.connection !== null;
  }

  /** Why the database is not open, or null when it is. */
  get refusal(): StorageError | null {
    return this.connection ? null : this.problem;
  }

  /** The open database; throws the refusal when there is none. */
  get db(): Db {
    if (this.connection) return this.connection;
    throw this.problem ?? new StorageError('locked', 'The clinic database is closed. Restart Fettle.');
  }

  /** Opens again (after the other copy was closed, space was freed...). Returns the refusal, or null. */
  reopen(): StorageError | null {
    this.close();
    try {
      makePrivateFolder(this.folder);
      this.lock = lockDataFolder(this.folder);
    } catch (error) {
      this.problem = storageFault(error, this.file) ?? null;
      if (!this.problem) throw error;
      return this.problem;
    }
    this.openHeld();
    return this.refusal;
  }

  /** Leaves this folder for another (the start-up screen's "open another data folder"). */
  moveTo(dataDir: string): StorageError | null {
    this.close();
    this.folder = path.resolve(dataDir);
    return this.reopen();
  }

  /**
   * Closes the database, lets `change` replace its files while nothing holds them open, and opens
   * it again (whether or not `change` succeeded). The folder stays locked throughout.
   */
  replace(change: () => void): StorageError | null {
    this.lock ??= lockDataFolder(this.folder);
    this.connection?.close();
    this.connection = null;
    let failed: { error: unknown } | null = null;
    try {
      change();
    } catch (error) {
      failed = { error };
    }
    this.openHeld();
    if (failed) throw failed.error;
    return this.refusal;
  }

  /** Opens the database in the locked folder, keeping a refusal; anything else (a bug) is thrown. */
  private openHeld(): void {
    const opening = ++this.opening;
    try {
      const checkLater = fileSize(this.file) >= this.checkInWorkerFrom;
      this.connection = openDatabase(this.folder, this.migrations, checkLater ? 'later' : 'quick');
      this.problem = null;
      if (checkLater) this.pendingCheck = this.checkInWorker(opening);
    } catch (error) {
      this.problem = storageFault(error, this.file) ?? null;
      if (!this.problem) {
        this.close();
        throw error;
      }
    }
  }

  /** The open database's quick_check in a worker; damage closes it and becomes the refusal. */
  private async checkInWorker(opening: number): Promise<void> {
    let damage: StorageError | null = null;
    try {
      const problems = await quickCheckInWorker(this.file);
      if (problems.length > 0) damage = refuse.damaged(this.file, `the integrity check failed: ${problems.join('; ')}`);
    } catch (error) {
      damage = refuse.damaged(this.file, `SQLite could not read it: ${error instanceof Error ? error.message : String(error)}`);
    }
    // Closed, replaced or reopened meanwhile: this verdict is about a connection that is gone.
    if (!damage || opening !== this.opening || !this.connection) return;
    this.connection.close();
    this.connection = null;
    this.problem = damage;
  }

  /**
   * A setting read from the database as it stands, even when it was refused (a damaged file may
   * still say where its backups are). Null when it cannot be read.
   */
  readSetting(key: 'backup_folder'): string | null {
    if (this.connection) return getSetting(this.connection, key);
    // Only a file that is Fettle's is read at all.
    if (!this.problem || !FETTLE_FILE_REFUSALS.has(this.problem.reason)) return null;
    try {
      return readDatabaseFile(this.file, (db) => {
        if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) return null;
        const hasSettings = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'settings'").get();
        return hasSettings ? getSetting(db, key) : null;
      });
    } catch {
      return null;
    }
  }

  close(): void {
    this.opening++;
    this.connection?.close();
    this.connection = null;
    this.releaseLock();
  }

  private releaseLock(): void {
    this.lock?.release();
    this.lock = null;
  }
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}
