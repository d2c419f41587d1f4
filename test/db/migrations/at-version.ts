import fs from 'node:fs';
import { databasePath, migrate } from '../../../electron/db/database';
import { MIGRATIONS } from '../../../electron/db/migrations/index';
import { openSqlite, type Db } from '../../../electron/db/native';
import { makeDataDir } from '../../support/clinic';

// Each migration's test builds the schema as it stood one step earlier, seeds it with raw SQL
// (the way that version of the app wrote rows, not through today's repositories), runs just
// the step under test and checks what it left.

export interface OldDatabase {
  db: Db;
  /** Runs the migrations up to and including `version` (normally just the step under test). */
  migrateTo(version: number): number;
  close(): void;
}

export function databaseAt(version: number): OldDatabase {
  const dir = makeDataDir('fettle-migration-');
  const db = openSqlite(databasePath(dir));
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS.slice(0, version));
  return {
    db,
    migrateTo: (target) => migrate(db, MIGRATIONS.slice(0, target)),
    close() {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const tableNames = (db: Db) =>
  (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

export const indexNames = (db: Db, table: string) =>
  (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name").all(table) as { name: string }[]).map((r) => r.name);

export const columnNames = (db: Db, table: string) =>
  (db.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').all(table) as { name: string }[]).map((r) => r.name);
