import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, databasePath, LATEST_VERSION, migrate, openDatabase } from '../../electron/db/database';
import { MIGRATIONS, type Migration } from '../../electron/db/migrations/index';
import { openSqlite } from '../../electron/db/native';
import { makeDataDir } from '../support/clinic';
import { tableNames } from './migrations/at-version';

// The migration runner. Each step has its own test in test/db/migrations/.

const dirs: string[] = [];
const freshDir = () => {
  const dir = makeDataDir('fettle-migrate-');
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('migrations', () => {
  it('are numbered 1..n with no gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
  });

  it('build the whole schema from an empty folder, with WAL, foreign keys and STRICT tables', () => {
    const db = openDatabase(freshDir());
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['appointments', 'clients', 'races', 'settings', 'therapists', 'treatments', 'users']));
    // Ordinary tables only: a full-text index (migration 7) keeps its data in SQLite's own shadow tables.
    const loose = db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND strict = 0").all();
    expect(loose).toEqual([]);
    db.close();
  });

  it('run once: reopening changes nothing', () => {
    const dir = freshDir();
    openDatabase(dir).close();
    const db = openDatabase(dir);
    expect(migrate(db)).toBe(LATEST_VERSION);
    db.close();
  });

  it.each(MIGRATIONS.slice(0, -1).map((m) => m.version))('bring a version-%i database with data to the latest version, keeping the data', (from) => {
    const dir = freshDir();
    const old = openSqlite(databasePath(dir));
    migrate(old, MIGRATIONS.slice(0, from));
    // Rows as that version's app wrote them: plain SQL, never today's repositories.
    old.exec(`
      INSERT INTO therapists (name) VALUES ('Priya Nair');
      INSERT INTO clients (first_name, last_name) VALUES ('José', 'Álvarez');
      INSERT INTO races (client_id, name, date, distance) VALUES (1, 'Bath Half', '2026-03-15', 'half');
      INSERT INTO treatments (client_id, therapist_id, date, intensity, phase, ceiling) VALUES (1, 1, '2026-02-01', 'deep', 'base', 'deep');
    `);
    if (from >= 2) old.exec(`UPDATE clients SET search_key = 'jose alvarez josealvarez', sort_name = 'alvarez jose'`);
    old.close();

    const db = openDatabase(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.prepare('SELECT first_name, sort_name FROM clients').get()).toEqual({ first_name: 'José', sort_name: 'alvarez jose' });
    expect(db.prepare('SELECT count(*) AS n FROM races').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM treatments').get()).toEqual({ n: 1 });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('roll a failing migration back whole, leaving the version where it was', () => {
    const dir = freshDir();
    const db = openSqlite(databasePath(dir));
    const broken: Migration = {
      version: 2,
      name: 'broken',
      up(d) {
        d.exec('CREATE TABLE half_done (id INTEGER PRIMARY KEY) STRICT');
        throw new Error('disk full');
      },
    };
    expect(() => migrate(db, [MIGRATIONS[0]!, broken])).toThrow('disk full');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(tableNames(db)).not.toContain('half_done');
    db.close();
  });

  it('refuse a list with a gap instead of skipping a step', () => {
    const db = openSqlite(databasePath(freshDir()));
    expect(() => migrate(db, [MIGRATIONS[0]!, MIGRATIONS[2]!])).toThrow(/out of order/);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
  });
});
