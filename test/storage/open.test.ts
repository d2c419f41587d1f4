import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/api/dispatcher';
import { BUSY_TIMEOUT_MS, databasePath, openDatabase } from '../../electron/db/database';
import { openSqlite } from '../../electron/db/native';
import { storageFault } from '../../electron/db/refusal';
import { fixedClock } from '../../electron/services/context';
import { makeDataDir, openTestClinic, sessionAs } from '../support/clinic';

// Opening a data folder: only a missing file becomes a new clinic, made private and durable.

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = makeDataDir('fettle-open-');
  dirs.push(dir);
  return dir;
};

describe('a new clinic', () => {
  it('is made only where there is no database file, private to the user, with nothing left half-made', () => {
    const dataDir = path.join(tempDir(), 'Fettle');
    const db = openDatabase(dataDir);
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(databasePath(dataDir)).mode & 0o777).toBe(0o600);
    for (const side of ['-wal', '-shm']) {
      const file = databasePath(dataDir) + side;
      if (fs.existsSync(file)) expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    }
    expect(fs.readdirSync(dataDir).filter((f) => f.includes('.new'))).toEqual([]);
    db.close();
  });

  it('tightens a data folder and file an older version left readable by everyone', () => {
    const dataDir = tempDir();
    openDatabase(dataDir).close();
    fs.chmodSync(dataDir, 0o755);
    fs.chmodSync(databasePath(dataDir), 0o644);
    openDatabase(dataDir).close();
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(databasePath(dataDir)).mode & 0o777).toBe(0o600);
  });

  it('is opened with WAL, synchronous FULL, foreign keys and a short busy wait', () => {
    const db = openDatabase(tempDir());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
    db.close();
  });
});

describe('storage faults while working', () => {
  it('a full disk: the write is refused with its own message, nothing half-saved', async () => {
    const clinic = openTestClinic();
    dirs.push(clinic.dataDir);
    // SQLite's own limit stands in for a full disk: it fails the write with SQLITE_FULL, as a full disk does.
    clinic.db.pragma(`max_page_count = ${clinic.db.pragma('page_count', { simple: true }) as number}`);
    let saved = 0;
    let result = await clinic.dispatch('clients:create', { firstName: 'Ada', lastName: 'Okafor', notes: 'x'.repeat(4000) });
    while (result.ok && saved < 50) {
      saved++;
      result = await clinic.dispatch('clients:create', { firstName: 'Ada', lastName: 'Okafor', notes: 'x'.repeat(4000) });
    }
    expect(result).toEqual({
      ok: false,
      code: 'unavailable',
      message: `The disk holding ${clinic.dataDir} is full, so Fettle cannot save. Nothing already saved is lost. Free some space (empty the bin, move large files elsewhere), then try again.`,
    });
    expect(clinic.db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(saved);
    clinic.storage.close();
  });

  it('a read-only database: refused with its own message', async () => {
    const dataDir = tempDir();
    openDatabase(dataDir).close();
    const db = openSqlite(databasePath(dataDir), { readonly: true });
    const dispatch = createDispatcher(() => ({ db, ...fixedClock('2026-03-02'), session: sessionAs(['admin']), version: 't', dataDir }));
    expect(await dispatch('clients:create', { firstName: 'Ada', lastName: 'Okafor' })).toEqual({
      ok: false,
      code: 'unavailable',
      message: expect.stringMatching(new RegExp(`^Fettle cannot write to ${dataDir}: it is read-only .*Nothing was saved\\.`)),
    });
    db.close();
  });

  it('another program holding the database locked: refused quickly with its own message', async () => {
    const clinic = openTestClinic();
    dirs.push(clinic.dataDir);
    const other = openSqlite(databasePath(clinic.dataDir));
    other.exec('BEGIN IMMEDIATE');
    const started = performance.now();
    const result = await clinic.dispatch('clients:create', { firstName: 'Ada', lastName: 'Okafor' });
    const waited = performance.now() - started;
    other.exec('ROLLBACK');
    other.close();
    expect(result).toMatchObject({ ok: false, code: 'unavailable', message: expect.stringMatching(/^Another program is holding the clinic database locked/) });
    expect(waited).toBeGreaterThanOrEqual(BUSY_TIMEOUT_MS - 10);
    expect(waited).toBeLessThan(2_000);
    clinic.storage.close();
  });

  it.each([
    ['EROFS', 'read-only'],
    ['EACCES', 'read-only'],
    ['ENOSPC', 'disk-full'],
    ['SQLITE_READONLY_DBMOVED', 'read-only'],
    ['SQLITE_CANTOPEN', 'read-only'],
    ['SQLITE_FULL', 'disk-full'],
    ['SQLITE_BUSY', 'locked'],
    ['SQLITE_CORRUPT_INDEX', 'damaged'],
    ['SQLITE_NOTADB', 'not-a-database'],
    ['SQLITE_IOERR_SHORT_READ', 'truncated'],
  ])('names %s as %s', (code, reason) => {
    expect(storageFault(Object.assign(new Error('x'), { code }), '/clinic/fettle.sqlite')?.reason).toBe(reason);
  });

  it('leaves other errors (constraints, bugs) to the general message', () => {
    expect(storageFault(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT_CHECK' }), '/f')).toBeUndefined();
    expect(storageFault(new TypeError('x'), '/f')).toBeUndefined();
  });
});

describe('a data folder that does not exist yet', () => {
  it('is created, private, holding a new clinic', () => {
    const dataDir = path.join(tempDir(), 'nested', 'Fettle');
    const clinic = openTestClinic({ dataDir });
    expect(clinic.storage.refusal).toBeNull();
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    clinic.close();
  });
});
