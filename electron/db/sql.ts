import type Database from 'better-sqlite3';
import type { Db } from './native';

// Prepared statements, compiled once per database connection and reused: every repository
// goes through `statement(db, sql)` instead of calling `db.prepare` on each call.
// Keyed weakly by the connection, so a closed and reopened database (restore, tests) never
// sees another connection's statements.
const cache = new WeakMap<Db, Map<string, Database.Statement>>();

export function statement(db: Db, sql: string): Database.Statement {
  let byText = cache.get(db);
  if (!byText) {
    byText = new Map();
    cache.set(db, byText);
  }
  let prepared = byText.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    byText.set(sql, prepared);
  }
  return prepared;
}

/**
 * Runs `work` as one write transaction taken with BEGIN IMMEDIATE: the write lock is held
 * from the first statement, so two copies of the app (or two writers) never fail half-way
 * with "database is locked" after reading; the loser waits for the busy timeout instead.
 */
export function writeTransaction<T>(db: Db, work: () => T): T {
  return db.transaction(work).immediate();
}

/**
 * The `updated_at` to store when a record is saved over the version `previous`: now, or one
 * millisecond after `previous` when the clock has not moved past it (two saves in the same
 * millisecond, or a clock set back). So the stamp an edit sends back always names one version.
 */
export function nextUpdatedAt(previous: string, now: Date = new Date()): string {
  const last = Date.parse(previous);
  const next = Number.isNaN(last) ? now.getTime() : Math.max(now.getTime(), last + 1);
  return new Date(next).toISOString();
}
