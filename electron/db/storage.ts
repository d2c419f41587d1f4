import path from 'node:path';
import type { StorageRefusal } from '../../shared/api/storage';
import { databasePath, makePrivateFolder, openDatabase } from './database';
import { APPLICATION_ID, readDatabaseFile } from './file-check';
import { lockDataFolder, type FolderLock } from './folder-lock';
import { MIGRATIONS, type Migration } from './migrations/index';
import type { Db } from './native';
import { StorageError, storageFault } from './refusal';
import { getSetting } from './repositories/settings';

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
  /** A backup or restore in progress (one at a time), with how far it has got. */
  activity: { kind: 'backup' | 'restore'; percent: number; startedAt: string; done: Promise<unknown> } | null = null;

  private constructor(
    private folder: string,
    private readonly migrations: readonly Migration[],
  ) {}

  /** Takes the folder and opens its database; a refusal is kept (see `refusal`), not thrown. */
  static open(dataDir: string, migrations: readonly Migration[] = MIGRATIONS): ClinicStorage {
    const storage = new ClinicStorage(path.resolve(dataDir), migrations);
    storage.reopen();
    return storage;
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
    try {
      this.connection = openDatabase(this.folder, this.migrations);
      this.problem = null;
    } catch (error) {
      this.problem = storageFault(error, this.file) ?? null;
      if (!this.problem) {
        this.close();
        throw error;
      }
    }
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
    this.connection?.close();
    this.connection = null;
    this.releaseLock();
  }

  private releaseLock(): void {
    this.lock?.release();
    this.lock = null;
  }
}
