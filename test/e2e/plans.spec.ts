import fs from 'node:fs';
import path from 'node:path';
import type { Locator } from '@playwright/test';
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
  return { sam, client, race };
}

const races = (clinic: TestClinic) => clinic.db.prepare('SELECT name, date, distance, distance_km, priority FROM races ORDER BY id').all();
const planRows = (clinic: TestClinic) => clinic.db.prepare('SELECT * FROM plan_sessions ORDER BY id').all();

async function left(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not drawn');
  return box.x;
}

async function centre(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not drawn');
  return box.x + box.width / 2;
}

test('importing a plan draws the weekly load under the phases and moves the peak booking to the best days', async ({ app, clinic }) => {
  await app.setViewportSize({ width: 1366, height: 768 });
  const { sam, client, race } = await marathoner(clinic);
  // Before the block: on file, but not drawn on either chart.
  await clinic.call('treatments:log', { clientId: client.id, therapistId: sam.id, date: '2025-12-01', intensity: 'moderate' });
  await app.goto(url(app, `#/clients/${client.id}`));
  await expect(app.getByTestId('guidance-due')).toContainText('Next session due by 14/03/2026.');
  const racesBefore = races(clinic);

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
  await expect(chart).toHaveAttribute('aria-label', /Hardest weeks: week 11 \(33 mi, longest run 18 mi on 15\/03\/2026\), week 13 .*week 14 /);
  await expect(chart).toHaveAttribute('aria-label', /Treatments: 28\/02\/2026 \(Deep tissue\)\.$/);
  await expect(app.getByTestId('guidance-due')).toContainText('Best days: Mon 16/03 or Tue 17/03, after the 18 mi long run.');
  const stored = clinic.db.prepare('SELECT count(*) AS n, min(date) AS first FROM plan_sessions WHERE race_id = ?').get(race.id) as { n: number; first: string };
  expect(stored.first).toBe('2026-01-04');
  expect(stored.n).toBe(112);

  // Every week's longest run is marked, on its day; the treatment in the block is a dot, the one before it is not.
  await expect(chart.locator('[data-longest-run]')).toHaveCount(16);
  await expect(chart.locator('[data-week="11"] [data-longest-run]')).toHaveAttribute('data-longest-run', '2026-03-15');
  await expect(chart.locator('[data-treatment]')).toHaveCount(1);
  const timeline = app.getByTestId('block-timeline');
  await expect(timeline.locator('[data-treatment]')).toHaveCount(1);
  expect(Math.abs((await centre(chart.locator('[data-treatment]'))) - (await centre(timeline.locator('[data-treatment]'))))).toBeLessThanOrEqual(2);

  // Aligned with the phase timeline: the first peak week starts where the Peak span starts.
  const firstPeakWeek = chart.locator('g[data-phase="peak"]').first();
  await expect(firstPeakWeek).toHaveAttribute('data-week', '9');
  await expect(firstPeakWeek).toHaveAttribute('data-week-start', '2026-03-01');
  const peakSpan = timeline.locator('g[data-phase="peak"] rect').first();
  expect(Math.abs((await left(firstPeakWeek.locator('rect[data-bar]'))) - (await left(peakSpan)))).toBeLessThanOrEqual(2);
  const legend = app.getByTestId('load-chart-legend');
  for (const key of ['Hardest week', 'Longest run of the week', 'Treatment']) await expect(legend).toContainText(key);

  // The Bath Half in the plan is offered as a B race, not added.
  expect(races(clinic)).toEqual(racesBefore);
  const offer = app.getByTestId('suggested-races');
  await expect(offer).toContainText('Bath Half race on 22/03/2026 is not on file as a race.');
  await screenshot(app, 'plans-client-page-1366');
  await app.getByRole('region', { name: 'Training plan for Spring Marathon' }).screenshot({ path: path.resolve('artifacts', 'screenshots', 'plans-chart-1366.png') });
  await offer.getByRole('button', { name: 'Add as a B race' }).click();
  await expect(offer).toBeHidden();
  expect(races(clinic)).toEqual([...racesBefore, { name: 'Bath Half race', date: '2026-03-22', distance: 'half', distance_km: 21.082406, priority: 'B' }]);
});

test('a race in the plan given by time only opens the race form, filled in, for the distance to be chosen', async ({ app, clinic }) => {
  const { client, race } = await marathoner(clinic);
  await clinic.call('plans:addSession', { raceId: race.id, date: '2026-03-08', kind: 'race', durationMin: 40, title: 'County cross-country race' });
  const racesBefore = races(clinic);
  await app.goto(url(app, `#/clients/${client.id}`));
  const offer = app.getByTestId('suggested-races');
  await expect(offer).toContainText('County cross-country race on 08/03/2026 is not on file as a race (the plan gives no distance).');
  await offer.getByRole('button', { name: 'Add as a B race…' }).click();

  const dialog = app.getByRole('dialog', { name: 'Add a race' });
  await expect(dialog.getByLabel('Race name')).toHaveValue('County cross-country race');
  await expect(dialog.getByLabel(/^Race date/)).toHaveValue('08/03/2026');
  await expect(dialog.getByRole('radio', { name: 'B: tune-up' })).toBeChecked();
  await expect(dialog.getByLabel('Distance', { exact: true })).toHaveValue('');
  await dialog.getByRole('button', { name: 'Save race' }).click();
  await expect(dialog.getByText('Distance: choose a distance.')).toBeVisible();
  expect(races(clinic)).toEqual(racesBefore);

  await dialog.getByLabel('Distance', { exact: true }).click();
  await app.getByRole('option', { name: '10k' }).click();
  await dialog.getByRole('button', { name: 'Save race' }).click();
  await expect(dialog).toBeHidden();
  expect(races(clinic)).toEqual([...racesBefore, { name: 'County cross-country race', date: '2026-03-08', distance: '10k', distance_km: null, priority: 'B' }]);
  await expect(offer).toBeHidden();
});

test('a bad plan file shows its line errors and leaves the plan on file as it was until they are excluded', async ({ app, clinic, dataDir }) => {
  const { client, race } = await marathoner(clinic);
  await clinic.call('plans:import', { raceId: race.id, format: 'csv', text: fs.readFileSync(PLAN, 'utf8') });
  const planBefore = planRows(clinic);
  expect(planBefore).toHaveLength(112);
  const bad = path.join(dataDir, 'bad-plan.csv');
  fs.writeFileSync(bad, ['Date,Session,Km', '05/01/2026,Easy,8', '31/02/2026,Tempo,10', '07/01/2026,Easy,-4', '12/12/2025,Long run,20', '10/01/2026,Long run,18'].join('\n'));
  await app.goto(url(app, `#/clients/${client.id}`));
  const due = app.getByTestId('guidance-due');
  await expect(due).toContainText('Best days: Mon 16/03 or Tue 17/03, after the 18 mi long run.');
  const dueBefore = await due.textContent();

  await app.getByRole('button', { name: 'Import plan…' }).click();
  const dialog = app.getByRole('dialog', { name: /Import a training plan/ });
  await dialog.locator('input[type="file"]').setInputFiles(bad);
  const errors = dialog.getByRole('alert').filter({ hasText: 'Lines that stop the import' });
  await expect(errors).toContainText('Line 3:');
  await expect(errors).toContainText('Line 4:');
  await expect(errors).toContainText('Line 5:');
  const importButton = dialog.getByRole('button', { name: /^Import/ });
  await expect(importButton).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(planRows(clinic)).toEqual(planBefore);
  await expect(due).toHaveText(dueBefore!);
  await expect(app.getByTestId('load-chart').locator('[data-hardest]')).toHaveCount(3);

  await app.getByRole('button', { name: 'Import plan…' }).click();
  await dialog.locator('input[type="file"]').setInputFiles(bad);
  for (const line of [3, 4, 5]) await dialog.getByRole('checkbox', { name: new RegExp(`^Line ${line}:`) }).check();
  await expect(importButton).toBeEnabled();
  await importButton.click();
  await expect(dialog).toBeHidden();
  expect(clinic.db.prepare('SELECT date FROM plan_sessions WHERE race_id = ? ORDER BY date').all(race.id)).toEqual([{ date: '2026-01-05' }, { date: '2026-01-10' }]);
});

test('a column mapping changed in the preview is followed by the preview and by what is imported', async ({ app, clinic, dataDir }) => {
  const { client, race } = await marathoner(clinic);
  // A coach's plan moved to this race: the file keeps the old dates first, the revised ones beside them.
  const file = path.join(dataDir, 'moved-plan.csv');
  fs.writeFileSync(file, ['Date,Revised date,Session,Km', '15/12/2025,12/01/2026,Easy,8', '17/12/2025,14/01/2026,Tempo,10', '21/12/2025,18/01/2026,Long run,18'].join('\n'));
  await app.goto(url(app, `#/clients/${client.id}`));
  await app.getByRole('button', { name: 'Import plan…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Import a training plan for Spring Marathon' });
  await dialog.locator('input[type="file"]').setInputFiles(file);
  const summary = dialog.getByTestId('plan-preview-summary');
  const errors = dialog.getByRole('alert').filter({ hasText: 'Lines that stop the import' });
  const importButton = dialog.getByRole('button', { name: /^Import \d+ sessions$/ });
  await expect(dialog.getByLabel('Date column')).toHaveValue('Date');
  await expect(summary).toContainText('3 lines need attention');
  for (const line of [2, 3, 4]) await expect(errors).toContainText(`Line ${line}:`);
  await expect(importButton).toBeDisabled();

  await dialog.getByLabel('Date column').click();
  await app.getByRole('option', { name: 'Revised date', exact: true }).click();
  await expect(dialog.getByLabel('Date column')).toHaveValue('Revised date');
  await expect(summary).toHaveText('3 sessions from 04/01/2026 to 26/04/2026 (a 16-week block).');
  await expect(errors).toHaveCount(0);
  await dialog.getByLabel('Distances are in').click();
  await app.getByRole('option', { name: 'miles', exact: true }).click();
  await expect(dialog.getByLabel('Distances are in')).toHaveValue('miles');
  await expect(dialog.getByLabel('Date column')).toHaveValue('Revised date'); // the unit's new preview keeps the mapping
  await expect(errors).toHaveCount(0);
  expect(planRows(clinic)).toEqual([]); // the preview writes nothing

  await importButton.click();
  await expect(dialog).toBeHidden();
  expect(clinic.db.prepare('SELECT date, title, round(distance_km, 2) AS km, unit FROM plan_sessions WHERE race_id = ? ORDER BY date').all(race.id)).toEqual([
    { date: '2026-01-12', title: 'Easy', km: 12.87, unit: 'mi' },
    { date: '2026-01-14', title: 'Tempo', km: 16.09, unit: 'mi' },
    { date: '2026-01-18', title: 'Long run', km: 28.97, unit: 'mi' },
  ]);
});

test('a plan session is added, edited and refused by hand, a refused edit leaving the row as it was', async ({ app, clinic }) => {
  const { client, race } = await marathoner(clinic);
  await app.goto(url(app, `#/clients/${client.id}`));
  await app.getByRole('button', { name: 'Add session' }).click();
  const dialog = app.getByRole('dialog', { name: 'Add a session' });
  await typeDate(dialog.getByLabel(/^Date/), '15/03/2026');
  await dialog.getByLabel('Title').fill('Long run');
  await dialog.getByLabel('Distance').fill('-3');
  await dialog.getByRole('button', { name: 'Save session' }).click();
  await expect(dialog.getByLabel('Distance')).toHaveAccessibleDescription('Distance: must be more than 0.');
  expect(clinic.db.prepare('SELECT count(*) AS n FROM plan_sessions').get()).toEqual({ n: 0 });
  await dialog.getByLabel('Distance').fill('32');
  await dialog.getByRole('button', { name: 'Save session' }).click();
  await expect(dialog).toBeHidden();
  expect(clinic.db.prepare('SELECT date, distance_km, title FROM plan_sessions WHERE race_id = ?').get(race.id)).toEqual({ date: '2026-03-15', distance_km: 32, title: 'Long run' });
  const saved = planRows(clinic);

  await app.getByText(/Weeks and sessions/).click();
  await app.getByRole('button', { name: 'Edit session of 15/03/2026' }).click();
  const edit = app.getByRole('dialog', { name: 'Edit session' });
  await expect(edit.getByLabel('Distance')).toHaveValue('32');
  // After the race: main refuses it, and says so by the date.
  await typeDate(edit.getByLabel(/^Date/), '01/05/2026');
  await edit.getByRole('button', { name: 'Save session' }).click();
  await expect(edit.getByLabel(/^Date/)).toHaveAccessibleDescription(/runs from .*04\/01.* to the race on 26\/04\/2026: choose a date in that span\./);
  expect(planRows(clinic)).toEqual(saved);
  // A negative distance: refused by the distance.
  await typeDate(edit.getByLabel(/^Date/), '15/03/2026');
  await edit.getByLabel('Distance').fill('-30');
  await edit.getByRole('button', { name: 'Save session' }).click();
  await expect(edit.getByLabel('Distance')).toHaveAccessibleDescription('Distance: must be more than 0.');
  expect(planRows(clinic)).toEqual(saved);

  await edit.getByLabel('Distance').fill('30');
  await edit.getByRole('button', { name: 'Save session' }).click();
  await expect(edit).toBeHidden();
  expect(clinic.db.prepare('SELECT date, distance_km FROM plan_sessions WHERE race_id = ?').get(race.id)).toEqual({ date: '2026-03-15', distance_km: 30 });
});
