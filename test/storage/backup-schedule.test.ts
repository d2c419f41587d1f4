import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backupName, listBackups } from '../../electron/db/backup';
import { databasePath } from '../../electron/db/database';
import { LOCK_FILE } from '../../electron/db/folder-lock';
import { ClinicStorage } from '../../electron/db/storage';
import { DAILY_CHECK_MS, keepBackedUp, QUIT_BACKUP_LIMIT_MS } from '../../electron/services/backup-schedule';
import { REFUSED_FILES } from './files';
import { scratchSpace } from './support/scratch';

// The backups the running app takes on its own, driven by fake timers and a fake clock. SQLite's
// backup steps run on setImmediate, which stays real.

const { clinic, tempDir, later } = scratchSpace();
afterEach(() => vi.useRealTimers());

function fakeClock(at: Date): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'], now: at });
}

const namesIn = (dataDir: string) => listBackups(path.join(dataDir, 'backups')).map((b) => b.name).reverse();

describe('the backup schedule', () => {
  it('backs up at start-up, on the first hourly check of a new day (not before), and on quit, then releases the folder', async () => {
    fakeClock(new Date(2026, 2, 2, 22, 15));
    const c = clinic();
    const logged: string[] = [];
    const schedule = keepBackedUp(c.storage, (m) => logged.push(m));
    await vi.advanceTimersByTimeAsync(0); // past the wait for the start-up check (none for a small clinic)
    expect(c.storage.activity?.kind).toBe('backup');
    await c.storage.activity?.done;
    expect(namesIn(c.dataDir)).toEqual([backupName(new Date(2026, 2, 2, 22, 15), 'backup')]);

    // 23:15: today has its backup already.
    await vi.advanceTimersByTimeAsync(DAILY_CHECK_MS);
    expect(c.storage.activity).toBeNull();
    expect(namesIn(c.dataDir)).toHaveLength(1);

    // 00:15: a new day, so the hourly check takes one.
    await vi.advanceTimersByTimeAsync(DAILY_CHECK_MS);
    expect(c.storage.activity?.kind).toBe('backup');
    await c.storage.activity?.done;
    expect(namesIn(c.dataDir)).toEqual([backupName(new Date(2026, 2, 2, 22, 15), 'backup'), backupName(new Date(2026, 2, 3, 0, 15), 'backup')]);

    // The same day again: none.
    await vi.advanceTimersByTimeAsync(3 * DAILY_CHECK_MS);
    expect(namesIn(c.dataDir)).toHaveLength(2);

    await schedule.finish();
    // The quit backup is the day's newest, so rotation lets go of the 00:15 one.
    expect(namesIn(c.dataDir)).toEqual([backupName(new Date(2026, 2, 2, 22, 15), 'backup'), backupName(new Date(2026, 2, 3, 3, 15), 'backup')]);
    expect(c.storage.isOpen).toBe(false);
    expect(fs.existsSync(path.join(c.dataDir, LOCK_FILE))).toBe(false);
    // The hourly check stopped with the quit.
    await vi.advanceTimersByTimeAsync(48 * DAILY_CHECK_MS);
    expect(namesIn(c.dataDir)).toHaveLength(2);
    expect(logged).toEqual([]);
  });

  it('on quit, waits for a backup already running, then takes its own', async () => {
    fakeClock(new Date(2026, 2, 2, 9, 0));
    const c = clinic();
    const taken: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const schedule = keepBackedUp(c.storage, () => undefined, async () => {
      taken.push(taken.length === 0 ? 'start-up' : 'quit');
      if (taken.length === 1) await gate;
    });
    // The start-up backup is still running when the person quits.
    c.storage.activity = { kind: 'backup', percent: 40, startedAt: new Date().toISOString(), done: gate };
    const finished = schedule.finish();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(taken).toEqual(['start-up']);
    expect(c.storage.isOpen).toBe(true);
    release();
    await finished;
    expect(taken).toEqual(['start-up', 'quit']);
    expect(c.storage.isOpen).toBe(false);
  });

  it('gives up waiting for a backup that hangs on quit after 60 s, and still releases the folder', async () => {
    fakeClock(new Date(2026, 2, 2, 9, 0));
    const c = clinic();
    let calls = 0;
    // A USB stick that stops answering: the quit backup never ends.
    const schedule = keepBackedUp(c.storage, () => undefined, () => (++calls === 1 ? Promise.resolve() : new Promise(() => undefined)));
    let done = false;
    const finished = schedule.finish().then(() => (done = true));
    await vi.advanceTimersByTimeAsync(QUIT_BACKUP_LIMIT_MS - 1_000);
    expect(calls).toBe(2);
    expect(done).toBe(false);
    expect(c.storage.isOpen).toBe(true);
    await vi.advanceTimersByTimeAsync(1_000);
    await finished;
    expect(done).toBe(true);
    expect(c.storage.isOpen).toBe(false);
    expect(fs.existsSync(path.join(c.dataDir, LOCK_FILE))).toBe(false);
  });

  it('logs a failed backup and carries on; takes none while the database is refused', async () => {
    fakeClock(new Date(2026, 2, 2, 9, 0));
    const c = clinic();
    const logged: unknown[][] = [];
    const schedule = keepBackedUp(c.storage, (...line) => logged.push(line), () => Promise.reject(new Error('The backup folder cannot be reached')));
    await vi.advanceTimersByTimeAsync(0);
    expect(logged).toEqual([['The start-up backup failed', 'The backup folder cannot be reached']]);
    await schedule.finish();
    expect(logged.map((l) => l[0])).toEqual(['The start-up backup failed', 'The quit backup failed']);

    const dataDir = tempDir('fettle-refused-');
    REFUSED_FILES.damaged(databasePath(dataDir));
    const refused = clinic({ dataDir });
    expect(refused.storage.refusal?.reason).toBe('damaged');
    let calls = 0;
    const idle = keepBackedUp(refused.storage, () => undefined, () => (calls++, Promise.resolve()));
    await vi.advanceTimersByTimeAsync(30 * DAILY_CHECK_MS);
    await idle.finish();
    expect(calls).toBe(0);
  });

  it('waits for the start-up check of a large clinic, and takes no backup when the check finds damage', async () => {
    const dataDir = tempDir('fettle-checked-later-');
    REFUSED_FILES.damaged(databasePath(dataDir));
    // Checked in a worker after opening, as a clinic of 8 MB or more is.
    const storage = ClinicStorage.open(dataDir, { checkInWorkerFrom: 0 });
    later(() => storage.close());
    expect(storage.isOpen).toBe(true);
    let calls = 0;
    const schedule = keepBackedUp(storage, () => undefined, () => (calls++, Promise.resolve()));
    await storage.checked;
    await Promise.resolve();
    expect(storage.refusal?.reason).toBe('damaged');
    await schedule.finish();
    expect(calls).toBe(0);
  });
});
