import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, DatabaseRefusedError, databasePath, LATEST_VERSION, migrate, openDatabase } from '../../electron/db/database';
import { MIGRATIONS, type Migration } from '../../electron/db/migrations/index';
import { openSqlite } from '../../electron/db/native';
import { BLANK_CLIENT, insertClient } from '../../electron/db/repositories/clients';
import { makeDataDir } from '../support/clinic';

const dirs: string[] = [];
const freshDir = () => {
  const dir = makeDataDir('fettle-migrate-');
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const tables = (db: ReturnType<typeof openSqlite>) =>
  (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

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
    expect(tables(db)).toEqual(expect.arrayContaining(['appointments', 'clients', 'races', 'therapists', 'treatments', 'users']));
    const strict = db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' AND strict = 0").all();
    expect(strict).toEqual([]);
    // STRICT really bites: a text date of birth is fine, an integer id as text is not.
    expect(() => db.prepare("INSERT INTO therapists (id, name) VALUES ('x', 'Sam')").run()).toThrow(/datatype mismatch/);
    db.close();
  });

  it('run once: reopening changes nothing', () => {
    const dir = freshDir();
    openDatabase(dir).close();
    const db = openDatabase(dir);
    expect(migrate(db)).toBe(LATEST_VERSION);
    db.close();
  });

  it('bring a version-1 database with data up to date, backfilling the search key', () => {
    const dir = freshDir();
    const v1 = openSqlite(databasePath(dir));
    migrate(v1, MIGRATIONS.slice(0, 1));
    v1.prepare("INSERT INTO therapists (name) VALUES ('Sam Reid')").run();
    v1.prepare("INSERT INTO clients (first_name, last_name, phone, email) VALUES ('Mary', 'McDonald', '07700 900 456', 'Mary@Example.org')").run();
    v1.prepare("INSERT INTO races (client_id, name, date, distance) VALUES (1, 'Brighton Marathon', '2026-04-12', 'marathon')").run();
    expect(v1.pragma('user_version', { simple: true })).toBe(1);
    v1.close();

    const db = openDatabase(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    const row = db.prepare('SELECT first_name, search_key, sort_name FROM clients').get() as { first_name: string; search_key: string; sort_name: string };
    expect(row.first_name).toBe('Mary');
    expect(row.sort_name).toBe('mcdonald mary');
    expect(row.search_key).toContain('mcdonald');
    expect(row.search_key).toContain('07700900456');
    expect(row.search_key).toContain('maryexampleorg');
    expect(db.prepare('SELECT count(*) AS n FROM races').get()).toEqual({ n: 1 });
    db.close();
  });

  it.each(MIGRATIONS.slice(0, -1).map((m) => m.version))('bring a version-%i database with data to the latest version, keeping the data', (from) => {
    const dir = freshDir();
    const old = openSqlite(databasePath(dir));
    migrate(old, MIGRATIONS.slice(0, from));
    old.prepare("INSERT INTO therapists (name) VALUES ('Priya Nair')").run();
    // A client written the way that version of the app wrote them.
    if (from >= 2) insertClient(old, { ...BLANK_CLIENT, firstName: 'José', lastName: 'Álvarez' });
    else old.prepare("INSERT INTO clients (first_name, last_name) VALUES ('José', 'Álvarez')").run();
    old.prepare("INSERT INTO treatments (client_id, therapist_id, date, intensity, phase, ceiling) VALUES (1, 1, '2026-02-01', 'deep', 'base', 'deep')").run();
    old.close();
    const db = openDatabase(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.prepare('SELECT first_name, sort_name FROM clients').get()).toEqual({ first_name: 'José', sort_name: 'alvarez jose' });
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
    expect(tables(db)).not.toContain('half_done');
    db.close();
  });

  it('refuse a database from a newer Fettle with a readable message and leave it untouched', () => {
    const dir = freshDir();
    openDatabase(dir).close();
    const file = databasePath(dir);
    const raw = openSqlite(file);
    raw.pragma('journal_mode = DELETE');
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`);
    raw.close();
    const before = sha(file);
    const listing = fs.readdirSync(dir).sort();

    expect(() => openDatabase(dir)).toThrow(DatabaseRefusedError);
    expect(() => openDatabase(dir)).toThrow(/newer version of Fettle.*has not been changed/s);
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(listing);
  });

  it("refuse a SQLite file that is not Fettle's", () => {
    const dir = freshDir();
    const other = openSqlite(databasePath(dir));
    other.pragma('application_id = 12345');
    other.exec('CREATE TABLE x (y)');
    other.close();
    expect(() => openDatabase(dir)).toThrow(/not a Fettle database/);
  });
});
