import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backupName, listBackups, writeBackup } from '../../electron/db/backup';
import { databasePath } from '../../electron/db/database';
import { openSqlite } from '../../electron/db/native';
import { BLANK_CLIENT, insertClient } from '../../electron/db/repositories/clients';
import { writeTransaction } from '../../electron/db/sql';
import type { BackupEntry, BackupStatus, RestoreResult } from '../../shared/api/storage';
import type { TestClinic } from '../support/clinic';
import { sha256 } from './files';
import { scratchSpace } from './support/scratch';

// A backup is verified after it is written: its progress is reported as it goes, and a copy
// that fails its check never gets a backup's name.

const { clinic } = scratchSpace();
afterEach(() => vi.restoreAllMocks());

const BACKUP_NAME = /^fettle-\d{4}-\d\d-\d\d-\d{6}(-before-restore)?\.sqlite$/;
const folderOf = (c: TestClinic) => path.join(c.dataDir, 'backups');
const namesIn = (folder: string) => (fs.existsSync(folder) ? fs.readdirSync(folder).sort() : []);

function addClients(c: TestClinic, n: number): void {
  writeTransaction(c.db, () => {
    for (let i = 0; i < n; i++) insertClient(c.db, { ...BLANK_CLIENT, firstName: `Runner${i}`, lastName: 'Okafor', notes: 'Tight calves after the long run. '.repeat(60) });
  });
}

/**
 * Damage the start-up quick_check does not see: an index that disagrees with its table (its
 * schema row taken away while the rows change, then put back).
 */
function damageAnIndex(c: TestClinic): void {
  c.db.exec("CREATE TABLE scratch (a INTEGER, b TEXT); CREATE INDEX scratch_a ON scratch (a); INSERT INTO scratch VALUES (1, 'x'), (2, 'y'), (3, 'z');");
  c.storage.replace(() => {
    const file = databasePath(c.dataDir);
    let raw = openSqlite(file).unsafeMode(true); // lifts better-sqlite3's defensive mode, which guards the schema table
    raw.pragma('writable_schema = ON');
    const row = raw.prepare("SELECT type, name, tbl_name, rootpage, sql FROM sqlite_schema WHERE name = 'scratch_a'").get() as Record<string, unknown>;
    raw.prepare("DELETE FROM sqlite_schema WHERE name = 'scratch_a'").run();
    raw.close();
    raw = openSqlite(file).unsafeMode(true);
    raw.exec('UPDATE scratch SET a = a + 10');
    raw.pragma('writable_schema = ON');
    raw.prepare('INSERT INTO sqlite_schema (type, name, tbl_name, rootpage, sql) VALUES (@type, @name, @tbl_name, @rootpage, @sql)').run(row);
    raw.close();
  });
}

describe('backup progress', () => {
  it('reports how far the copy has got, step by step, ending at 100', async () => {
    const c = clinic();
    addClients(c, 2500); // about 5 MB: more than one step of 1,000 pages
    const percents: number[] = [];
    const entry = await writeBackup(c.db, folderOf(c), { kind: 'backup', onProgress: (p) => percents.push(p.percent) });
    expect(entry.sizeBytes).toBeGreaterThan(4 * 1024 * 1024);
    expect(percents.length).toBeGreaterThanOrEqual(3);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(percents.some((p) => p > 0 && p < 100)).toBe(true);
    expect(percents.at(-1)).toBe(100);
  });
});

describe('a backup that fails its verification', () => {
  it('of a database damaged itself: refused naming the database, no file with a backup\'s name; restoring an earlier backup sets the damaged one aside', async () => {
    const c = clinic();
    addClients(c, 3);
    const good = await c.call<BackupEntry>('backups:run');
    damageAnIndex(c);
    expect(c.storage.refusal).toBeNull(); // quick_check at start-up passes it

    const result = await c.dispatch('backups:run', {});
    expect(result).toMatchObject({
      ok: false,
      code: 'invalid',
      message: expect.stringMatching(new RegExp(`^Fettle found damage inside ${databasePath(c.dataDir)} \\(a backup of it failed its check, and so does the database: .*scratch_a`)),
    });
    expect(namesIn(folderOf(c))).toEqual([good.name]);
    expect((await c.call<BackupStatus>('backups:status')).lastGood).toEqual(good);
    expect(c.storage.activity).toBeNull();

    // No verified safety copy can be made of it, so it is kept as it was, beside the restored one.
    const damagedHash = (c.db.pragma('wal_checkpoint(TRUNCATE)'), sha256(databasePath(c.dataDir)));
    const restored = await c.call<RestoreResult>('backups:restore', { file: good.file });
    expect(restored).toMatchObject({ safetyBackup: null, setAside: expect.stringMatching(/fettle\.sqlite\.set-aside-\d{8}-\d{6}$/) });
    expect(sha256(restored.setAside!)).toBe(damagedHash);
    expect(c.db.prepare('PRAGMA integrity_check').pluck().all()).toEqual(['ok']);
    expect(c.db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(3);
  });

  it('spoiled on its way to the backup folder (a failing drive): refused saying the data is sound, no file with a backup\'s name', async () => {
    const c = clinic();
    addClients(c, 300);
    const read = fs.readFileSync;
    // The drive hands back one page of zeros where the copy was written.
    vi.spyOn(fs, 'readFileSync').mockImplementation(((file: fs.PathOrFileDescriptor, options?: never) => {
      const bytes = read(file, options);
      if (String(file).endsWith('.partial') && Buffer.isBuffer(bytes)) bytes.fill(0, 4096 * 5, 4096 * 6);
      return bytes;
    }) as typeof fs.readFileSync);
    const folder = folderOf(c);
    expect(await c.dispatch('backups:run', {})).toMatchObject({
      ok: false,
      code: 'invalid',
      message: `The backup written to ${folder} did not pass its check, so it was not kept. The clinic's own data is sound; the backup drive may be failing. Try again, or choose another backup folder in Settings.`,
    });
    expect(namesIn(folder).filter((n) => BACKUP_NAME.test(n) || n.endsWith('.partial'))).toEqual([]);
    expect(listBackups(folder)).toEqual([]);
    expect(backupName(new Date(), 'backup')).toMatch(BACKUP_NAME); // the filter above would see one
  });
});
