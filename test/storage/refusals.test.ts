import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { databasePath } from '../../electron/db/database';
import type { BackupInspection, StorageRefusal, StorageStatus } from '../../shared/api/storage';
import type { Client } from '../../shared/api/types';
import { makeDataDir, openTestClinic, type TestClinic } from '../support/clinic';
import { otherApplicationStamped, REFUSED_FILES, sha256, sideFiles } from './files';

// "Refused and left untouched": what a file is, is decided before anything is written to it or
// beside it, both when Fettle starts on a data folder and when someone picks a file to restore.

const MESSAGES: Record<keyof typeof REFUSED_FILES, RegExp> = {
  'empty-file': /is empty \(0 bytes\), so it holds no clinic records\. Fettle has not changed it\. Restore your newest backup/,
  truncated: /is cut short: .* Fettle has not changed it\. Restore your newest backup\./,
  'not-a-database': /is not a database file\. Fettle has not changed it\./,
  'other-application': /is another program's database, not a Fettle clinic\. Fettle has not changed it\./,
  'foreign-clients-table': /has a "clients" table, but it is another program's database, not a Fettle clinic\. Fettle has not changed it\./,
  'newer-version': /newer version of Fettle \(data version \d+; this copy understands up to \d+\)\. It has not been changed\. Install the latest Fettle/,
  damaged: /Fettle found damage inside .*\(the integrity check failed: .+\)\. Fettle has not changed it\. Restore your newest backup\./,
};
const KINDS = Object.keys(REFUSED_FILES) as (keyof typeof REFUSED_FILES)[];

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const done of cleanup.splice(0)) done();
});

function clinicOn(dataDir: string): TestClinic {
  const clinic = openTestClinic({ dataDir });
  cleanup.push(() => clinic.close());
  return clinic;
}

describe('on start-up, a database Fettle must not open', () => {
  const seen = new Map<string, string>();

  it.each(KINDS)('%s: refused with its own reason and message, bytes unchanged, no -wal or -shm beside it', async (kind) => {
    const dataDir = makeDataDir('fettle-refuse-');
    const file = databasePath(dataDir);
    REFUSED_FILES[kind](file);
    const before = sha256(file);

    const clinic = clinicOn(dataDir);
    const status = await clinic.call<StorageStatus>('storage:status');
    expect(status).toMatchObject({ state: 'refused', reason: kind, message: expect.stringMatching(MESSAGES[kind]), dataDir, file });
    seen.set(kind, (status as { message: string }).message);
    // Every other call says the same, rather than failing somewhere deeper.
    expect(await clinic.dispatch('clients:search', {})).toEqual({ ok: false, code: 'unavailable', message: (status as { message: string }).message });
    expect(await clinic.dispatch('clients:create', { firstName: 'Ada', lastName: 'Okafor' })).toMatchObject({ ok: false, code: 'unavailable' });
    // Trying again (as after "Try again", or a second start) changes nothing either.
    expect(await clinic.call<StorageStatus>('storage:retry')).toMatchObject({ state: 'refused', reason: kind });

    expect(sha256(file)).toBe(before);
    expect(sideFiles(file)).toEqual([]);
  });

  it('gives every kind a message of its own', () => {
    expect(seen.size).toBe(KINDS.length);
    expect(new Set([...seen.values()].map((m) => m.replace(/\/\S+/g, ''))).size).toBe(KINDS.length);
  });

  it("refuses a file stamped with another program's application id without opening it", async () => {
    const dataDir = makeDataDir('fettle-refuse-');
    const file = databasePath(dataDir);
    otherApplicationStamped(file);
    const before = sha256(file);
    expect(await clinicOn(dataDir).call('storage:status')).toMatchObject({ state: 'refused', reason: 'other-application' });
    expect(sha256(file)).toBe(before);
    expect(sideFiles(file)).toEqual([]);
  });

  it('offers the newest backup in the folder as the way out', async () => {
    const dataDir = makeDataDir('fettle-refuse-');
    const healthy = clinicOn(dataDir);
    await healthy.call('clients:create', { firstName: 'Ada', lastName: 'Okafor' });
    await healthy.call('backups:run');
    healthy.storage.close();
    REFUSED_FILES.damaged(databasePath(dataDir));

    const status = await clinicOn(dataDir).call<StorageStatus>('storage:status');
    expect(status).toMatchObject({
      state: 'refused',
      reason: 'damaged',
      backupFolder: path.join(dataDir, 'backups'),
      newestBackup: { name: expect.stringMatching(/^fettle-\d{4}-\d\d-\d\d-\d{6}\.sqlite$/), kind: 'backup' },
    });
  });
});

describe('a file picked for restore that Fettle must not restore', () => {
  it.each(KINDS)('%s: inspect says why, restore refuses, the file and the clinic are unchanged', async (kind) => {
    const clinic = clinicOn(makeDataDir('fettle-restore-into-'));
    await clinic.call<Client>('clients:create', { firstName: 'Ada', lastName: 'Okafor' });
    const elsewhere = makeDataDir('fettle-picked-');
    cleanup.push(() => fs.rmSync(elsewhere, { recursive: true, force: true }));
    const file = path.join(elsewhere, 'picked.sqlite');
    REFUSED_FILES[kind](file);
    const before = sha256(file);

    const inspection = await clinic.call<BackupInspection>('backups:inspect', { file });
    expect(inspection).toEqual({ usable: false, reason: kind, message: expect.stringMatching(MESSAGES[kind]) });
    const restore = await clinic.dispatch('backups:restore', { file });
    expect(restore).toMatchObject({ ok: false, message: (inspection as { message: string }).message });

    expect(sha256(file)).toBe(before);
    expect(sideFiles(file)).toEqual([]);
    expect(clinic.db.prepare('SELECT first_name FROM clients').all()).toEqual([{ first_name: 'Ada' }]);
    // Nothing was replaced, so no safety backup was needed.
    expect(fs.existsSync(path.join(clinic.dataDir, 'backups'))).toBe(false);
  });

  it('says so when the picked file is not there', async () => {
    const clinic = clinicOn(makeDataDir('fettle-restore-into-'));
    const missing: StorageRefusal = 'missing';
    expect(await clinic.call('backups:inspect', { file: '/nowhere/fettle-2026-03-01-090000.sqlite' })).toMatchObject({ usable: false, reason: missing });
    expect(await clinic.dispatch('backups:inspect', { file: 'relative/path.sqlite' })).toMatchObject({ ok: false, code: 'invalid', fields: { file: expect.stringMatching(/full path/) } });
  });
});
