import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';

// Importing clients from a spreadsheet (issue 15): choose the file, map its columns by hand, see
// the lines with errors, leave them out, import, and find the clients in the list; the database
// is read afterwards. The system's file dialog answers from `chosenPaths`.

const url = (app: Page, hash: string) => app.url().replace(/#.*$/, '') + hash;

/** Headings no ready-made mapping knows all of: Given, Family and When are mapped by hand. */
const CSV = [
  'Given,Family,Born,Email,Mobile,Event,When,Distance',
  'Paula,Radcliffe,17/12/1973,paula@example.com,07700 900001,London Marathon,26/04/2026,marathon',
  'Mo,,23/03/1983,,,,,', // line 3: no family name
  'Eliud,Kipchoge,1984-11-05,eliud@example.com,,Berlin Marathon,2026-09-27,marathon',
  'Kelly,Holmes,19/04/1970,,,,,',
  'Jo,Pavey,31/02/1973,,,,,', // line 6: no such day
  'Emil,Zatopek,19/09/1922,,,,,',
  'Sonia,O’Sullivan,28/11/1969,sonia@example.com,,Dublin Half,2026-06-14,half',
  'Ann,Smith,01/02/1980,,,,,', // line 9: already a client
  'Steve,Cram,14/10/1960,,07700 900009,Great North Run,13/09/2026,half',
].join('\n');

async function expectAccessible(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
  const report = bad.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n  ')}`).join('\n');
  expect(report, `axe on ${where}`).toBe('');
}

/** Says which field a column holds, with its Select. */
async function mapColumn(app: Page, heading: string, field: string) {
  await app.getByRole('combobox', { name: `“${heading}” holds`, exact: true }).click();
  await app.getByRole('option', { name: field, exact: true }).click();
}

const importButton = (app: Page): Locator => app.getByRole('button', { name: /^Import \d+ clients? and \d+ races?$/ });

test('a CSV mapped by hand shows its errors by line, imports once they are left out, and the clients are in the list', async ({ app, clinic, chosenPaths, dataDir }) => {
  await clinic.call('clients:create', { firstName: 'Ann', lastName: 'Smith', dateOfBirth: '1980-02-01' });
  const file = path.join(dataDir, 'runners.csv');
  fs.writeFileSync(file, CSV);
  chosenPaths.set('import-open', file);

  await app.setViewportSize({ width: 1366, height: 768 });
  await app.goto(url(app, '#/clients'));
  await app.getByRole('link', { name: 'Import clients…' }).click();
  await expect(app.getByRole('heading', { name: 'Import clients', level: 1 })).toBeVisible();
  await app.getByRole('button', { name: 'Choose file…' }).click();

  await expect(app.getByTestId('import-file')).toContainText('runners.csv');
  await expect(app.getByRole('alert').filter({ hasText: 'Map the name columns first' })).toContainText('Choose the column that holds the first name and the last name.');
  await mapColumn(app, 'Given', 'First name');
  await mapColumn(app, 'Family', 'Last name');
  await mapColumn(app, 'When', 'Race date');
  await expect(app.getByText('Mapped by hand')).toBeVisible();

  const errors = app.getByTestId('import-errors');
  await expect(errors.getByRole('listitem')).toHaveText([
    'Line 3: Last name is required.',
    'Line 6: Date of birth “31/02/1973” is not a real date.',
    'Line 9: Ann Smith, born 01/02/1980, is already a client.',
  ]);
  await expect(app.getByTestId('import-summary')).toHaveText('9 lines read: 6 clients and 4 races ready to import; 3 lines with errors.');
  const preview = app.getByTestId('import-preview');
  await expect(preview.locator('tr[data-line="2"]')).toContainText('Radcliffe, Paula');
  await expect(preview.locator('tr[data-line="2"]')).toContainText('17/12/1973');
  await expect(preview.locator('tr[data-line="4"]')).toContainText('05/11/1984');
  await expect(preview.locator('tr[data-line="6"]')).toContainText('Date of birth “31/02/1973” is not a real date.');
  await expect(importButton(app)).toBeDisabled();
  await expect(app.getByText('3 lines with errors still in')).toBeVisible();
  expect(clinic.db.prepare('SELECT count(*) AS n FROM clients').get()).toEqual({ n: 1 });

  await screenshot(app, 'client-import-preview-1366');
  await expectAccessible(app, 'the import preview');

  // One line left out by its own checkbox, then every line with an error by the switch.
  await preview.getByRole('checkbox', { name: 'Leave out line 3' }).check();
  await expect(app.getByText('2 lines with errors still in')).toBeVisible();
  await app.getByRole('switch', { name: 'Leave out every line with an error (3)' }).check();
  await expect(importButton(app)).toHaveText('Import 6 clients and 4 races');
  await importButton(app).click();

  await expect(app.getByTestId('import-result')).toContainText('6 clients and 4 races imported; 3 lines left out.');
  expect(clinic.db.prepare('SELECT count(*) AS n FROM clients').get()).toEqual({ n: 7 });
  expect(clinic.db.prepare(`SELECT first_name, last_name, date_of_birth, email, phone FROM clients WHERE last_name = 'Radcliffe'`).get())
    .toEqual({ first_name: 'Paula', last_name: 'Radcliffe', date_of_birth: '1973-12-17', email: 'paula@example.com', phone: '07700 900001' });
  expect(clinic.db.prepare(`SELECT c.last_name, r.name, r.date, r.distance FROM races r JOIN clients c ON c.id = r.client_id ORDER BY r.date`).all()).toEqual([
    { last_name: 'Radcliffe', name: 'London Marathon', date: '2026-04-26', distance: 'marathon' },
    { last_name: 'O’Sullivan', name: 'Dublin Half', date: '2026-06-14', distance: 'half' },
    { last_name: 'Cram', name: 'Great North Run', date: '2026-09-13', distance: 'half' },
    { last_name: 'Kipchoge', name: 'Berlin Marathon', date: '2026-09-27', distance: 'marathon' },
  ]);
  expect(clinic.db.prepare(`SELECT count(*) AS n FROM clients WHERE first_name IN ('Mo', 'Jo')`).get()).toEqual({ n: 0 });

  await app.getByRole('link', { name: 'Open the client list' }).click();
  await expect(app.getByTestId('client-count')).toHaveText('7 clients');
  await app.getByLabel('Search').fill('zatopek');
  await expect(app.getByRole('row', { name: /Zatopek, Emil/ })).toBeVisible();

  // The next file with the same headings gets the same mapping without asking.
  const next = path.join(dataDir, 'more-runners.csv');
  fs.writeFileSync(next, ['Given,Family,Born,Email,Mobile,Event,When,Distance', 'Liz,McColgan,24/05/1964,,,,,'].join('\n'));
  chosenPaths.set('import-open', next);
  await app.goto(url(app, '#/clients/import'));
  await app.getByRole('button', { name: 'Choose file…' }).click();
  await expect(app.getByText('Remembered from the last import')).toBeVisible();
  await expect(app.getByRole('combobox', { name: '“Given” holds', exact: true })).toHaveValue('First name');
  await expect(importButton(app)).toHaveText('Import 1 client and 0 races');
});

test('a file that is not a spreadsheet, or not UTF-8, is refused with a message that says what to do', async ({ app, chosenPaths, dataDir, clinic }) => {
  const pdf = path.join(dataDir, 'clients.pdf');
  fs.writeFileSync(pdf, '%PDF-1.7\n%âãÏÓ\n');
  chosenPaths.set('import-open', pdf);
  await app.goto(url(app, '#/clients/import'));
  await app.getByRole('button', { name: 'Choose file…' }).click();
  const refusal = app.getByRole('alert').filter({ hasText: 'This file cannot be imported' });
  await expect(refusal).toContainText('clients.pdf is a PDF document, not a spreadsheet.');
  await expect(refusal).toContainText('CSV UTF-8');

  const latin1 = path.join(dataDir, 'old-export.csv');
  fs.writeFileSync(latin1, Buffer.from('First name,Last name\nZo\xeb,Smith\n', 'latin1'));
  chosenPaths.set('import-open', latin1);
  await app.getByRole('button', { name: 'Choose another file…' }).click();
  await expect(refusal).toContainText('old-export.csv is not saved as UTF-8: line 2');
  expect(clinic.db.prepare('SELECT count(*) AS n FROM clients').get()).toEqual({ n: 0 });
});
