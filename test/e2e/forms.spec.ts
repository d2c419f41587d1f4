import fs from 'node:fs';
import path from 'node:path';
import { expect, signInAs, test, typeDate } from './fixtures';

// Every form, driven as a person would: create, edit, and bad input, with the database checked
// afterwards. A form without an edit case here is not done.

const url = (app: { url(): string }, hash: string) => app.url().replace(/#.*$/, '') + hash;
const row = <T>(db: { prepare(sql: string): { get(...a: unknown[]): unknown } }, sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as T;

test.describe('client form', () => {
  test('creates a client with dates typed day first', async ({ app, clinic }) => {
    await app.goto(url(app, '#/clients/new'));
    await app.getByLabel('First name').fill('Ada');
    await app.getByLabel('Last name').fill('Okafor');
    await typeDate(app.getByLabel('Date of birth'), '12/08/1976');
    await typeDate(app.getByLabel('Consent given on'), '01/02/2026');
    await app.getByRole('button', { name: 'Save client' }).click();
    await expect(app.getByRole('heading', { name: 'Ada Okafor', level: 1 })).toBeVisible();
    await expect(app.getByRole('row', { name: /Born 12\/08\/1976/ })).toBeVisible();
    expect(row(clinic.db, 'SELECT date_of_birth, consent_date FROM clients')).toEqual({ date_of_birth: '1976-08-12', consent_date: '2026-02-01' });
  });

  test('edits a client: the changed fields are saved and the rest kept', async ({ app, clinic }) => {
    const ada = await clinic.call<{ id: number }>('clients:create', {
      firstName: 'Ada', lastName: 'Okafor', dateOfBirth: '1976-08-12', phone: '07700 900123', medicalAlerts: 'On warfarin: no deep tissue.',
    });
    await app.goto(url(app, `#/clients/${ada.id}/edit`));
    await expect(app.getByLabel('Date of birth')).toHaveValue('12/08/1976');
    await app.getByLabel('Phone', { exact: true }).fill('07700 900999');
    await typeDate(app.getByLabel('Date of birth'), '13/08/1976');
    await app.getByRole('button', { name: 'Save client' }).click();
    await expect(app.getByRole('heading', { name: 'Ada Okafor', level: 1 })).toBeVisible();
    expect(row(clinic.db, 'SELECT phone, date_of_birth, medical_alerts FROM clients WHERE id = ?', ada.id)).toEqual({
      phone: '07700 900999', date_of_birth: '1976-08-13', medical_alerts: 'On warfarin: no deep tissue.',
    });
  });

  test('refuses impossible and out-of-range dates (after today, before 1900) next to the field, keeps the typing, writes nothing', async ({ app, clinic }) => {
    await app.goto(url(app, '#/clients/new'));
    await app.getByLabel('First name').fill('Ada');
    await app.getByLabel('Last name').fill('Okafor');
    await typeDate(app.getByLabel('Date of birth'), '01/01/2200');
    await app.getByRole('button', { name: 'Save client' }).click();
    await expect(app.getByText('Date of birth: cannot be after today (02/03/2026).')).toBeVisible();
    await typeDate(app.getByLabel('Date of birth'), '31/12/1899');
    await app.getByRole('button', { name: 'Save client' }).click();
    await expect(app.getByText('Date of birth: must be on or after 01/01/1900.')).toBeVisible();
    await expect(app.getByLabel('Date of birth')).toHaveValue('31/12/1899');
    await typeDate(app.getByLabel('Date of birth'), '31/02/1990');
    await app.getByRole('button', { name: 'Save client' }).click();
    await expect(app.getByText('Date of birth: enter a date as day/month/year.')).toBeVisible();
    await expect(app.getByLabel('Date of birth')).toHaveValue('31/02/1990');
    await typeDate(app.getByLabel('Consent given on'), '01/01/2200');
    await app.getByRole('button', { name: 'Save client' }).click();
    await expect(app.getByText('Consent date: cannot be after today (02/03/2026).')).toBeVisible();
    await expect(app.getByLabel('First name')).toHaveValue('Ada');
    expect(row(clinic.db, 'SELECT count(*) AS n FROM clients')).toEqual({ n: 0 });
    // The first day of each range is taken.
    await typeDate(app.getByLabel('Date of birth'), '01/01/1900');
    await typeDate(app.getByLabel('Consent given on'), '02/03/2026');
    await app.getByRole('button', { name: 'Save client' }).click();
    await expect(app.getByRole('heading', { name: 'Ada Okafor', level: 1 })).toBeVisible();
    expect(row(clinic.db, 'SELECT date_of_birth, consent_date FROM clients')).toEqual({ date_of_birth: '1900-01-01', consent_date: '2026-03-02' });
  });

  test("the date picker's weeks start on Monday in an en-US browser", async ({ app }) => {
    expect(await app.evaluate(() => navigator.language)).toBe('en-US'); // whose own weeks start on Sunday
    await app.goto(url(app, '#/clients/new'));
    await app.getByLabel('Consent given on').click();
    const month = app.getByRole('table').filter({ has: app.getByRole('button', { name: '1 March 2026' }) });
    await expect(month.locator('thead th')).toHaveText(['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su']);
    // Sunday 1 March 2026 ends the first week; Monday 2 March opens the second.
    const firstWeek = month.locator('tbody tr').first().locator('td');
    await expect(firstWeek).toHaveCount(7);
    await expect(firstWeek.nth(6).getByRole('button')).toHaveAccessibleName('1 March 2026');
    await expect(month.locator('tbody tr').nth(1).locator('td').first().getByRole('button')).toHaveAccessibleName('2 March 2026');
  });

  test('main refuses the same out-of-range dates when a call skips the form', async ({ clinic }) => {
    const result = await clinic.dispatch('clients:create', { firstName: 'Ada', lastName: 'Okafor', dateOfBirth: '2200-01-01' });
    expect(result).toMatchObject({ ok: false, code: 'invalid', fields: { dateOfBirth: 'Date of birth: cannot be after today (02/03/2026).' } });
    const treatment = await clinic.dispatch('treatments:log', { clientId: 1, therapistId: 1, date: '0000-01-01', intensity: 'light' });
    expect(treatment).toMatchObject({ ok: false, code: 'invalid' });
  });
});

test.describe('race form', () => {
  async function clientWithRace(clinic: { call<T>(n: string, i?: unknown): Promise<T> }) {
    const sam = await clinic.call<{ id: number }>('therapists:create', { name: 'Sam Reid' });
    const client = await clinic.call<{ id: number }>('clients:create', { firstName: 'Paula', lastName: 'Radcliffe', usualTherapistId: sam.id });
    const race = await clinic.call<{ id: number }>('races:create', { clientId: client.id, name: 'Brighton Marathon', date: '2026-04-12', distance: 'marathon' });
    return { client, race };
  }

  test('edits a race: a postponed race keeps its new date and the guidance follows', async ({ app, clinic }) => {
    const { client, race } = await clientWithRace(clinic);
    await app.goto(url(app, `#/clients/${client.id}`));
    const banner = app.getByRole('region', { name: /^Today/ });
    await expect(banner.locator('[data-phase]')).toHaveAttribute('data-phase', 'peak');

    await app.getByRole('button', { name: 'Edit Brighton Marathon' }).click();
    const dialog = app.getByRole('dialog', { name: 'Edit Brighton Marathon' });
    await expect(dialog.getByLabel('Race date')).toHaveValue('12/04/2026');
    await typeDate(dialog.getByLabel('Race date'), '07/03/2026'); // postponed? brought forward into race week
    await dialog.getByLabel('Goal time').fill('2:59:00');
    await dialog.getByRole('button', { name: 'Save race' }).click();
    await expect(dialog).toBeHidden();
    await expect(banner.locator('[data-phase]')).toHaveAttribute('data-phase', 'race-week');
    expect(row(clinic.db, 'SELECT date, goal_time, name, priority FROM races WHERE id = ?', race.id)).toEqual({
      date: '2026-03-07', goal_time: '2:59:00', name: 'Brighton Marathon', priority: 'A',
    });
  });

  test('edits the priority with every choice visible', async ({ app, clinic }) => {
    const { client, race } = await clientWithRace(clinic);
    await app.goto(url(app, `#/clients/${client.id}`));
    await app.getByRole('button', { name: 'Edit Brighton Marathon' }).click();
    const dialog = app.getByRole('dialog', { name: 'Edit Brighton Marathon' });
    for (const label of ['A: goal race', 'B: tune-up', 'C: training run']) await expect(dialog.getByRole('radio', { name: label })).toBeVisible();
    await dialog.getByRole('radio', { name: 'C: training run' }).check();
    await dialog.getByRole('button', { name: 'Save race' }).click();
    await expect(dialog).toBeHidden();
    expect(row(clinic.db, 'SELECT priority FROM races WHERE id = ?', race.id)).toEqual({ priority: 'C' });
  });

  test('refuses absurd values with a message next to each field, clamps nothing, changes nothing', async ({ app, clinic }) => {
    const { client, race } = await clientWithRace(clinic);
    const before = row(clinic.db, 'SELECT * FROM races WHERE id = ?', race.id);
    await app.goto(url(app, `#/clients/${client.id}`));
    await app.getByRole('button', { name: 'Edit Brighton Marathon' }).click();
    const dialog = app.getByRole('dialog', { name: 'Edit Brighton Marathon' });
    await typeDate(dialog.getByLabel('Race date'), '01/06/2200');
    await dialog.getByLabel('Or exact distance in km').fill('-5');
    await dialog.getByLabel('Taper length in days (optional)').fill('99');
    await dialog.getByRole('button', { name: 'Save race' }).click();
    await expect(dialog.getByText('Distance in km must be more than 0.')).toBeVisible();
    await expect(dialog.getByText('Taper length: between 7 and 28 days.')).toBeVisible();
    await expect(dialog.getByLabel('Or exact distance in km')).toHaveValue('-5');
    await expect(dialog.getByLabel('Taper length in days (optional)')).toHaveValue('99');
    await dialog.getByLabel('Or exact distance in km').fill('');
    await dialog.getByLabel('Taper length in days (optional)').fill('');
    await dialog.getByRole('button', { name: 'Save race' }).click();
    await expect(dialog.getByText(/Race date: must be within 5 years of today/)).toBeVisible();
    await expect(dialog).toBeVisible();
    expect(row(clinic.db, 'SELECT * FROM races WHERE id = ?', race.id)).toEqual(before);
  });

  test('refuses a race in 1900 next to the date, keeps the race as it was', async ({ app, clinic }) => {
    const { client, race } = await clientWithRace(clinic);
    const before = row(clinic.db, 'SELECT * FROM races WHERE id = ?', race.id);
    await app.goto(url(app, `#/clients/${client.id}`));
    await app.getByRole('button', { name: 'Edit Brighton Marathon' }).click();
    const dialog = app.getByRole('dialog', { name: 'Edit Brighton Marathon' });
    await typeDate(dialog.getByLabel('Race date'), '12/04/1900');
    await dialog.getByRole('button', { name: 'Save race' }).click();
    await expect(dialog.getByText('Race date: must be within 5 years of today (02/03/2021 to 02/03/2031).')).toBeVisible();
    await expect(dialog.getByLabel('Race date')).toHaveValue('12/04/1900');
    expect(row(clinic.db, 'SELECT * FROM races WHERE id = ?', race.id)).toEqual(before);

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await app.getByRole('button', { name: 'Add race' }).click();
    const add = app.getByRole('dialog', { name: 'Add a race' });
    await add.getByLabel('Race name').fill('Polytechnic Marathon');
    await typeDate(add.getByLabel('Race date'), '01/06/1900');
    await add.getByRole('button', { name: 'Save race' }).click();
    await expect(add.getByText(/^Race date: must be within 5 years of today/)).toBeVisible();
    expect(row(clinic.db, 'SELECT count(*) AS n FROM races')).toEqual({ n: 1 });
  });

  test('adds a race and refuses one with no name', async ({ app, clinic }) => {
    const { client } = await clientWithRace(clinic);
    await app.goto(url(app, `#/clients/${client.id}`));
    await app.getByRole('button', { name: 'Add race' }).click();
    const dialog = app.getByRole('dialog', { name: 'Add a race' });
    await typeDate(dialog.getByLabel('Race date'), '15/03/2026');
    await dialog.getByRole('button', { name: 'Save race' }).click();
    await expect(dialog.getByText('Race name is required.')).toBeVisible();
    await dialog.getByLabel('Race name').fill('Reading Half');
    await dialog.getByLabel('Distance', { exact: true }).click();
    await app.getByRole('option', { name: 'half marathon' }).click();
    await dialog.getByRole('radio', { name: 'B: tune-up' }).check();
    await dialog.getByRole('button', { name: 'Save race' }).click();
    await expect(dialog).toBeHidden();
    expect(row(clinic.db, "SELECT date, distance, priority FROM races WHERE name = 'Reading Half'")).toEqual({ date: '2026-03-15', distance: 'half', priority: 'B' });
  });
});

test.describe('treatment form', () => {
  test('refuses a future date and a pain score of 11, keeps every note typed, writes nothing', async ({ app, clinic }) => {
    const sam = await clinic.call<{ id: number }>('therapists:create', { name: 'Sam Reid' });
    const client = await clinic.call<{ id: number }>('clients:create', { firstName: 'Mo', lastName: 'Farah', usualTherapistId: sam.id });
    await signInAs(app, clinic, { roles: ['therapist'], therapistId: sam.id, name: 'Sam Reid' });
    await app.goto(url(app, `#/clients/${client.id}/treatments/new`));
    await expect(app.getByLabel(/^Date/)).toHaveValue('02/03/2026');
    await app.getByRole('radio', { name: /Light \/ maintenance/ }).check();
    await app.getByLabel('Subjective').fill('Sore left calf after Sunday long run.');
    await app.getByLabel('Pain before (0-10)').fill('11');
    await typeDate(app.getByLabel(/^Date/), '05/03/2026');
    await app.getByRole('button', { name: 'Save treatment' }).last().click();
    await expect(app.getByText('Pain before: 0 to 10.')).toBeVisible();
    await app.getByLabel('Pain before (0-10)').fill('4');
    await app.getByRole('button', { name: 'Save treatment' }).last().click();
    await expect(app.getByText('Date: cannot be after today (02/03/2026).')).toBeVisible();
    await expect(app.getByLabel('Subjective')).toHaveValue('Sore left calf after Sunday long run.');
    expect(row(clinic.db, 'SELECT count(*) AS n FROM treatments')).toEqual({ n: 0 });

    await typeDate(app.getByLabel(/^Date/), '01/03/2026');
    await app.getByRole('checkbox', { name: 'Only I can read this note (author only)' }).check();
    await app.getByRole('button', { name: 'Save treatment' }).last().click();
    await expect(app.getByRole('heading', { name: 'Mo Farah', level: 1 })).toBeVisible();
    expect(row(clinic.db, 'SELECT date, intensity, pain_before, subjective FROM treatments')).toEqual({
      date: '2026-03-01', intensity: 'light', pain_before: 4, subjective: 'Sore left calf after Sunday long run.',
    });
    expect(row(clinic.db, 'SELECT author_only, u.name AS author FROM treatments t JOIN users u ON u.id = t.author_user_id')).toEqual({ author_only: 1, author: 'Sam Reid' });
  });

  test('offers what was given in the words of a session, not of a ceiling', async ({ app, clinic }) => {
    const sam = await clinic.call<{ id: number }>('therapists:create', { name: 'Sam Reid' });
    const client = await clinic.call<{ id: number }>('clients:create', { firstName: 'Mo', lastName: 'Farah' });
    await signInAs(app, clinic, { roles: ['therapist'], therapistId: sam.id, name: 'Sam Reid' });
    await app.goto(url(app, `#/clients/${client.id}/treatments/new`));
    const given = app.getByRole('radiogroup', { name: /Intensity given/ });
    await expect(given.getByRole('radio', { name: 'Deep tissue', exact: true })).toBeVisible();
    await expect(given).not.toContainText('Deep tissue OK');
  });
});

test.describe('therapist form', () => {
  test('creates, renames and refuses an empty or duplicate name', async ({ app, clinic }) => {
    await app.goto(url(app, '#/settings'));
    await app.getByRole('button', { name: 'Add therapist' }).click();
    await expect(app.getByText('Name is required.')).toBeVisible();
    await app.getByLabel('New therapist').fill('Priya Nair');
    await app.getByRole('button', { name: 'Add therapist' }).click();
    await expect(app.getByRole('row', { name: /Priya Nair.*Active/ })).toBeVisible();
    await app.getByRole('button', { name: 'Rename Priya Nair' }).click();
    await app.getByLabel('New name for Priya Nair').fill('');
    await app.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(app.getByText('Name is required.')).toBeVisible();
    await app.getByLabel('New name for Priya Nair').fill('Priya Nair-Jones');
    await app.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(app.getByRole('row', { name: /Priya Nair-Jones/ })).toBeVisible();
    expect(clinic.db.prepare('SELECT name FROM therapists').all()).toEqual([{ name: 'Priya Nair-Jones' }]);

    // The same name again, in other letters' case: refused next to the field, no second row.
    await app.getByLabel('New therapist').fill('priya nair-jones');
    await app.getByRole('button', { name: 'Add therapist' }).click();
    await expect(app.getByText('Name: there is already a therapist called Priya Nair-Jones.')).toBeVisible();
    await expect(app.getByLabel('New therapist')).toHaveValue('priya nair-jones');
    expect(row(clinic.db, 'SELECT count(*) AS n FROM therapists')).toEqual({ n: 1 });

    // A rename onto someone else's name: refused, both names kept.
    await app.getByLabel('New therapist').fill('Sam Reid');
    await app.getByRole('button', { name: 'Add therapist' }).click();
    await expect(app.getByRole('row', { name: /Sam Reid.*Active/ })).toBeVisible();
    await app.getByRole('button', { name: 'Rename Sam Reid' }).click();
    await app.getByLabel('New name for Sam Reid').fill('Priya Nair-Jones');
    await app.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(app.getByText('Name: there is already a therapist called Priya Nair-Jones.')).toBeVisible();
    expect(clinic.db.prepare('SELECT name FROM therapists ORDER BY id').pluck().all()).toEqual(['Priya Nair-Jones', 'Sam Reid']);
  });
});

test.describe('backup folder form', () => {
  const folderSetting = (clinic: { db: { prepare(sql: string): { pluck(): { get(): unknown } } } }) =>
    clinic.db.prepare("SELECT value FROM settings WHERE key = 'backup_folder'").pluck().get();

  test('a chosen folder is saved and used; a missing or unwritable one is refused; the default comes back', async ({ app, clinic, chosenPaths, dataDir }) => {
    const usb = fs.mkdtempSync(path.join(path.dirname(dataDir), 'fettle-usb-'));
    try {
      await app.goto(url(app, '#/settings'));
      const section = app.getByRole('region', { name: 'Backups' });
      const defaultFolder = path.join(dataDir, 'backups');
      await expect(section).toContainText(`Backups go to ${defaultFolder} (inside the data folder`);
      await expect(section.getByRole('button', { name: 'Use the default folder' })).toHaveCount(0);

      chosenPaths.set('backup-folder', usb);
      await section.getByRole('button', { name: 'Choose backup folder…' }).click();
      await expect(section).toContainText(`Backups go to ${usb}.`);
      expect(folderSetting(clinic)).toBe(usb);
      expect(await clinic.call('backups:status')).toMatchObject({ folder: usb, isDefaultFolder: false, folderAvailable: true });
      await section.getByRole('button', { name: 'Back up now' }).click();
      await expect(section.getByRole('status').filter({ hasText: 'Backed up and verified' })).toBeVisible();
      expect(fs.readdirSync(usb).filter((f) => f.endsWith('.sqlite'))).toHaveLength(1);

      // A drive that is not there, and a file where a folder should be: refused, said, nothing saved.
      const notes = path.join(usb, 'notes.txt');
      fs.writeFileSync(notes, 'not a folder');
      for (const bad of [path.join(usb, 'unplugged-drive'), notes]) {
        chosenPaths.set('backup-folder', bad);
        await section.getByRole('button', { name: 'Choose backup folder…' }).click();
        const notice = app.getByRole('alert').filter({ hasText: 'Not saved' });
        await expect(notice).toContainText(`Backup folder: ${bad} is not a folder Fettle can write to. Choose an existing folder you can save files in.`);
        await notice.getByRole('button', { name: 'Dismiss' }).click();
        await expect(section).toContainText(`Backups go to ${usb}.`);
        expect(folderSetting(clinic)).toBe(usb);
      }
      expect(fs.existsSync(path.join(usb, 'unplugged-drive'))).toBe(false); // never created on the laptop's disk

      await section.getByRole('button', { name: 'Use the default folder' }).click();
      await expect(section).toContainText(`Backups go to ${defaultFolder} (inside the data folder`);
      expect(folderSetting(clinic)).toBeUndefined();
      expect(await clinic.call('backups:status')).toMatchObject({ folder: defaultFolder, isDefaultFolder: true });
    } finally {
      fs.rmSync(usb, { recursive: true, force: true });
    }
  });
});
