import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupName, backupsToRemove, listBackups } from '../../electron/db/backup';
import { databasePath, LATEST_VERSION, migrate } from '../../electron/db/database';
import { MIGRATIONS } from '../../electron/db/migrations/index';
import { openSqlite, type Db } from '../../electron/db/native';
import { backupStatus, runBackup } from '../../electron/services/backups';
import type { BackupEntry, BackupInspection, BackupStatus, RestoreResult, StorageStatus } from '../../shared/api/storage';
import type { Client, Race, Therapist, Treatment } from '../../shared/api/types';
import { ALL_ROLES, openTestClinic, type TestClinic } from '../support/clinic';
import { REFUSED_FILES, sha256, sideFiles } from './files';
import { scratchSpace } from './support/scratch';

const { clinic, tempDir } = scratchSpace();

/** Every row of every table of ours, for comparing two databases exactly. */
function everything(db: Db): Record<string, string[]> {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const sorted = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
  return Object.fromEntries(tables.map((t) => [t, sorted(db.prepare(`SELECT * FROM "${t}"`).all())]));
}

async function fillClinic(c: TestClinic): Promise<void> {
  const sam = await c.call<Therapist>('therapists:create', { name: 'Sam Reid' });
  c.actAs({ roles: ALL_ROLES, therapistId: sam.id, name: 'Sam Reid' });
  for (const [firstName, lastName] of [['Ada', 'Okafor'], ['Mary', 'McDonald'], ['José', 'Álvarez']] as const) {
    const client = await c.call<Client>('clients:create', { firstName, lastName, medicalAlerts: 'On warfarin: no deep tissue', hotspots: ['Calves'] });
    await c.call<Race>('races:create', { clientId: client.id, name: 'Brighton Marathon', date: '2026-04-12', distance: 'marathon' });
    await c.call<Treatment>('treatments:log', { clientId: client.id, therapistId: sam.id, date: '2026-02-20', intensity: 'moderate', subjective: 'Tight calves.' });
  }
}

describe('backups:run', () => {
  it('writes a verified, self-contained, private copy into <data folder>/backups, reporting progress', async () => {
    const c = clinic();
    await fillClinic(c);
    // As the window polls backups:status while it runs; SQLite's backup steps run on setImmediate too.
    const percents: number[] = [];
    let polling = true;
    const poll = () => {
      if (c.storage.activity) percents.push(c.storage.activity.percent);
      if (polling) setImmediate(poll);
    };
    setImmediate(poll);
    const entry = await c.call<BackupEntry>('backups:run');
    polling = false;

    expect(entry).toMatchObject({ file: path.join(c.dataDir, 'backups', entry.name), kind: 'backup', sizeBytes: fs.statSync(entry.file).size });
    expect(entry.name).toMatch(/^fettle-\d{4}-\d\d-\d\d-\d{6}\.sqlite$/);
    expect(fs.statSync(entry.file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(entry.file)).mode & 0o777).toBe(0o700);
    // Rollback-journal mode: the file is whole on its own, and opening it creates nothing beside it.
    expect(fs.readFileSync(entry.file).subarray(18, 20)).toEqual(Buffer.from([1, 1]));
    expect(fs.readdirSync(path.dirname(entry.file))).toEqual([entry.name]);
    expect(await c.call<BackupStatus>('backups:status')).toMatchObject({ lastGood: entry, warning: null, running: null, folderAvailable: true, isDefaultFolder: true });
    expect(percents.length).toBeGreaterThan(0);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(percents.every((p) => p >= 0 && p <= 100)).toBe(true);
  });

  it('holds what was committed, including commits still in the -wal', async () => {
    const c = clinic();
    await fillClinic(c);
    expect(fs.statSync(`${databasePath(c.dataDir)}-wal`).size).toBeGreaterThan(0);
    const entry = await c.call<BackupEntry>('backups:run');
    const copy = openSqlite(entry.file, { readonly: true });
    expect(everything(copy)).toEqual(everything(c.db));
    copy.close();
  });

  it('joins a backup already running instead of starting a second', async () => {
    const c = clinic();
    await fillClinic(c);
    const [a, b] = await Promise.all([c.call<BackupEntry>('backups:run'), c.call<BackupEntry>('backups:run')]);
    expect(a).toEqual(b);
  });

  it('is open to therapists, while restore and the folder are for administrators', async () => {
    const c = clinic({ role: 'therapist' });
    expect(await c.dispatch('backups:run', {})).toMatchObject({ ok: true });
    expect(await c.dispatch('backups:status', {})).toMatchObject({ ok: true });
    expect(await c.dispatch('backups:restore', { file: '/tmp/x.sqlite' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await c.dispatch('backups:setFolder', { folder: null })).toMatchObject({ ok: false, code: 'forbidden' });
  });
});

describe('rotation', () => {
  const entry = (at: string): BackupEntry => ({ file: at, name: at, takenAt: new Date(at).toISOString(), sizeBytes: 1, kind: 'backup' });

  it('keeps the newest of each of the last 7 days, 4 weeks and 12 months', () => {
    // Two backups a day (09:00 and 18:00) for 400 days up to 02/03/2026.
    const all: BackupEntry[] = [];
    for (let d = 0; d < 400; d++) {
      for (const hour of [9, 18]) all.push(entry(new Date(2026, 2, 2 - d, hour).toISOString()));
    }
    const removed = new Set(backupsToRemove(all));
    const kept = all.filter((e) => !removed.has(e)).map((e) => new Date(e.takenAt));
    const days = kept.map((d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')} ${d.getHours()}`);
    // The last 7 days (evening ones), the newest of each of 4 weeks (Sundays of earlier weeks), the newest of each of 12 months.
    expect(days.slice(0, 7)).toEqual(['2026-03-02 18', '2026-03-01 18', '2026-02-28 18', '2026-02-27 18', '2026-02-26 18', '2026-02-25 18', '2026-02-24 18']);
    expect(days).toContain('2026-02-22 18'); // Sunday: the newest of the week before
    expect(days).toContain('2026-02-15 18');
    expect(days).toContain('2026-01-31 18'); // the newest of January
    expect(days).toContain('2025-04-30 18'); // the 12th month back
    expect(days).not.toContain('2025-03-31 18');
    expect(kept.length).toBeLessThanOrEqual(7 + 4 + 12);
    expect(kept.every((d) => d.getHours() === 18)).toBe(true);
  });

  it('always keeps the newest, and never touches files that are not backups', async () => {
    expect(backupsToRemove([entry('2026-03-02T09:00:00Z')])).toEqual([]);
    const c = clinic();
    const folder = path.join(c.dataDir, 'backups');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'keep me');
    fs.writeFileSync(path.join(folder, backupName(new Date(2025, 0, 1, 9), 'backup')), 'an old backup');
    fs.writeFileSync(path.join(folder, backupName(new Date(2025, 0, 1, 10), 'backup')), 'a newer one that day');
    await c.call('backups:run');
    const names = fs.readdirSync(folder).sort();
    expect(names).toContain('notes.txt');
    expect(names).toContain(backupName(new Date(2025, 0, 1, 10), 'backup'));
    expect(names).not.toContain(backupName(new Date(2025, 0, 1, 9), 'backup'));
  });
});

describe('backups:status warnings', () => {
  it('warns when there is no backup yet, when the last is over 7 days old, and when the folder cannot be reached', async () => {
    const c = clinic();
    expect((await c.call<BackupStatus>('backups:status')).warning).toMatchObject({ kind: 'never' });
    const taken = await runBackup(c.storage, new Date(2026, 1, 20, 9));
    expect(backupStatus(c.storage, new Date(2026, 1, 27, 9)).warning).toBeNull();
    expect(backupStatus(c.storage, new Date(2026, 2, 2, 9)).warning).toEqual({
      kind: 'overdue',
      message: 'The last backup was taken on 20/02/2026, 10 days ago. Choose "Back up now" in Settings, and check the backup folder can be reached.',
    });
    expect(backupStatus(c.storage, new Date(2026, 2, 2, 9)).lastGood).toEqual(taken);

    const usb = tempDir('fettle-usb-');
    expect(await c.call<BackupStatus>('backups:setFolder', { folder: usb })).toMatchObject({ folder: usb, isDefaultFolder: false, folderAvailable: true });
    fs.rmSync(usb, { recursive: true }); // the drive is unplugged
    const status = await c.call<BackupStatus>('backups:status');
    expect(status).toMatchObject({ folderAvailable: false, warning: { kind: 'folder-unavailable', message: expect.stringMatching(/cannot be reached \(is its drive plugged in\?\)/) } });
    expect(await c.dispatch('backups:run', {})).toMatchObject({ ok: false, code: 'unavailable', message: status.warning!.message });
    expect(fs.existsSync(usb)).toBe(false); // never recreated on the laptop's own disk
  });
});

describe('backups:setFolder', () => {
  it('sends backups to the chosen folder, kept in the database, and back to the default with null', async () => {
    const c = clinic();
    const usb = tempDir('fettle-usb-');
    await c.call('backups:setFolder', { folder: usb });
    const entry = await c.call<BackupEntry>('backups:run');
    expect(path.dirname(entry.file)).toBe(usb);
    expect(c.db.prepare("SELECT value FROM settings WHERE key = 'backup_folder'").pluck().get()).toBe(usb);
    expect(await c.call<BackupEntry[]>('backups:list')).toEqual([entry]);
    expect(await c.call<BackupStatus>('backups:setFolder', { folder: null })).toMatchObject({ isDefaultFolder: true, folder: path.join(c.dataDir, 'backups') });
  });

  it('refuses a folder that does not exist or is a file', async () => {
    const c = clinic();
    expect(await c.dispatch('backups:setFolder', { folder: '/nowhere/at/all' })).toMatchObject({ ok: false, code: 'invalid', fields: { folder: expect.stringMatching(/not a folder Fettle can write to/) } });
    expect(await c.dispatch('backups:setFolder', { folder: databasePath(c.dataDir) })).toMatchObject({ ok: false, code: 'invalid' });
  });
});

describe('restore', () => {
  it('round-trips: backup, change everything, restore, and every row is as it was', async () => {
    const c = clinic();
    await fillClinic(c);
    const before = everything(c.db);
    const backup = await c.call<BackupEntry>('backups:run');

    const ada = (await c.call<{ rows: { id: number }[] }>('clients:search', { query: 'ada' })).rows[0]!;
    const current = await c.call<Client>('clients:update', { id: ada.id, updatedAt: (c.db.prepare('SELECT updated_at FROM clients WHERE id = ?').pluck().get(ada.id) as string), medicalAlerts: '' });
    expect(current.medicalAlerts).toBe('');
    await c.call('clients:create', { firstName: 'Late', lastName: 'Arrival' });

    const inspection = await c.call<BackupInspection>('backups:inspect', { file: backup.file });
    expect(inspection).toEqual({
      usable: true,
      summary: {
        file: backup.file, name: backup.name, sizeBytes: backup.sizeBytes, version: LATEST_VERSION, takenAt: backup.takenAt,
        counts: { clients: 3, races: 3, treatments: 3, appointments: 0 }, newestRecordAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    });
    const result = await c.call<RestoreResult>('backups:restore', { file: backup.file });
    expect(result).toMatchObject({ restored: (inspection as { summary: unknown }).summary, safetyBackup: { kind: 'before-restore' }, setAside: null });

    // Every row as it was, and the restore itself in the audit trail.
    const after = everything(c.db);
    const restoreEvent = after.audit_events!.pop()!;
    expect(JSON.parse(restoreEvent)).toMatchObject({ action: 'restore', user_name: 'Sam Reid' });
    expect(after).toEqual(before);
    // The safety backup holds the data as it was just before the restore.
    const safety = openSqlite(result.safetyBackup!.file, { readonly: true });
    expect(safety.prepare("SELECT count(*) FROM clients WHERE first_name = 'Late'").pluck().get()).toBe(1);
    safety.close();
    // And the clinic works on: the restored database takes writes.
    await c.call('clients:create', { firstName: 'After', lastName: 'Restore' });
    expect(await c.call<StorageStatus>('storage:status')).toEqual({ state: 'open', dataDir: c.dataDir, file: databasePath(c.dataDir) });
  });

  it('brings an older backup up to date after restoring it, and keeps the chosen backup folder', async () => {
    const c = clinic();
    const usb = tempDir('fettle-usb-');
    await c.call('backups:setFolder', { folder: usb });
    const old = path.join(tempDir('fettle-old-'), 'fettle-2025-06-01-090000.sqlite');
    const v3 = openSqlite(old);
    migrate(v3, MIGRATIONS.slice(0, 3));
    v3.exec("INSERT INTO clients (first_name, last_name, sort_name) VALUES ('Old', 'Timer', 'timer old')");
    v3.close();
    expect(await c.call<BackupInspection>('backups:inspect', { file: old })).toMatchObject({ usable: true, summary: { version: 3, counts: { clients: 1 } } });
    await c.call('backups:restore', { file: old });
    expect(c.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(c.db.prepare('SELECT first_name FROM clients').pluck().all()).toEqual(['Old']);
    // A clinic from before sign-in has no one on file: whoever restored it is signed out.
    expect(c.session.state).toBe('signed-out');
    c.actAs({});
    expect((await c.call<BackupStatus>('backups:status')).folder).toBe(usb);
  });

  it('from the start-up screen: a damaged database is set aside as it was, the newest backup restored, and work goes on', async () => {
    const dataDir = tempDir('fettle-damaged-');
    const first = openTestClinic({ dataDir });
    await fillClinic(first);
    const backup = await first.call<BackupEntry>('backups:run');
    const rows = everything(first.db);
    first.storage.close();
    REFUSED_FILES.damaged(databasePath(dataDir));
    const damagedHash = sha256(databasePath(dataDir));

    const c = clinic({ dataDir });
    const status = await c.call<StorageStatus>('storage:status');
    expect(status).toMatchObject({ state: 'refused', reason: 'damaged', newestBackup: backup });
    const result = await c.call<RestoreResult>('backups:restore', { file: backup.file });
    expect(result.safetyBackup).toBeNull();
    expect(result.setAside).toMatch(/fettle\.sqlite\.set-aside-\d{8}-\d{6}$/);
    expect(sha256(result.setAside!)).toBe(damagedHash);
    expect(await c.call<StorageStatus>('storage:status')).toMatchObject({ state: 'open' });
    expect(everything(c.db)).toEqual(rows);
    // No one could sign in to a clinic that would not open; after the restore, someone does.
    expect(await c.dispatch('clients:create', { firstName: 'Back', lastName: 'InBusiness' })).toMatchObject({ ok: false, code: 'signed-out' });
    c.actAs({});
    expect(await c.dispatch('clients:create', { firstName: 'Back', lastName: 'InBusiness' })).toMatchObject({ ok: true });
    expect(sideFiles(backup.file)).toEqual([]);
  });

  it('leaves backups listed newest first, the safety copy marked', async () => {
    const c = clinic();
    await fillClinic(c);
    const first = await runBackup(c.storage, new Date(2026, 2, 1, 9));
    await c.call('backups:restore', { file: first.file });
    const listed = await c.call<BackupEntry[]>('backups:list');
    expect(listed.map((e) => e.kind)).toEqual(['before-restore', 'backup']);
    expect(listBackups(path.join(c.dataDir, 'backups'))).toEqual(listed);
  });
});

describe('storage:useFolder and storage:retry', () => {
  it('opens another data folder for the session (a new clinic when empty), and tries the first again', async () => {
    const c = clinic();
    await fillClinic(c);
    const other = tempDir('fettle-other-');
    expect(await c.call<StorageStatus>('storage:useFolder', { folder: other })).toEqual({ state: 'open', dataDir: other, file: databasePath(other) });
    expect(c.db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(0);
    expect(await c.call<{ dataDir: string }>('app:info')).toMatchObject({ dataDir: other });
    expect(await c.call<StorageStatus>('storage:retry')).toMatchObject({ state: 'open', dataDir: other });
  });
});

describe('files:choose', () => {
  it("asks main's dialog for a path, and says null when there is no dialog or the person cancels", async () => {
    const asked: string[] = [];
    const c = clinic({ choosePath: (purpose) => (asked.push(purpose), Promise.resolve(purpose === 'backup-folder' ? '/media/usb' : null)) });
    expect(await c.call('files:choose', { purpose: 'backup-folder' })).toEqual({ path: '/media/usb' });
    expect(await c.call('files:choose', { purpose: 'backup-file' })).toEqual({ path: null });
    expect(asked).toEqual(['backup-folder', 'backup-file']);
    expect(await clinic().call('files:choose', { purpose: 'data-folder' })).toEqual({ path: null });
    expect(await c.dispatch('files:choose', { purpose: 'anything' })).toMatchObject({ ok: false, code: 'invalid' });
  });
});
