import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { fillSampleClinic } from '../../scripts/sample/clinic';
import { fixedClock } from '../../electron/services/context';
import { ALL_ROLES } from '../support/clinic';
import { expect, screenshot, signInAs, test, TODAY, typeDate } from './fixtures';

// Every screen and dialog at the usual clinic laptop's 1366×768 and at 1920×1080, saved under
// artifacts/screenshots (name-1366.png, name-1920.png) for people to look at, and checked for
// clipped text on the way. Each screen is opened once and shot at both sizes, so one clinic
// serves every shot.

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

const PLAN = path.resolve('test/fixtures/plans/spring-marathon-miles.csv');

/** Text cut off by its box, cells spilling into their neighbours, the page scrolling sideways, SVG labels outside their drawing. */
async function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      // Text hidden on purpose for screen readers only is not clipped text.
      if (el.closest('svg, .visually-hidden') || el.getClientRects().length === 0) continue;
      const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      if (!ownText && el.getAttribute('role') !== 'cell') continue;
      const style = getComputedStyle(el);
      const clips = style.overflowX !== 'visible' || style.textOverflow === 'ellipsis' || el.getAttribute('role') === 'cell';
      if (clips && el.scrollWidth > el.clientWidth + 1) found.push(`${describe(el)} is ${el.scrollWidth - el.clientWidth}px too wide`);
      if (el.getAttribute('role') === 'cell' && el.scrollHeight > el.clientHeight + 1) found.push(`${describe(el)} is ${el.scrollHeight - el.clientHeight}px too tall`);
    }
    if (document.documentElement.scrollWidth > window.innerWidth + 1) found.push(`the page scrolls sideways by ${document.documentElement.scrollWidth - window.innerWidth}px`);
    for (const svg of document.querySelectorAll('svg[viewBox]')) {
      const [, , w, h] = svg.getAttribute('viewBox')!.split(/\s+/).map(Number);
      for (const text of svg.querySelectorAll('text')) {
        const box = text.getBBox();
        if (box.x < -0.5 || box.y < -0.5 || box.x + box.width > w! + 0.5 || box.y + box.height > h! + 0.5) found.push(`svg text "${text.textContent}" is outside its drawing`);
      }
    }
    return found;
  });
}

/**
 * Shoots what is on screen at each size and notes anything clipped; the test fails at its end on
 * what was noted, so one run shows every problem. A screen is shot whole (as if scrolled through),
 * a dialog as the window shows it (it scrolls inside itself over a fixed backdrop), a section alone.
 */
function camera(app: Page) {
  const problems: string[] = [];
  const shoot = async (name: string, what: 'screen' | 'dialog' | Locator = 'screen') => {
    for (const size of SIZES) {
      await app.setViewportSize(size);
      // Two frames: layouts that measure the window (the diary's grid) redraw after a resize.
      await app.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const file = path.resolve('artifacts', 'screenshots', `${name}-${size.width}.png`);
      if (what === 'screen') await screenshot(app, `${name}-${size.width}`);
      else if (what === 'dialog') await app.screenshot({ path: file });
      else await what.screenshot({ path: file });
      problems.push(...(await clippedText(app)).map((p) => `${name} at ${size.width}×${size.height}: ${p}`));
    }
  };
  /** Opens a dialog with its button, waits until it is ready to look at, shoots it and closes it (Escape). */
  const shootDialog = async (name: string, opener: Locator, title: string | RegExp, ready: (dialog: Locator) => Promise<unknown>) => {
    await opener.click();
    const dialog = app.getByRole('dialog', { name: title });
    await ready(dialog);
    await shoot(name, 'dialog');
    await app.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  };
  return { shoot, shootDialog, problems };
}

async function choose(app: Page, scope: Locator, label: string, option: string | RegExp) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await app.getByRole('option', { name: option }).first().click();
}

test('every screen and dialog of the sample clinic at both sizes, with nothing clipped', async ({ app, clinic, chosenPaths, dataDir }) => {
  test.setTimeout(240_000);
  const { shoot, shootDialog, problems } = camera(app);
  const summary = fillSampleClinic({ db: clinic.db, ...fixedClock(TODAY) });
  expect(summary.clients).toBe(60);
  const one = <T>(sql: string, ...params: unknown[]) => clinic.db.prepare(sql).get(...params) as T;
  // Sam, who treats and administers, is at the laptop: every screen is open to them.
  const sam = one<{ id: number }>("SELECT id FROM therapists WHERE name = 'Sam Reid'").id;
  await signInAs(app, clinic, { roles: ALL_ROLES, therapistId: sam, name: 'Sam Reid' });
  // Something in the audit trail: Sam opens a client's notes.
  await clinic.call('treatments:get', { id: one<{ id: number }>('SELECT min(id) AS id FROM treatments').id });
  // A marathoner whose training plan is imported below, through the app.
  const paula = await clinic.call<{ id: number }>('clients:create', { firstName: 'Paula', lastName: 'Radcliffe', usualTherapistId: sam });
  await clinic.call('races:create', { clientId: paula.id, name: 'Spring Marathon', date: '2026-04-26', distance: 'marathon' });
  await clinic.call('treatments:log', { clientId: paula.id, therapistId: sam, date: '2026-02-28', intensity: 'deep' });
  // One of Sam's full notes from the sample, locked (its next day has ended), with an amendment.
  const amended = one<{ id: number; clientId: number; date: string }>(
    "SELECT id, client_id AS clientId, date FROM treatments WHERE therapist_id = ? AND date < ? AND subjective <> '' ORDER BY date DESC, id LIMIT 1", sam, TODAY);
  clinic.db.prepare("UPDATE treatments SET editable_until = '2026-03-01T00:00' WHERE id = ?").run(amended.id);
  await clinic.call('treatments:amend', { id: amended.id, text: 'The left calf, not the right; the right was only stiff after the long run on Sunday.', reason: 'Side recorded wrongly' });

  const base = app.url().replace(/#.*$/, '');
  const open = (hash: string) => app.goto(base + hash);
  // A runner in their peak weeks with treatments on file, and one in the taper past the cut-off.
  const peak = one<{ id: number }>(
    `SELECT c.id FROM clients c JOIN races r ON r.client_id = c.id AND r.priority = 'A' AND r.date BETWEEN date(?, '+30 days') AND date(?, '+45 days')
     WHERE EXISTS (SELECT 1 FROM treatments t WHERE t.client_id = c.id) ORDER BY c.id LIMIT 1`, TODAY, TODAY).id;
  const taper = one<{ id: number }>(
    `SELECT c.id FROM clients c JOIN races r ON r.client_id = c.id AND r.priority = 'A' AND r.distance IN ('half', 'marathon', 'ultra') AND r.date BETWEEN date(?, '+8 days') AND date(?, '+14 days') ORDER BY r.date DESC, c.id LIMIT 1`,
    TODAY, TODAY).id;

  await test.step('the screens', async () => {
    const screens: [string, string, () => Promise<unknown>][] = [
      ['today', '#/', () => expect(app.locator('[data-today-row]').first()).toBeVisible()],
      ['client-list', '#/clients', () => expect(app.getByTestId('client-count')).toHaveText('61 clients')],
      ['client-page', `#/clients/${peak}`, () => expect(app.getByTestId('block-timeline')).toBeVisible()],
      ['client-page-taper', `#/clients/${taper}`, () => expect(app.getByTestId('block-timeline')).toBeVisible()],
      ['client-form', `#/clients/${peak}/edit`, () => expect(app.getByLabel('First name')).not.toHaveValue('')],
      ['treatment-form', `#/clients/${peak}/treatments/new`, () => expect(app.getByRole('region', { name: /Guidance for/ })).toBeVisible()],
      ['races', '#/races', () => expect(app.getByRole('article').first()).toBeVisible()],
      ['diary', `#/diary?date=${TODAY}`, () => expect(app.locator('.rbc-event').first()).toBeVisible()],
      ['diary-week', `#/diary?date=${TODAY}&view=week&colour=phase`, () => expect(app.locator('.rbc-event').first()).toBeVisible()],
      ['recall', '#/recall', () => expect(app.getByRole('button', { name: /^Contacted / }).first()).toBeVisible()],
      ['daysheet', `#/daysheet/${TODAY}`, () => expect(app.getByRole('heading', { name: /^Day sheet/ })).toBeVisible()],
      ['settings', '#/settings', () => expect(app.getByRole('table', { name: 'People who sign in' }).getByRole('row', { name: /Sam Reid/ })).toBeVisible()],
      ['audit', '#/audit', () => expect(app.getByRole('table', { name: 'Audit trail' }).getByRole('row').nth(1)).toBeVisible()],
      ['not-found', '#/clients/7/nonsense', () => expect(app.getByRole('heading', { name: 'There is no such screen' })).toBeVisible()],
      ['client-import', '#/clients/import', () => expect(app.getByRole('heading', { name: 'Import clients', level: 1 })).toBeVisible()],
    ];
    for (const [name, hash, ready] of screens) {
      await open(hash);
      await ready();
      await shoot(name);
    }
  });

  await test.step('the client page: race, notes, record and training plan', async () => {
    await open(`#/clients/${peak}`);
    await shootDialog('race-dialog', app.getByRole('button', { name: /^Edit / }).first(), /^Edit /,
      (race) => expect(race.getByRole('button', { name: 'Save race' })).toBeVisible());
    await shootDialog('client-record-dialog', app.getByRole('button', { name: 'Client record…' }), /^Client record: /,
      (record) => expect(record.getByRole('button', { name: 'Save as PDF (printable)…' })).toBeVisible());

    await open(`#/clients/${amended.clientId}`);
    const day = amended.date.split('-').reverse().join('/');
    await shootDialog('note-with-amendment', app.getByRole('table', { name: 'Treatment history' }).getByRole('button', { name: day }).first(),
      new RegExp(`^Treatment on ${day}`), (note) => expect(note.getByRole('list', { name: 'Amendments' })).toContainText('Side recorded wrongly'));

    await open(`#/clients/${paula.id}`);
    await app.getByRole('button', { name: 'Import plan…' }).click();
    const importer = app.getByRole('dialog', { name: 'Import a training plan for Spring Marathon' });
    await importer.locator('input[type="file"]').setInputFiles(PLAN);
    await expect(importer.getByTestId('plan-preview-summary')).toContainText('a 16-week block');
    await shoot('plan-import-dialog', 'dialog');
    await importer.getByRole('button', { name: /^Import \d+ sessions$/ }).click();
    await expect(importer).toBeHidden();
    await expect(app.getByTestId('load-chart').locator('[data-hardest]')).toHaveCount(3);
    await shoot('client-page-with-plan');

    await shootDialog('plan-session-dialog', app.getByRole('button', { name: 'Add session' }), 'Add a session', async (session) => {
      await session.getByRole('button', { name: 'Save session' }).click(); // empty: the messages show
      await expect(session.getByRole('textbox', { name: /^Date/ })).toHaveAttribute('aria-invalid', 'true');
    });
  });

  await test.step('the import page with a preview', async () => {
    const file = path.join(dataDir, 'runners.csv');
    fs.writeFileSync(file, [
      'First name,Last name,Date of birth,Email,Phone,Race,Race date,Distance',
      'Kelly,Holmes,19/04/1970,kelly.holmes@example-running-club.co.uk,07700 900001,Great North Run,13/09/2026,half',
      'Mo,,23/03/1983,,,,,',
      'Jo,Pavey,31/02/1973,,,,,',
      'Sonia,O’Sullivan,28/11/1969,sonia@example.com,,Dublin Half Marathon and Family Fun Run,2026-06-14,half',
      'Steve,Cram,14/10/1960,,07700 900009,,,',
    ].join('\n'));
    chosenPaths.set('import-open', file);
    await open('#/clients/import');
    await app.getByRole('button', { name: 'Choose file…' }).click();
    await expect(app.getByTestId('import-summary')).toContainText('2 lines with errors');
    await shoot('client-import-preview');
  });

  await test.step('the diary: booking with a warning, an appointment, moving it', async () => {
    // A runner in race week with an A race: deep tissue the next day raises the warning.
    const racer = one<{ name: string }>(
      `SELECT c.first_name || ' ' || c.last_name AS name FROM clients c JOIN races r ON r.client_id = c.id
       WHERE r.priority = 'A' AND r.date BETWEEN date(?, '+3 days') AND date(?, '+6 days') AND c.archived_at IS NULL ORDER BY r.date, c.id LIMIT 1`, TODAY, TODAY);
    await open(`#/diary?date=${TODAY}`);
    await shootDialog('booking-form-warning', app.getByRole('button', { name: 'New booking' }), 'New booking', async (booking) => {
      await booking.getByRole('combobox', { name: 'Client', exact: true }).fill(racer.name);
      await app.getByRole('option', { name: new RegExp(`^${racer.name}`) }).first().click();
      await choose(app, booking, 'Therapist', 'Sam Reid');
      await choose(app, booking, 'Type', 'Deep tissue (60 min)');
      await typeDate(booking.getByRole('textbox', { name: 'Date', exact: true }), '03/03/2026');
      await choose(app, booking, 'Time', /^16:45$/);
      await expect(booking.getByTestId('booking-warnings')).toBeVisible();
      await expect(booking.locator('[data-suggestion]').first()).toBeVisible();
    });

    // A booked appointment later in the week (today's may be done already, and cannot move).
    await open('#/diary?date=2026-03-04');
    await app.locator('.rbc-event').first().click();
    const details = app.getByRole('dialog').filter({ has: app.getByRole('button', { name: 'Move…' }) });
    await expect(details).toBeVisible();
    await shoot('appointment-details', 'dialog');
    await details.getByRole('button', { name: 'Move…' }).click();
    const move = app.getByRole('dialog', { name: /^Move / });
    await expect(move.getByTestId('booking-check')).toBeVisible();
    await shoot('move-dialog', 'dialog');
    await app.keyboard.press('Escape');
    await expect(move).toBeHidden();
  });

  await test.step('the recall contact form', async () => {
    await open('#/recall');
    await shootDialog('recall-contact-dialog', app.getByRole('button', { name: /^Contacted / }).first(), /^Contacted /,
      (contact) => expect(contact.getByRole('button', { name: 'Save contact' })).toBeVisible());
  });

  await test.step('Settings: people, appointment types, backups, restore, export', async () => {
    await open('#/settings');
    await shootDialog('person-add-dialog', app.getByRole('button', { name: 'Add person' }), 'Add a person who signs in', async (person) => {
      await person.getByRole('button', { name: 'Add person' }).click(); // empty: the messages show
      await expect(person.getByText('Name is required.')).toBeVisible();
    });
    await shootDialog('person-edit-dialog', app.getByRole('button', { name: 'Edit Sam Reid' }), 'Edit Sam Reid',
      (edit) => expect(edit.getByRole('button', { name: 'Save person' })).toBeVisible());
    await shootDialog('reset-pin-dialog', app.getByRole('button', { name: 'New password or PIN for Sam Reid' }), 'New password or PIN for Sam Reid', async (reset) => {
      await reset.getByText('PIN', { exact: true }).click();
      await expect(reset.getByRole('textbox', { name: 'PIN', exact: true })).toBeVisible();
    });
    await shootDialog('appointment-type-dialog', app.getByRole('button', { name: 'Edit Flush' }), 'Edit Flush',
      (type) => expect(type.getByRole('button', { name: 'Save type' })).toBeVisible());

    await app.getByRole('button', { name: 'Back up now' }).click();
    await expect(app.getByRole('status').filter({ hasText: 'Backed up and verified' })).toBeVisible();
    const backups = app.getByRole('region', { name: 'Backups', exact: true });
    await shoot('settings-backups', backups);
    await shootDialog('restore-dialog', app.getByRole('button', { name: /^Restore the backup of / }).first(), 'Restore from a backup',
      (restore) => expect(restore).toContainText('61 clients'));

    fs.mkdirSync(path.join(dataDir, 'exports'));
    chosenPaths.set('export-save', path.join(dataDir, 'exports', 'clinic-export'));
    const exporter = app.getByRole('region', { name: 'Export', exact: true });
    await exporter.getByRole('button', { name: 'Export everything…' }).click();
    await expect(exporter.getByRole('status').filter({ hasText: 'Exported' })).toBeVisible({ timeout: 30_000 });
    await shoot('settings-export', exporter);
  });

  await test.step('a damaged database at start-up', async () => {
    // One page in the middle zeroed while Fettle was closed, as a failing disk leaves it.
    clinic.storage.replace(() => {
      const fd = fs.openSync(clinic.storage.file, 'r+');
      fs.writeSync(fd, Buffer.alloc(4096), 0, 4096, 4096 * 10);
      fs.closeSync(fd);
    });
    expect(clinic.storage.refusal?.reason).toBe('damaged');
    await app.reload();
    await expect(app.getByRole('heading', { name: 'The clinic database is damaged', level: 1 })).toBeVisible();
    await shoot('startup-damaged');
  });

  expect(problems).toEqual([]);
});

test.describe('before anyone has signed in', () => {
  test.use({ signedIn: false });

  test('set-up, the recovery key, the lock, sign-in and recovery at both sizes, with nothing clipped', async ({ app }) => {
    const { shoot, problems } = camera(app);
    await expect(app.getByRole('heading', { name: 'Set up Fettle' })).toBeVisible();
    await app.getByLabel('Your name').fill('Maya Clarke');
    await app.getByRole('textbox', { name: 'Password', exact: true }).fill('short');
    await app.getByLabel('Password again').fill('short');
    await app.getByRole('button', { name: 'Create administrator' }).click();
    await expect(app.getByText('Password: use at least 8 characters.')).toBeVisible();
    await shoot('first-run');
    await app.getByRole('textbox', { name: 'Password', exact: true }).fill('Marathon-2026!');
    await app.getByLabel('Password again').fill('Marathon-2026!');
    await app.getByRole('button', { name: 'Create administrator' }).click();
    await expect(app.getByTestId('recovery-key')).toHaveText(/^[A-Z2-9]{5}(-[A-Z2-9]{5}){4}$/);
    await shoot('recovery-key');
    await app.getByLabel('I have written the recovery key down').check();
    await app.getByRole('button', { name: 'Continue to Fettle' }).click();

    await app.getByRole('button', { name: 'Lock', exact: true }).click();
    await expect(app.getByRole('heading', { name: 'Fettle is locked' })).toBeVisible();
    await shoot('lock');
    await app.getByRole('textbox', { name: 'Password', exact: true }).fill('Marathon-2026!');
    await app.getByRole('button', { name: 'Unlock' }).click();
    await app.getByRole('button', { name: 'Switch user' }).click();
    await expect(app.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await shoot('sign-in');
    await app.getByRole('button', { name: 'Forgotten the administrator password?' }).click();
    await expect(app.getByRole('heading', { name: 'Set a new administrator password' })).toBeVisible();
    await shoot('recovery');
    expect(problems).toEqual([]);
  });
});
