import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listBackups } from '../../electron/db/backup';
import { databasePath } from '../../electron/db/database';
import { BLANK_CLIENT, insertClient } from '../../electron/db/repositories/clients';
import type { BackupInspection, RestoreResult } from '../../shared/api/storage';
import type { TestClinic } from '../support/clinic';
import { sha256, sideFiles } from './files';
import { scratchSpace } from './support/scratch';

// Restoring from a file a person picks: never the clinic's own database, the commits in a -wal
// beside the file come along, nothing is created beside it, and the current database is not
// touched until its replacement is whole and in place.

const { clinic, tempDir } = scratchSpace();
afterEach(() => vi.restoreAllMocks());

const clientNames = (c: TestClinic) => c.db.prepare('SELECT first_name FROM clients ORDER BY id').pluck().all();

function addClients(c: TestClinic, n: number, prefix = 'Runner'): void {
  for (let i = 0; i < n; i++) insertClient(c.db, { ...BLANK_CLIENT, firstName: `${prefix}${i}`, lastName: 'Okafor' });
}

describe("the clinic's own database chosen for a restore", () => {
  it('is refused with its own message, by any path to it or its -wal, and the clinic keeps every row', async () => {
    const c = clinic();
    addClients(c, 5);
    const before = clientNames(c);
    const own = databasePath(c.dataDir);
    const linked = path.join(tempDir('fettle-usb-'), 'fettle.sqlite');
    fs.symlinkSync(own, linked);

    for (const file of [own, `${own}-wal`, linked]) {
      const inspection = await c.call<BackupInspection>('backups:inspect', { file });
      expect(inspection).toEqual({
        usable: false,
        reason: 'in-use',
        message: `${file} is the clinic's own database (in the data folder Fettle has open), so it cannot be restored over itself. Nothing has been changed. Choose a backup instead (they are in ${path.join(c.dataDir, 'backups')}).`,
      });
      expect(await c.dispatch('backups:restore', { file })).toEqual({ ok: false, code: 'invalid', message: inspection.usable ? '' : inspection.message, fields: { file: expect.any(String) } });
    }
    expect(clientNames(c)).toEqual(before);
    // Refused before anything was written: no safety backup, no copy beside the database.
    expect(listBackups(path.join(c.dataDir, 'backups'))).toEqual([]);
    expect(fs.readdirSync(c.dataDir).filter((f) => f.includes('.restoring'))).toEqual([]);
    await c.call('clients:create', { firstName: 'Still', lastName: 'Working' });
  });
});

describe('a restore that fails part-way', () => {
  it('leaves the current database as it was when its replacement cannot be copied (a full disk)', async () => {
    const source = clinic();
    addClients(source, 3, 'Backup');
    const backup = await source.call<{ file: string }>('backups:run');
    const c = clinic();
    addClients(c, 4, 'Current');
    const before = clientNames(c);
    const ownHash = () => (c.db.pragma('wal_checkpoint(TRUNCATE)'), sha256(databasePath(c.dataDir)));
    const hash = ownHash();

    const copy = fs.copyFileSync;
    vi.spyOn(fs, 'copyFileSync').mockImplementation((from, to, mode) => {
      if (String(to).endsWith('.restoring')) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      return copy(from, to, mode);
    });
    expect(await c.dispatch('backups:restore', { file: backup.file })).toMatchObject({ ok: false, code: 'unavailable', message: expect.stringMatching(/^The disk holding .* is full/) });

    expect(clientNames(c)).toEqual(before);
    expect(ownHash()).toBe(hash);
    expect(fs.readdirSync(c.dataDir).filter((f) => f.includes('.restoring'))).toEqual([]);
    expect(listBackups(path.join(c.dataDir, 'backups'))).toEqual([]);
  });
});

describe('a data folder copied while Fettle was open (its newest commits in the -wal)', () => {
  it('restores every commit its summary showed, and nothing is created beside the picked file', async () => {
    const open = clinic();
    addClients(open, 50);
    const own = databasePath(open.dataDir);
    expect(fs.statSync(`${own}-wal`).size).toBeGreaterThan(0);
    // The copy a person makes of the folder while the app is open: the file and its -wal.
    const usb = tempDir('fettle-usb-');
    const picked = path.join(usb, 'fettle.sqlite');
    fs.copyFileSync(own, picked);
    fs.copyFileSync(`${own}-wal`, `${picked}-wal`);
    const hashes = [sha256(picked), sha256(`${picked}-wal`)];
    // The file alone holds none of them: they are all in the -wal.
    const alone = path.join(tempDir('fettle-alone-'), 'fettle.sqlite');
    fs.copyFileSync(own, alone);

    const c = clinic();
    addClients(c, 2, 'Current');
    expect(await c.call<BackupInspection>('backups:inspect', { file: alone })).toMatchObject({ usable: true, summary: { counts: { clients: 0 } } });
    const inspection = await c.call<BackupInspection>('backups:inspect', { file: picked });
    expect(inspection).toMatchObject({ usable: true, summary: { counts: { clients: 50 } } });
    expect(sideFiles(picked)).toEqual(['fettle.sqlite-wal']);

    const result = await c.call<RestoreResult>('backups:restore', { file: picked });
    expect(result.restored.counts.clients).toBe(50);
    expect(c.db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(50);
    expect(clientNames(c)).toEqual(clientNames(open));

    expect(fs.readdirSync(usb).sort()).toEqual(['fettle.sqlite', 'fettle.sqlite-wal']);
    expect([sha256(picked), sha256(`${picked}-wal`)]).toEqual(hashes);
    expect(fs.readdirSync(c.dataDir).filter((f) => f.includes('.restoring'))).toEqual([]);
    expect(fs.statSync(databasePath(c.dataDir)).mode & 0o777).toBe(0o600);
  });
});
