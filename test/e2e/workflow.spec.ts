import type { Locator } from '@playwright/test';
import { expect, signInAs, test, TODAY, typeDate } from './fixtures';

// The therapist's day: clients, races, the guidance banner and timeline, logging a treatment.

const url = (app: { url(): string }, hash: string) => app.url().replace(/#.*$/, '') + hash;

test('a new client with alerts and a marathon in 40 days shows peak phase in the banner and timeline', async ({ app }) => {
  await app.goto(url(app, '#/clients/new'));
  await app.getByLabel('First name').fill('Joan');
  await app.getByLabel('Last name').fill('Benoit');
  await app.getByLabel('Medical alerts and contraindications').fill('On warfarin: no deep tissue over bruises.');
  await app.keyboard.press('Control+Enter');
  await expect(app.getByRole('heading', { name: 'Joan Benoit' })).toBeVisible();
  await expect(app.getByRole('alert', { name: 'Medical alerts' })).toContainText('On warfarin');

  await app.getByRole('button', { name: 'Add race' }).click();
  const dialog = app.getByRole('dialog', { name: 'Add a race' });
  await dialog.getByLabel('Race name').fill('Brighton Marathon');
  await typeDate(dialog.getByLabel('Race date'), '11/04/2026'); // 40 days after TODAY (2026-03-02)
  await dialog.getByRole('button', { name: 'Save race' }).click();
  await expect(dialog).toBeHidden();

  const banner = app.getByRole('region', { name: /^Today/ });
  await expect(banner.locator('[data-phase]')).toHaveAttribute('data-phase', 'peak');
  await expect(banner.locator('[data-intensity]')).toHaveAttribute('data-intensity', 'deep');
  await expect(banner).toContainText('Week 11 of 16');

  const timeline = app.getByTestId('block-timeline');
  await expect(timeline.locator('[data-segment]')).toHaveCount(10); // base, peak, taper, past the cut-off, race week, eve, race day, three post-race
  await expect(timeline.locator('[data-segment="peak"]')).toHaveCount(1);
  await expect(timeline.locator(`[data-today="${TODAY}"]`)).toHaveCount(1);
  await expect(timeline).toHaveAttribute('aria-label', /Today is in Peak\./);

  // Every span in words beneath, so nothing needs a mouse; today's span is marked.
  const key = app.getByRole('list', { name: 'Phases of this block' });
  await expect(key.getByRole('listitem')).toHaveText([
    'Base 20/12/2025–13/02/2026 · Deep tissue OK',
    'Peak 14/02/2026–27/03/2026 · Deep tissue OK',
    'Taper 28/03/2026–31/03/2026 · Moderate',
    'Taper, past the 10-day cut-off 01/04/2026–03/04/2026 · Light / maintenance',
    'Race week 04/04/2026–09/04/2026 · Gentle flush only (familiar therapist)',
    'Day before the race 10/04/2026 · Avoid massage',
    'Race day 11/04/2026 · Gentle flush only',
    'Post-race flush 12/04/2026–14/04/2026 · Gentle flush only',
    'Post-race light 15/04/2026–18/04/2026 · Light / maintenance',
    'Post-race moderate 19/04/2026–24/04/2026 · Moderate',
  ]);
  await expect(key.locator('[aria-current="date"]')).toHaveText('Peak 14/02/2026–27/03/2026 · Deep tissue OK');

  // Both strips are labelled, each label level with its own strip and left of it.
  const box = async (locator: Locator) => (await locator.boundingBox())!;
  const peak = timeline.locator('[data-segment="peak"] rect');
  for (const [label, strip] of [['Phase', peak.first()], ['Ceiling', peak.last()]] as const) {
    const text = await box(timeline.getByText(label, { exact: true }));
    const bar = await box(strip);
    const middle = text.y + text.height / 2;
    expect(middle, `${label} label level with its strip`).toBeGreaterThanOrEqual(bar.y - 4);
    expect(middle, `${label} label level with its strip`).toBeLessThanOrEqual(bar.y + bar.height + 4);
    expect(text.x + text.width, `${label} label left of the strips`).toBeLessThanOrEqual((await box(timeline.locator('[data-segment="base"] rect').first())).x);
  }
});

test("the treatment history's Given column says what was given, never a ceiling's words", async ({ app, clinic }) => {
  const sam = await clinic.call<{ id: number }>('therapists:create', { name: 'Sam Reid' });
  const client = await clinic.call<{ id: number }>('clients:create', { firstName: 'Joan', lastName: 'Benoit', usualTherapistId: sam.id });
  await clinic.call('races:create', { clientId: client.id, name: 'Brighton Marathon', date: '2026-04-11', distance: 'marathon' }); // peak: deep tissue OK
  clinic.actAs({ roles: ['therapist'], therapistId: sam.id, name: 'Sam Reid' });
  await clinic.call('treatments:log', { clientId: client.id, therapistId: sam.id, date: '2026-02-20', intensity: 'deep' });
  await clinic.call('treatments:log', { clientId: client.id, therapistId: sam.id, date: '2026-03-01', intensity: 'flush' });
  await signInAs(app, clinic, { roles: ['therapist'], therapistId: sam.id, name: 'Sam Reid' });
  await app.goto(url(app, `#/clients/${client.id}`));
  const history = app.getByRole('table', { name: 'Treatment history' });
  const cells = (date: string) => history.getByRole('row', { name: new RegExp(date) }).getByRole('cell');
  await expect(cells('20/02/2026').nth(2)).toHaveText('Deep tissue');
  await expect(cells('20/02/2026').nth(3)).toHaveText('Peak · up to Deep tissue OK'); // the ceiling keeps its own words
  await expect(cells('01/03/2026').nth(2)).toHaveText('Gentle flush');
  await expect(history.getByRole('columnheader', { name: 'Given' })).toBeVisible();
});

test('a new screen opens at its top, not at the scroll position of the one before', async ({ app, clinic }) => {
  await app.setViewportSize({ width: 1366, height: 768 });
  for (let i = 0; i < 30; i++) {
    const c = await clinic.call<{ id: number }>('clients:create', { firstName: `Runner${i}`, lastName: 'Okafor' });
    await clinic.call('races:create', { clientId: c.id, name: `Club 10k no. ${i + 1}`, date: `2026-04-${String(i + 1).padStart(2, '0')}`, distance: '10k' });
  }
  await app.goto(url(app, '#/races'));
  await expect(app.getByRole('article', { name: 'Club 10k no. 30 on 30/04/2026' })).toBeVisible(); // read once, so it opens full height next time
  await app.getByRole('link', { name: 'Settings' }).click();
  await expect(app.getByRole('region', { name: 'Backups' })).toBeVisible();
  await app.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const scrolled = await app.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(300);

  await app.getByRole('link', { name: 'Races' }).click();
  await expect(app.getByRole('article', { name: 'Club 10k no. 30 on 30/04/2026' })).toBeAttached();
  // The races page is taller than the scroll it replaced, so only the layout can have brought it to the top.
  expect(await app.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeGreaterThan(scrolled);
  expect(await app.evaluate(() => window.scrollY)).toBe(0);
});

test('logging above the ceiling is blocked until a reason is given, then saved with the guidance snapshot', async ({ app, clinic }) => {
  const sam = await clinic.call<{ id: number }>('therapists:create', { name: 'Sam Reid' });
  const client = await clinic.call<{ id: number }>('clients:create', { firstName: 'Paula', lastName: 'Radcliffe', usualTherapistId: sam.id });
  await clinic.call('races:create', { clientId: client.id, name: 'Bath Half', date: '2026-03-07', distance: 'half' }); // race week
  await signInAs(app, clinic, { roles: ['therapist'], therapistId: sam.id, name: 'Sam Reid' });
  await app.goto(url(app, `#/clients/${client.id}/treatments/new`));

  // The guidance comes before the fields: race week with no treatment this block → avoid.
  const banner = app.getByRole('region', { name: /Guidance for 02\/03\/2026 with Sam Reid/ });
  await expect(banner.locator('[data-intensity]')).toHaveAttribute('data-intensity', 'avoid');
  await app.getByRole('radio', { name: /Moderate/ }).check();
  await expect(app.getByLabel('Reason for going above the guidance')).toBeVisible();
  await app.getByRole('button', { name: 'Save treatment' }).last().click();
  await expect(app.getByText(/Moderate is above the guidance \(Avoid massage\)/)).toBeVisible();
  expect(clinic.db.prepare('SELECT count(*) AS n FROM treatments').get()).toEqual({ n: 0 });

  await app.getByLabel('Reason for going above the guidance').fill('Client insists; calf cramp after a tempo run, agreed with her coach.');
  await app.getByLabel('Subjective').fill('Left calf cramped on Saturday.');
  await app.getByRole('button', { name: 'Save treatment' }).last().click();
  await expect(app.getByRole('heading', { name: 'Paula Radcliffe' })).toBeVisible();
  await expect(app.getByRole('table', { name: 'Treatment history' })).toContainText('Override');
  await app.getByRole('button', { name: '02/03/2026' }).click();
  const notes = app.getByRole('dialog', { name: 'Treatment on 02/03/2026 with Sam Reid' });
  await expect(notes).toContainText('Left calf cramped on Saturday.');
  await expect(notes).toContainText('agreed with her coach');

  const row = clinic.db.prepare('SELECT intensity, phase, ceiling, override_reason, subjective, guidance_headline FROM treatments').get() as Record<string, string>;
  expect(row).toMatchObject({ intensity: 'moderate', phase: 'race-week', ceiling: 'avoid', subjective: 'Left calf cramped on Saturday.' });
  expect(row.override_reason).toMatch(/calf cramp/);
  expect(row.guidance_headline).toMatch(/\w{3,}/);
});

test('soreness lowers the ceiling live on the treatment form', async ({ app, clinic }) => {
  const sam = await clinic.call<{ id: number }>('therapists:create', { name: 'Sam Reid' });
  const client = await clinic.call<{ id: number }>('clients:create', { firstName: 'Mo', lastName: 'Farah' });
  await signInAs(app, clinic, { roles: ['therapist'], therapistId: sam.id, name: 'Sam Reid' });
  await app.goto(url(app, `#/clients/${client.id}/treatments/new`));
  const banner = app.getByRole('region', { name: /Guidance for 02\/03\/2026/ });
  await expect(banner.locator('[data-intensity]')).toHaveAttribute('data-intensity', 'deep'); // off-season
  await app.getByRole('switch', { name: 'Sore or tender to the touch today' }).click();
  await expect(banner.locator('[data-intensity]')).toHaveAttribute('data-intensity', 'light');
});

test('search finds a client by a partial, case-folded name', async ({ app, clinic }) => {
  for (const [firstName, lastName] of [['Mary', 'McDonald'], ['Ben', 'Smith'], ['Siobhan', "O'Brien"]]) {
    await clinic.call('clients:create', { firstName, lastName });
  }
  await app.goto(url(app, '#/clients'));
  await expect(app.getByTestId('client-count')).toHaveText('3 clients');
  await app.getByLabel('Search').fill('mcdon');
  await expect(app.getByTestId('client-count')).toHaveText('1 client');
  await expect(app.getByRole('row', { name: /McDonald, Mary/ })).toBeVisible();
  await expect(app.getByRole('row', { name: /Smith/ })).toHaveCount(0);
  await app.getByLabel('Search').fill('obrien');
  await expect(app.getByRole('row', { name: /O'Brien, Siobhan/ })).toBeVisible();
  await app.getByLabel('Search').press('Enter');
  await expect(app.getByRole('heading', { name: "Siobhan O'Brien" })).toBeVisible();
});

test('archiving hides a client from the list; restoring brings them back', async ({ app, clinic }) => {
  const client = await clinic.call<{ id: number }>('clients:create', { firstName: 'Emil', lastName: 'Zatopek' });
  await clinic.call('clients:create', { firstName: 'Kelly', lastName: 'Holmes' });
  await app.goto(url(app, `#/clients/${client.id}`));
  await app.getByRole('button', { name: 'Archive client' }).click();
  await expect(app.getByText('Archived', { exact: true })).toBeVisible();

  await app.getByRole('link', { name: 'Clients' }).click();
  await expect(app.getByTestId('client-count')).toHaveText('1 client');
  await expect(app.getByRole('row', { name: /Zatopek/ })).toHaveCount(0);
  await app.getByRole('switch', { name: 'Show archived' }).click();
  await expect(app.getByRole('row', { name: /Zatopek, Emil.*Archived/ })).toBeVisible();

  await app.getByRole('row', { name: /Zatopek/ }).getByRole('link').click();
  await app.getByRole('button', { name: 'Restore client' }).click();
  await expect(app.getByRole('button', { name: 'Archive client' })).toBeVisible();
  await app.getByRole('link', { name: 'Clients' }).click();
  await app.getByRole('switch', { name: 'Show archived' }).click();
  await expect(app.getByRole('row', { name: /Zatopek, Emil/ })).toBeVisible();
  expect(clinic.db.prepare('SELECT count(*) AS n FROM clients').get()).toEqual({ n: 2 });
});

test('leaving a form with unsaved changes asks first and keeps the typing', async ({ app }) => {
  await app.goto(url(app, '#/clients/new'));
  await app.getByLabel('First name').fill('Haile');
  await app.getByRole('link', { name: 'Races' }).click();
  const dialog = app.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Stay and keep editing' }).click();
  await expect(app.getByLabel('First name')).toHaveValue('Haile');
  await app.getByRole('link', { name: 'Races' }).click();
  await app.getByRole('dialog', { name: 'Leave without saving?' }).getByRole('button', { name: 'Discard changes' }).click();
  await expect(app.getByRole('heading', { name: 'Upcoming races' })).toBeVisible();
});

test('therapists can be added, renamed and deactivated in Settings', async ({ app, clinic }) => {
  await app.goto(url(app, '#/settings'));
  await app.getByLabel('New therapist').fill('Sam Reid');
  await app.getByRole('button', { name: 'Add therapist' }).click();
  await expect(app.getByRole('row', { name: /Sam Reid.*Active/ })).toBeVisible();
  await app.getByLabel('New therapist').fill('sam reid');
  await app.getByRole('button', { name: 'Add therapist' }).click();
  await expect(app.getByText('There is already a therapist called Sam Reid.')).toBeVisible();

  await app.getByRole('row', { name: /Sam Reid/ }).getByRole('button', { name: 'Rename' }).click();
  await app.getByLabel('New name for Sam Reid').fill('Samantha Reid');
  await app.getByRole('button', { name: 'Save', exact: true }).click();
  await app.getByRole('row', { name: /Samantha Reid/ }).getByRole('button', { name: 'Deactivate' }).click();
  await expect(app.getByRole('row', { name: /Samantha Reid.*Inactive/ })).toBeVisible();
  expect(clinic.db.prepare('SELECT name, active FROM therapists').all()).toEqual([{ name: 'Samantha Reid', active: 0 }]);
});

test('the races screen groups clients running the same event', async ({ app, clinic }) => {
  for (const name of ['Ada', 'Ben', 'Cal']) {
    const c = await clinic.call<{ id: number }>('clients:create', { firstName: name, lastName: 'Runner' });
    await clinic.call('races:create', { clientId: c.id, name: name === 'Cal' ? 'brighton marathon ' : 'Brighton Marathon', date: '2026-04-12', distance: 'marathon' });
  }
  await app.goto(url(app, '#/races'));
  const event = app.getByRole('article', { name: 'Brighton Marathon on 12/04/2026' });
  await expect(event).toContainText('3 clients running');
});
