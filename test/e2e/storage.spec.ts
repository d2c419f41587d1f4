import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { LOCK_FILE } from '../../electron/db/folder-lock';
import { BLANK_CLIENT, insertClient } from '../../electron/db/repositories/clients';
import { makeDataDir, type TestClinic } from '../support/clinic';
import { zeroOnePage } from './damaged-database';
import { expect, screenshot, test } from './fixtures';

// Nothing lost: a backup taken from Settings restores; a damaged database opens on a screen that
// says so and offers the newest backup, and the clinic works on after restoring it.

const url = (app: { url(): string }, hash: string) => app.url().replace(/#.*$/, '') + hash;

test('"Back up now" in Settings, then restore it: later changes are gone and a safety copy is kept', async ({ app, clinic }) => {
  await clinic.call('clients:create', { firstName: 'Ada', lastName: 'Okafor' });
  await app.goto(url(app, '#/settings'));
  // The copy is held at its start, so the bar can be seen while the backup runs.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const db = clinic.storage.db;
  const backup = db.backup.bind(db);
  db.backup = async (...args) => {
    await held;
    return backup(...args);
  };
  await app.getByRole('button', { name: 'Back up now' }).click();
  const bar = app.getByRole('progressbar', { name: 'Backup progress' });
  // At 0 % the filled part has no width; the bar's track is what shows.
  await expect(bar).toHaveAttribute('aria-valuenow', '0');
  await expect(bar.locator('..')).toBeVisible();
  await expect(app.getByRole('button', { name: 'Back up now' })).toBeDisabled();
  release();
  await expect(app.getByRole('status').filter({ hasText: 'Backed up and verified' })).toBeVisible();
  await expect(bar).toHaveCount(0);
  await expect(app.getByTestId('last-backup')).toContainText('Last good backup:');
  await expect(app.getByRole('table', { name: 'Backups' }).getByRole('row')).toHaveCount(2);
  await screenshot(app, 'settings-backups');

  await clinic.call('clients:create', { firstName: 'Ben', lastName: 'Later' });
  expect(clinic.db.prepare('SELECT count(*) AS n FROM clients').get()).toEqual({ n: 2 });

  await app.getByRole('button', { name: /^Restore the backup of / }).first().click();
  const dialog = app.getByRole('dialog', { name: 'Restore from a backup' });
  await expect(dialog).toContainText('1 clients, 0 races, 0 treatments, 0 appointments');
  await dialog.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('heading', { level: 1 })).toContainText('Today');
  expect(clinic.db.prepare('SELECT first_name FROM clients').all()).toEqual([{ first_name: 'Ada' }]);

  await app.goto(url(app, '#/settings'));
  await expect(app.getByRole('table', { name: 'Backups' })).toContainText('Safety copy before a restore');
});

test('a wrong file chosen for restore is refused with its own message and changes nothing', async ({ app, clinic, chosenPaths, dataDir }) => {
  await clinic.call('clients:create', { firstName: 'Ada', lastName: 'Okafor' });
  const notes = `${dataDir}/shopping-list.sqlite`;
  fs.writeFileSync(notes, 'milk, eggs, bread');
  chosenPaths.set('backup-file', notes);
  await app.goto(url(app, '#/settings'));
  await app.getByRole('button', { name: 'Restore from a file…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Restore from a backup' });
  await expect(dialog.getByRole('alert')).toContainText('This file cannot be restored');
  await expect(dialog).toContainText('Nothing has been changed.');
  expect(fs.readFileSync(notes, 'utf8')).toBe('milk, eggs, bread');
  expect(clinic.db.prepare('SELECT count(*) AS n FROM clients').get()).toEqual({ n: 1 });
});

test('a damaged database opens on a screen that says so; restoring the newest backup lets the clinic work on', async ({ app, clinic }) => {
  for (let i = 0; i < 300; i++) insertClient(clinic.db, { ...BLANK_CLIENT, firstName: `Runner${i}`, lastName: 'Okafor', notes: 'Tight calves. '.repeat(20) });
  await clinic.call('backups:run');
  zeroOnePage(clinic); // while Fettle was closed, as a failing disk leaves it
  expect(clinic.storage.refusal?.reason).toBe('damaged');

  await app.reload();
  await expect(app.getByRole('heading', { name: 'The clinic database is damaged', level: 1 })).toBeVisible();
  await expect(app.getByRole('alert')).toHaveAttribute('data-reason', 'damaged');
  await screenshot(app, 'startup-damaged');
  await app.getByRole('button', { name: /^Restore the newest backup/ }).click();
  const dialog = app.getByRole('dialog', { name: 'Restore from a backup' });
  await expect(dialog).toContainText('300 clients');
  await dialog.getByRole('button', { name: 'Restore this backup' }).click();

  await expect(app.getByRole('heading', { level: 1 })).toContainText('Today');
  await app.getByRole('link', { name: 'Clients' }).click();
  await expect(app.getByTestId('client-count')).toHaveText('300 clients');
  await clinic.call('clients:create', { firstName: 'Ada', lastName: 'After' });
  expect(clinic.db.prepare('SELECT count(*) AS n FROM clients').get()).toEqual({ n: 301 });
});

test('Today warns while there is no backup, and the warning goes once one is taken', async ({ app, clinic }) => {
  await app.goto(url(app, '#/'));
  const warning = app.getByRole('alert').filter({ hasText: 'Backups need attention' });
  await expect(warning).toBeVisible();
  await expect(app.locator('[data-backup-warning="never"]')).toBeVisible();
  await clinic.call('backups:run');
  await app.reload();
  await expect(app.getByRole('heading', { level: 1 })).toContainText('Today');
  await expect(app.locator('[data-backup-warning]')).toHaveCount(0);
});

// The start-up screen for a data folder Fettle cannot use just now: its title, the message, and
// the ways out it offers ("Try again" first; no restore of the newest backup, as the data is sound).
// Tests run as root, where permissions do not bite, so the operating system's answers are put in.

const TRANSIENT_WAYS_OUT = ['Try again', 'Restore another backup…', 'Open another data folder…', 'Quit Fettle'];

/** Opens the folder again (as a start would), expecting `reason`, and checks the screen the window shows. */
async function expectStartupScreen(app: Page, clinic: TestClinic, reason: string, title: string, message: string | RegExp): Promise<void> {
  expect(clinic.storage.reopen()?.reason).toBe(reason);
  await app.reload();
  await expect(app.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  const alert = app.getByRole('alert');
  await expect(alert).toHaveAttribute('data-reason', reason);
  await expect(alert).toHaveText(message);
  await expect(app.getByRole('button')).toHaveText(TRANSIENT_WAYS_OUT);
  await screenshot(app, `startup-${reason}`);
}

/** Replaces one fs function in this process (where the clinic runs) until `restore()`. */
function injectFault<K extends 'openSync' | 'writeSync'>(name: K, fault: (real: (typeof fs)[K]) => (typeof fs)[K]) {
  const real = fs[name];
  fs[name] = fault(real);
  return { restore: () => void (fs[name] = real) };
}

const READ_ONLY = (dir: string) =>
  `Fettle cannot write to ${dir}: it is read-only (its permissions, or a locked or read-only drive). Nothing was saved. Make it writable for your user account, or choose another data folder.`;
const DISK_FULL = (dir: string) =>
  `The disk holding ${dir} is full, so Fettle cannot save. Nothing already saved is lost. Free some space (empty the bin, move large files elsewhere), then try again.`;

const errno = (code: string) => Object.assign(new Error(`${code}: injected`), { code });

test('start-up: the data folder in use by another copy; "Try again" gets in once that copy has closed', async ({ app, clinic, dataDir }) => {
  clinic.storage.close();
  // Another copy of Fettle (a live process on this computer) holds the folder.
  const lock = path.join(dataDir, LOCK_FILE);
  fs.writeFileSync(lock, JSON.stringify({ pid: process.ppid, host: os.hostname(), startedAt: new Date().toISOString() }));
  await expectStartupScreen(app, clinic, 'in-use', 'Fettle is already open on this data', new RegExp(`^This data folder is in use by another copy of Fettle \\(process ${process.ppid} since \\d\\d:\\d\\d\\)\\. Close that copy, then try again, or open another data folder\\.$`));
  await app.getByRole('button', { name: 'Try again' }).click();
  await expect(app.getByRole('alert')).toHaveAttribute('data-reason', 'in-use');

  fs.rmSync(lock); // the other copy quits
  await app.getByRole('button', { name: 'Try again' }).click();
  await expect(app.getByRole('heading', { level: 1 })).toContainText('Today');
});

test('start-up: a read-only data folder; "Open another data folder…" opens a new clinic there', async ({ app, clinic, dataDir, chosenPaths }) => {
  const readOnly = injectFault('openSync', (real) => (file, flags, mode) => {
    if (path.dirname(String(file)) === dataDir && flags !== 'r') throw errno('EROFS');
    return real(file, flags, mode);
  });
  const elsewhere = makeDataDir('fettle-e2e-elsewhere-');
  try {
    await expectStartupScreen(app, clinic, 'read-only', 'Fettle cannot write to its data folder', READ_ONLY(dataDir));

    chosenPaths.set('data-folder', elsewhere);
    await app.getByRole('button', { name: 'Open another data folder…' }).click();
    await expect(app.getByRole('heading', { name: 'Set up Fettle' })).toBeVisible();
    expect(clinic.storage.dataDir).toBe(elsewhere);
    expect(fs.existsSync(path.join(elsewhere, 'fettle.sqlite'))).toBe(true);
  } finally {
    readOnly.restore();
    clinic.storage.close();
    fs.rmSync(elsewhere, { recursive: true, force: true });
  }
});

test('start-up: a full disk; "Try again" says so again until space is freed, then opens', async ({ app, clinic, dataDir }) => {
  const full = injectFault('writeSync', (real) => (fd: number, data: unknown, ...rest: unknown[]) => {
    if (typeof data === 'string' && data.includes('"pid"')) throw errno('ENOSPC');
    return (real as (...a: unknown[]) => number)(fd, data, ...rest);
  });
  try {
    await expectStartupScreen(app, clinic, 'disk-full', 'The disk is full', DISK_FULL(dataDir));
    await app.getByRole('button', { name: 'Try again' }).click();
    await expect(app.getByRole('alert')).toHaveAttribute('data-reason', 'disk-full');
    await expect(app.getByRole('heading', { name: 'The disk is full' })).toBeVisible();
  } finally {
    full.restore(); // space freed
  }
  await app.getByRole('button', { name: 'Try again' }).click();
  await expect(app.getByRole('heading', { level: 1 })).toContainText('Today');
});
