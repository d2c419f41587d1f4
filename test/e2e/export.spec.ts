import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { extractText } from 'unpdf';
import { fillSampleClinic } from '../../scripts/sample/clinic';
import { fixedClock } from '../../electron/services/context';
import { expect, test, TODAY } from './fixtures';

// Data out (issue 15, part A): the full export from Settings, found on disk and opened, and a
// client's record saved as a PDF from the client page, rendered to PNG (pdftoppm). The system's
// save dialog answers from `chosenPaths` (browser runtime).

async function expectAccessible(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
  const report = bad.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n  ')}`).join('\n');
  expect(report, `axe on ${where}`).toBe('');
}

test.beforeEach(({ runtime }) => {
  test.skip(runtime === 'electron', "The system's save dialog is answered only in the browser runtime.");
});

test('Export everything from Settings: progress while it runs, then the zip on disk with every table', async ({ app, clinic, chosenPaths, dataDir }) => {
  test.setTimeout(90_000);
  fillSampleClinic({ db: clinic.db, ...fixedClock(TODAY) });
  // Plenty of rows, so the export runs long enough to watch its progress.
  const raceId = (clinic.db.prepare('SELECT id FROM races ORDER BY id LIMIT 1').get() as { id: number }).id;
  clinic.db.prepare(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60000)
    INSERT INTO plan_sessions (race_id, date, distance_km, kind, title) SELECT ?, '2026-02-01', 5, 'easy', 'Easy ' || i FROM n`).run(raceId);
  const out = path.join(dataDir, 'exports');
  fs.mkdirSync(out);
  chosenPaths.set('export-save', path.join(out, 'clinic-export'));

  await app.setViewportSize({ width: 1366, height: 768 });
  await app.goto(`${app.url().replace(/#.*$/, '')}#/settings`);
  const section = app.getByRole('region', { name: 'Export' });
  await section.scrollIntoViewIfNeeded();
  await expectAccessible(app, 'Settings with the Export section');
  // Every progress text the section shows while the export runs (it may finish within a second).
  await app.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-job-progress="Export progress"] [role="status"]')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await section.getByRole('button', { name: 'Export everything…' }).click();

  const done = section.getByRole('status').filter({ hasText: 'Exported' });
  await expect(done).toBeVisible({ timeout: 60_000 });
  const file = path.join(out, 'clinic-export.zip');
  await expect(done).toContainText(`Saved to ${file}.`);
  const seen = await app.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
  // At least one report part-way (how many depends on the machine's speed), never going back.
  const reports = seen.map((t) => /^Writing .+: ([\d,]+) of ([\d,]+)$/.exec(t)).filter((m) => m !== null).map((m) => m.slice(1).map((n) => Number(n.replace(/,/g, ''))));
  const counts = reports.map(([done]) => done!);
  expect(reports.some(([done, total]) => done! > 0 && done! < total!), seen.join(' | ')).toBe(true);
  expect(counts).toEqual([...counts].sort((a, b) => a - b));
  await expect(done.getByRole('row', { name: 'clients.csv 60' })).toBeVisible();
  await expect(done.getByRole('row', { name: 'plan_sessions.csv' })).toContainText(/6\d,\d{3}/);
  await expectAccessible(app, 'the Export section after an export');
  await section.scrollIntoViewIfNeeded();
  await app.screenshot({ path: path.resolve('artifacts', 'screenshots', 'settings-export-1366.png') });

  // The zip on disk, opened: every entry is there and reads back.
  expect(fs.readdirSync(out)).toEqual(['clinic-export.zip']);
  const files = unzipSync(new Uint8Array(fs.readFileSync(file)));
  expect(Object.keys(files)).toEqual(expect.arrayContaining(['README.txt', 'fettle.json', 'clients.csv', 'races.csv', 'treatments.csv', 'appointments.csv', 'therapists.csv']));
  const clients: Record<string, string>[] = parse(strFromU8(files['clients.csv']!), { bom: true, columns: true });
  expect(clients).toHaveLength(60);
  const onFile = clinic.db.prepare('SELECT first_name, last_name FROM clients ORDER BY id').all() as { first_name: string; last_name: string }[];
  expect(clients.map((c) => [c.first_name, c.last_name])).toEqual(onFile.map((c) => [c.first_name, c.last_name]));
  expect(strFromU8(files['README.txt']!)).toContain('treatments.csv (');
});

test('a cancelled export writes nothing and says so; a failed one shows why', async ({ app, failingCalls }) => {
  await app.goto(`${app.url().replace(/#.*$/, '')}#/settings`);
  const section = app.getByRole('region', { name: 'Export' });
  await section.getByRole('button', { name: 'Export everything…' }).click();
  await expect(section.getByRole('status')).toHaveText('Export cancelled: nothing was written.');
  failingCalls.add('exports:clinic');
  await section.getByRole('button', { name: 'Export everything…' }).click();
  await expect(section.getByRole('alert')).toContainText('The export did not finish');
  await expect(section.getByRole('alert')).toContainText('Something went wrong');
});

test("a client's record saved from the client page as a PDF (looked at as PNG) and as JSON", async ({ app, clinic, chosenPaths, dataDir }) => {
  test.setTimeout(60_000);
  fillSampleClinic({ db: clinic.db, ...fixedClock(TODAY) });
  const client = clinic.db
    .prepare(`SELECT c.id, c.first_name || ' ' || c.last_name AS name FROM clients c
              WHERE c.medical_alerts <> '' AND (SELECT count(*) FROM treatments t WHERE t.client_id = c.id) >= 3 ORDER BY c.id LIMIT 1`)
    .get() as { id: number; name: string };
  const notes = clinic.db.prepare('SELECT subjective, date FROM treatments WHERE client_id = ? ORDER BY date').all(client.id) as { subjective: string; date: string }[];
  // Other clients by full name (a therapist may share a client's surname).
  const others = (clinic.db.prepare("SELECT first_name || ' ' || last_name AS name FROM clients WHERE id <> ?").all(client.id) as { name: string }[]).map((r) => r.name);
  const out = path.join(dataDir, 'records');
  fs.mkdirSync(out);
  chosenPaths.set('record-pdf-save', path.join(out, 'record.pdf'));
  chosenPaths.set('record-json-save', path.join(out, 'record.json'));

  await app.goto(`${app.url().replace(/#.*$/, '')}#/clients/${client.id}`);
  await expect(app.getByRole('heading', { level: 1, name: client.name })).toBeVisible();
  // Keyboard: the button opens the dialog, focus lands on its first action.
  await app.getByRole('button', { name: 'Client record…' }).focus();
  await app.keyboard.press('Enter');
  const dialog = app.getByRole('dialog', { name: `Client record: ${client.name}` });
  await expect(dialog.getByRole('button', { name: 'Save as PDF (printable)…' })).toBeFocused();
  await expectAccessible(app, 'the client record dialog');
  await app.keyboard.press('Enter');
  await expect(dialog.getByRole('status')).toContainText(`Saved to ${path.join(out, 'record.pdf')}`);
  await expect(dialog.getByRole('status')).toContainText(`(${notes.length} treatment notes,`);

  const pdf = path.join(out, 'record.pdf');
  const { text } = await extractText(new Uint8Array(fs.readFileSync(pdf)), { mergePages: true });
  const flat = text.replace(/\s+/g, ' ');
  expect(flat).toContain(`Client record: ${client.name}`);
  for (const note of notes) expect(flat).toContain(note.subjective.replace(/\s+/g, ' ').trim());
  for (const other of others) expect(flat).not.toContain(other);
  // Every page as PNG, to look at.
  const shots = path.resolve('artifacts', 'screenshots');
  for (const old of fs.readdirSync(shots).filter((f) => f.startsWith('client-record-pdf'))) fs.rmSync(path.join(shots, old));
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(shots, 'client-record-pdf')]);
  expect(fs.readdirSync(shots).filter((f) => f.startsWith('client-record-pdf')).length).toBeGreaterThan(0);

  await dialog.getByRole('button', { name: 'Save as JSON…' }).click();
  await expect(dialog.getByRole('status')).toContainText(`Saved to ${path.join(out, 'record.json')}`);
  await app.screenshot({ path: path.join(shots, 'client-record-dialog.png') });
  const record = JSON.parse(fs.readFileSync(path.join(out, 'record.json'), 'utf8')) as { treatments: { subjective: string }[] };
  expect(record.treatments.map((t) => t.subjective).sort()).toEqual(notes.map((n) => n.subjective).sort());
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
});
