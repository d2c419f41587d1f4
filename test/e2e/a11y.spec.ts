import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { fillSampleClinic } from '../../scripts/sample/clinic';
import { fixedClock } from '../../electron/services/context';
import { ALL_ROLES } from '../support/clinic';
import { expect, signInAs, test, TODAY } from './fixtures';

// axe-core on every screen and with each dialog open: no critical or serious violation.
// And the keyboard: a skip link, focus on each new screen's heading.

async function expectAccessible(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
  const report = bad.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n  ')}`).join('\n');
  expect(report, `axe on ${where}`).toBe('');
}

test('every screen and dialog passes axe with no critical or serious violation', async ({ app, clinic }) => {
  test.setTimeout(120_000);
  fillSampleClinic({ db: clinic.db, ...fixedClock(TODAY) });
  // Sam, who treats and administers, is at the laptop: every screen is open to them.
  const sam = clinic.db.prepare("SELECT id FROM therapists WHERE name = 'Sam Reid'").pluck().get() as number;
  await signInAs(app, clinic, { roles: ALL_ROLES, therapistId: sam, name: 'Sam Reid' });
  // Something in the audit trail: Sam opens a client's notes.
  await clinic.call('treatments:get', { id: clinic.db.prepare('SELECT min(id) FROM treatments').pluck().get() });
  const base = app.url().replace(/#.*$/, '');
  const client = clinic.db
    .prepare(`SELECT c.id FROM clients c WHERE c.medical_alerts <> '' AND EXISTS (SELECT 1 FROM treatments t WHERE t.client_id = c.id)
              AND EXISTS (SELECT 1 FROM races r WHERE r.client_id = c.id AND r.date >= ?) ORDER BY c.id LIMIT 1`)
    .get(TODAY) as { id: number };

  const screens: [string, string, () => Promise<unknown>][] = [
    ['Today', '#/', () => expect(app.getByRole('heading', { level: 1 })).toContainText('Today')],
    ['Diary', '#/diary', () => expect(app.getByRole('heading', { name: 'Diary', level: 1 })).toBeVisible()],
    ['Clients', '#/clients', () => expect(app.getByTestId('client-count')).toHaveText('60 clients')],
    ['New client', '#/clients/new', () => expect(app.getByLabel('First name')).toBeVisible()],
    ['Client page', `#/clients/${client.id}`, () => expect(app.getByTestId('block-timeline')).toBeVisible()],
    ['Edit client', `#/clients/${client.id}/edit`, () => expect(app.getByLabel('First name')).not.toHaveValue('')],
    ['Log treatment', `#/clients/${client.id}/treatments/new`, () => expect(app.getByRole('region', { name: /Guidance for/ })).toBeVisible()],
    ['Races', '#/races', () => expect(app.getByRole('article').first()).toBeVisible()],
    ['Settings', '#/settings', () => expect(app.getByRole('table', { name: 'People who sign in' }).getByRole('row', { name: /Sam Reid/ })).toBeVisible()],
    ['Audit trail', '#/audit', () => expect(app.getByRole('table', { name: 'Audit trail' }).getByRole('row').nth(1)).toBeVisible()],
    ['Not found', '#/no-such-screen', () => expect(app.getByRole('heading', { name: 'There is no such screen' })).toBeVisible()],
  ];
  for (const [name, hash, ready] of screens) {
    await app.goto(base + hash);
    await ready();
    await expectAccessible(app, name);
  }

  // Dialogs and pop-ups, each open in turn.
  await app.goto(`${base}#/clients/${client.id}`);
  await app.getByRole('button', { name: 'Add race' }).click();
  await expect(app.getByRole('dialog', { name: 'Add a race' })).toBeVisible();
  await expectAccessible(app, 'the add-race dialog');
  await app.getByRole('dialog').getByLabel('Race date').click();
  await expect(app.locator('.mantine-DateInput-dropdown, [data-dates-dropdown]').first()).toBeVisible();
  await expectAccessible(app, 'the date picker');
  await app.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

  await app.getByRole('button', { name: /^Remove / }).first().click();
  await expect(app.getByRole('dialog', { name: 'Remove this race?' })).toBeVisible();
  await expectAccessible(app, 'the remove-race dialog');
  await app.getByRole('button', { name: 'Keep it' }).click();

  await app.getByRole('table', { name: 'Treatment history' }).getByRole('button').first().click();
  await expect(app.getByRole('dialog', { name: /Treatment on/ })).toBeVisible();
  await expectAccessible(app, 'the treatment notes dialog');
  await app.getByRole('button', { name: 'Close' }).click();

  await app.goto(`${base}#/clients/new`);
  await app.getByLabel('First name').fill('Haile');
  await app.getByRole('link', { name: 'Races' }).click();
  await expect(app.getByRole('dialog', { name: 'Leave without saving?' })).toBeVisible();
  await expectAccessible(app, 'the unsaved-changes dialog');
});

test('a keyboard user can skip to the content, and each new screen puts focus on its heading', async ({ app, clinic }) => {
  await clinic.call('clients:create', { firstName: 'Ada', lastName: 'Okafor' });
  // Today focuses its first appointment row for one-key actions; start from the top of the page.
  await app.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await app.keyboard.press('Tab');
  const skip = app.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { level: 1 })).toBeFocused();

  await app.getByRole('link', { name: 'Races' }).focus();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: 'Upcoming races', level: 1 })).toBeFocused();

  // The client list focuses its search itself, and Enter opens the highlighted client.
  await app.getByRole('link', { name: 'Clients' }).focus();
  await app.keyboard.press('Enter');
  await expect(app.getByLabel('Search')).toBeFocused();
  await app.keyboard.type('okaf');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: 'Ada Okafor', level: 1 })).toBeFocused();
});
