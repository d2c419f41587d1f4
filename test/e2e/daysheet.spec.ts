import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fixedClock } from '../../electron/services/context';
import { fillSampleClinic } from '../../scripts/sample/clinic';
import { savedDaySheetPdf } from './daysheet-pdf';
import { expect, screenshot, test, TODAY, typeDate } from './fixtures';

// The reception screens of the sample clinic at 1366×768, saved to artifacts/screenshots to be
// looked at: the diary's day and week, the booking form with a warning, Today, the recall list,
// and the day sheet's PDF rendered to PNG (pdftoppm, from poppler-utils).

test('reception screens at 1366×768, and the day sheet PDF as an image', async ({ app, clinic, chosenPaths }) => {
  test.setTimeout(120_000);
  await app.setViewportSize({ width: 1366, height: 768 });
  fillSampleClinic({ db: clinic.db, ...fixedClock(TODAY) });
  const base = app.url().replace(/#.*$/, '');

  await app.goto(`${base}#/diary?date=${TODAY}`);
  await expect(app.locator('.rbc-event').first()).toBeVisible();
  await screenshot(app, 'diary-day-1366');

  await app.goto(`${base}#/diary?date=${TODAY}&view=week&colour=phase`);
  await expect(app.locator('.rbc-event').first()).toBeVisible();
  await screenshot(app, 'diary-week-1366');

  // A runner in race week with an A race: deep tissue the next day raises the warning.
  const racer = clinic.db
    .prepare(`SELECT c.first_name || ' ' || c.last_name AS name FROM clients c JOIN races r ON r.client_id = c.id
              WHERE r.priority = 'A' AND r.date BETWEEN date(?, '+3 days') AND date(?, '+6 days') AND c.archived_at IS NULL ORDER BY r.date, c.id LIMIT 1`)
    .get(TODAY, TODAY) as { name: string };
  await app.goto(`${base}#/diary?date=${TODAY}`);
  await app.getByRole('button', { name: 'New booking' }).click();
  const dialog = app.getByRole('dialog', { name: 'New booking' });
  await dialog.getByRole('combobox', { name: 'Client', exact: true }).fill(racer.name);
  await app.getByRole('option', { name: new RegExp(`^${racer.name}`) }).first().click();
  await dialog.getByRole('combobox', { name: 'Therapist', exact: true }).click();
  await app.getByRole('option').first().click();
  await dialog.getByRole('combobox', { name: 'Type', exact: true }).click();
  await app.getByRole('option', { name: 'Deep tissue (60 min)' }).click();
  await typeDate(dialog.getByRole('textbox', { name: 'Date', exact: true }), '03/03/2026');
  await dialog.getByRole('combobox', { name: 'Time', exact: true }).click();
  await app.getByRole('option', { name: '16:45', exact: true }).click();
  await expect(dialog.getByTestId('booking-warnings')).toBeVisible();
  await expect(dialog.locator('[data-suggestion]').first()).toBeVisible();
  await screenshot(app, 'booking-form-warning-1366');
  await app.keyboard.press('Escape');

  await app.goto(`${base}#/`);
  await expect(app.locator('[data-today-row]').first()).toBeVisible();
  await screenshot(app, 'today-1366');

  await app.goto(`${base}#/recall`);
  await expect(app.getByTestId('recall-count')).toBeVisible();
  await screenshot(app, 'recall-1366');

  const { pdf } = await savedDaySheetPdf(app, chosenPaths, TODAY);
  const dir = path.resolve('artifacts', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'daysheet.pdf');
  fs.writeFileSync(file, pdf);
  // poppler-utils' pdftoppm: page 1 of the PDF at 100 dpi → daysheet-1.png.
  execFileSync('pdftoppm', ['-png', '-r', '100', '-f', '1', '-l', '2', file, path.join(dir, 'daysheet')]);
  expect(fs.readdirSync(dir).filter((f) => /^daysheet-\d+\.png$/.test(f)).length).toBeGreaterThan(0);
});
