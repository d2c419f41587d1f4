import fs from 'node:fs';
import { BLANK_CLIENT, insertClient } from '../../electron/db/repositories/clients';
import { zeroOnePage } from './damaged-database';
import { expect, screenshot, test } from './fixtures';

// Nothing lost: a backup taken from Settings restores; a damaged database opens on a screen that
// says so and offers the newest backup, and the clinic works on after restoring it.

const url = (app: { url(): string }, hash: string) => app.url().replace(/#.*$/, '') + hash;

test('"Back up now" in Settings, then restore it: later changes are gone and a safety copy is kept', async ({ app, clinic }) => {
  await clinic.call('clients:create', { firstName: 'Ada', lastName: 'Okafor' });
  await app.goto(url(app, '#/settings'));
  await app.getByRole('button', { name: 'Back up now' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Backed up and verified' })).toBeVisible();
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
