import fs from 'node:fs';
import path from 'node:path';
import { ALL_ROLES, type TestClinic } from '../support/clinic';
import { expect, screenshot, test, typeDate } from './fixtures';

// A runner's training plan: imported from a file, drawn under the phase timeline, and moving
// the peak booking to the best days after the hardest weeks' long runs.

const url = (app: { url(): string }, hash: string) => app.url().replace(/#.*$/, '') + hash;
const PLAN = path.resolve('test/fixtures/plans/spring-marathon-miles.csv');

async function marathoner(clinic: TestClinic) {
  const sam = await clinic.call<{ id: number }>('therapists:create', { name: 'Sam Reid' });
  clinic.actAs({ roles: ALL_ROLES, therapistId: sam.id, name: 'Sam Reid' }); // notes are the signed-in therapist's
  const client = await clinic.call<{ id: number }>('clients:create', { firstName: 'Paula', lastName: 'Radcliffe', usualTherapistId: sam.id });
  const race = await clinic.call<{ id: number }>('races:create', { clientId: client.id, name: 'Spring Marathon', date: '2026-04-26', distance: 'marathon' });
  await clinic.call('treatments:log', { clientId: client.id, therapistId: sam.id, date: '2026-02-28', intensity: 'deep' });
  return { client, race };
}

test('importing a plan draws the weekly load and moves the peak booking to the best days', async ({ app, clinic }) => {
  const { client, race } = await marathoner(clinic);
  await app.goto(url(app, `#/clients/${client.id}`));
  await expect(app.getByTestId('guidance-due')).toContainText('Next session due by 14/03/2026.');

  await app.getByRole('button', { name: 'Import plan…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Import a training plan for Spring Marathon' });
  await dialog.locator('input[type="file"]').setInputFiles(PLAN);
  await expect(dialog.getByTestId('plan-preview-summary')).toContainText('from 04/01/2026 to 26/04/2026 (a 16-week block)');
  await expect(dialog.getByLabel('Distance column')).toHaveValue('Miles');
  await dialog.getByRole('button', { name: /^Import \d+ sessions$/ }).click();
  await expect(dialog).toBeHidden();

  const chart = app.getByTestId('load-chart');
  await expect(chart).toBeVisible();
  await expect(chart.locator('[data-hardest]')).toHaveCount(3);
  await expect(chart).toHaveAttribute('aria-label', /Hardest weeks: week 11 .*week 13 .*week 14 /);
  await expect(app.getByTestId('guidance-due')).toContainText('Best days: Mon 16/03 or Tue 17/03, after the 18 mi long run.');
  const stored = clinic.db.prepare('SELECT count(*) AS n, min(date) AS first FROM plan_sessions WHERE race_id = ?').get(race.id) as { n: number; first: string };
  expect(stored.first).toBe('2026-01-04');
  expect(stored.n).toBeGreaterThan(50);
  await screenshot(app, 'client-page-with-plan-1366');
});

test('a bad plan file shows its line errors and changes nothing until they are excluded', async ({ app, clinic, dataDir }) => {
  const { client, race } = await marathoner(clinic);
  const bad = path.join(dataDir, 'bad-plan.csv');
  fs.writeFileSync(bad, ['Date,Session,Km', '05/01/2026,Easy,8', '31/02/2026,Tempo,10', '07/01/2026,Easy,-4', '12/12/2025,Long run,20', '10/01/2026,Long run,18'].join('\n'));
  await app.goto(url(app, `#/clients/${client.id}`));
  await app.getByRole('button', { name: 'Import plan…' }).click();
  const dialog = app.getByRole('dialog', { name: /Import a training plan/ });
  await dialog.locator('input[type="file"]').setInputFiles(bad);
  const errors = dialog.getByRole('alert').filter({ hasText: 'Lines that stop the import' });
  await expect(errors).toContainText('Line 3:');
  await expect(errors).toContainText('Line 4:');
  await expect(errors).toContainText('Line 5:');
  const importButton = dialog.getByRole('button', { name: /^Import/ });
  await expect(importButton).toBeDisabled();
  expect(clinic.db.prepare('SELECT count(*) AS n FROM plan_sessions').get()).toEqual({ n: 0 });

  for (const line of [3, 4, 5]) await dialog.getByRole('checkbox', { name: new RegExp(`^Line ${line}:`) }).check();
  await expect(importButton).toBeEnabled();
  await importButton.click();
  await expect(dialog).toBeHidden();
  expect(clinic.db.prepare('SELECT date FROM plan_sessions WHERE race_id = ? ORDER BY date').all(race.id)).toEqual([{ date: '2026-01-05' }, { date: '2026-01-10' }]);
});

test('a plan session is added, edited and refused by hand', async ({ app, clinic }) => {
  const { client, race } = await marathoner(clinic);
  await app.goto(url(app, `#/clients/${client.id}`));
  await app.getByRole('button', { name: 'Add session' }).click();
  const dialog = app.getByRole('dialog', { name: 'Add a session' });
  await typeDate(dialog.getByLabel(/^Date/), '15/03/2026');
  await dialog.getByLabel('Title').fill('Long run');
  await dialog.getByLabel('Distance').fill('-3');
  await dialog.getByRole('button', { name: 'Save session' }).click();
  await expect(dialog.getByText('Distance: must be more than 0.')).toBeVisible();
  expect(clinic.db.prepare('SELECT count(*) AS n FROM plan_sessions').get()).toEqual({ n: 0 });
  await dialog.getByLabel('Distance').fill('32');
  await dialog.getByRole('button', { name: 'Save session' }).click();
  await expect(dialog).toBeHidden();
  expect(clinic.db.prepare('SELECT date, distance_km, title FROM plan_sessions WHERE race_id = ?').get(race.id)).toEqual({ date: '2026-03-15', distance_km: 32, title: 'Long run' });

  await app.getByText(/Weeks and sessions/).click();
  await app.getByRole('button', { name: 'Edit session of 15/03/2026' }).click();
  const edit = app.getByRole('dialog', { name: 'Edit session' });
  await expect(edit.getByLabel('Distance')).toHaveValue('32');
  await edit.getByLabel('Distance').fill('30');
  await edit.getByRole('button', { name: 'Save session' }).click();
  await expect(edit).toBeHidden();
  expect(clinic.db.prepare('SELECT distance_km FROM plan_sessions WHERE race_id = ?').get(race.id)).toEqual({ distance_km: 30 });
});
