import fs from 'node:fs';
import path from 'node:path';
import { openSqlite, type Db } from './native';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations/index';

/** 'FETL' as a 32-bit integer: marks a SQLite file as Fettle's own (PRAGMA application_id). */
export const APPLICATION_ID = 0x4645544c;
export const DATABASE_FILE = 'fettle.sqlite';

export class DatabaseRefusedError extends Error {
  override name = 'DatabaseRefusedError';
}

export function databasePath(dataDir: string): string {
  return path.join(dataDir, DATABASE_FILE);
}

/**
 * Opens (creating if needed) the clinic database in `dataDir` and brings its schema up to date.
 * A database written by a newer Fettle, or a file that is not Fettle's, is refused before
 * anything is written to it.
 */
export function openDatabase(dataDir: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = databasePath(dataDir);
  const isNew = !fs.existsSync(file);
  // Read-only first: a refused file must be left byte-for-byte untouched (no WAL switch, no journal).
  if (!isNew) checkCompatible(file, migrations);
  const db = openSqlite(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function checkCompatible(file: string, migrations: readonly Migration[]): void {
  const probe = openSqlite(file, { readonly: true, fileMustExist: true });
  try {
    const appId = probe.pragma('application_id', { simple: true }) as number;
    const version = probe.pragma('user_version', { simple: true }) as number;
    if (appId !== 0 && appId !== APPLICATION_ID) {
      throw new DatabaseRefusedError(`${file} is not a Fettle database, so Fettle will not open it. Move it aside or choose another data folder.`);
    }
    const latest = migrations.at(-1)?.version ?? 0;
    if (version > latest) {
      throw new DatabaseRefusedError(
        `This clinic database was last used by a newer version of Fettle (data version ${version}; this copy understands up to ${latest}). ` +
          `It has not been changed. Install the latest Fettle to open it.`,
      );
    }
  } catch (error) {
    if (error instanceof DatabaseRefusedError) throw error;
    throw new DatabaseRefusedError(`${file} could not be read as a database (${(error as Error).message}). It has not been changed.`);
  } finally {
    probe.close();
  }
}

/** Applies each pending migration in order, each in one transaction with its version bump. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  let version = db.pragma('user_version', { simple: true }) as number;
  for (const migration of migrations) {
    if (migration.version <= version) continue;
    if (migration.version !== version + 1) {
      throw new Error(`Migration ${migration.version} (${migration.name}) is out of order after version ${version}.`);
    }
    db.transaction(() => {
      migration.up(db);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${migration.version}`);
    })();
    version = migration.version;
  }
  return version;
}

export { LATEST_VERSION, type Db };
