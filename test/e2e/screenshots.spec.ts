import { fillSampleClinic } from '../../scripts/sample/clinic';
import { fixedClock } from '../../electron/services/context';
import { expect, screenshot, test, TODAY } from './fixtures';

// The sample clinic's main screens, saved under artifacts/screenshots for people to look at.
test('sample clinic: client list, client page and treatment form', async ({ app, clinic }) => {
  const summary = fillSampleClinic({ db: clinic.db, ...fixedClock(TODAY) });
  expect(summary.clients).toBe(60);
  const base = app.url().replace(/#.*$/, '');

  await app.goto(`${base}#/clients`);
  await expect(app.getByTestId('client-count')).toHaveText('60 clients');
  await screenshot(app, 'client-list');

  // A runner in their peak weeks with treatments on file.
  const id = (clinic.db.prepare(
    `SELECT c.id FROM clients c JOIN races r ON r.client_id = c.id AND r.priority = 'A' AND r.date BETWEEN date(?, '+30 days') AND date(?, '+45 days')
     WHERE EXISTS (SELECT 1 FROM treatments t WHERE t.client_id = c.id) ORDER BY c.id LIMIT 1`,
  ).get(TODAY, TODAY) as { id: number }).id;
  await app.goto(`${base}#/clients/${id}`);
  await expect(app.getByTestId('block-timeline')).toBeVisible();
  await screenshot(app, 'client-page');

  await app.getByRole('link', { name: 'Log treatment' }).click();
  await expect(app.getByRole('region', { name: /Guidance for/ })).toBeVisible();
  await screenshot(app, 'treatment-form');

  await app.goto(`${base}#/races`);
  await expect(app.getByRole('article').first()).toBeVisible();
  await screenshot(app, 'races');
  await app.goto(`${base}#/`);
  await screenshot(app, 'today');
});
