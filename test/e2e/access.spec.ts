import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { ALL_ROLES, TEST_PASSWORD, type TestClinic } from '../support/clinic';
import { expect, screenshot, signInAs, test } from './fixtures';

// Who sees what, in the window: the first run, signing in as reception (no notes anywhere on the
// page or in anything main sent it) and as a therapist (notes), the idle lock that keeps a form
// as typed, a locked note that takes amendments, people and the audit trail.

const MARK = 'ZZ-CLINICAL';
const url = (app: Page, hash: string) => app.url().replace(/#.*$/, '') + hash;

async function expectAccessible(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
  expect(bad.map((v) => `${v.id}: ${v.help} ${v.nodes.slice(0, 2).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)}`).join(', ')}`), `axe on ${where}`).toEqual([]);
}

async function choose(app: Page, scope: Page | Locator, label: string, option: string) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await app.getByRole('option', { name: option, exact: true }).click();
}

/** Sam (therapist) has treated Ada; every note field carries the marker. */
async function clinicWithNotes(clinic: TestClinic) {
  const sam = await clinic.call<{ id: number }>('therapists:create', { name: 'Sam Reid' });
  const ada = await clinic.call<{ id: number; updatedAt: string }>('clients:create', { firstName: 'Ada', lastName: 'Okafor', phone: '07700 900111', usualTherapistId: sam.id });
  clinic.actAs({ roles: ['therapist'], therapistId: sam.id, name: 'Sam Reid' });
  const note = await clinic.call<{ id: number }>('treatments:log', {
    clientId: ada.id, therapistId: sam.id, date: '2026-02-27', intensity: 'moderate', subjective: `${MARK} tight calves`, objective: `${MARK} trigger point`,
    assessment: `${MARK} A`, plan: `${MARK} P`, advice: `${MARK} foam roll`, techniques: [`${MARK} frictions`], areas: [{ region: `${MARK} calf`, side: 'left' }], painBefore: 5,
  });
  return { sam, ada, note };
}

test.describe('the first run', () => {
  test.use({ signedIn: false });

  test('creates the administrator, shows the recovery key once, and signs in', async ({ app, clinic }) => {
    await expect(app.getByRole('heading', { name: 'Set up Fettle' })).toBeVisible();
    await expectAccessible(app, 'set-up');
    await app.getByLabel('Your name').fill('Maya Clarke');
    await app.getByRole('textbox', { name: 'Password', exact: true }).fill('short');
    await app.getByLabel('Password again').fill('short');
    await app.getByRole('button', { name: 'Create administrator' }).click();
    await expect(app.getByText('Password: use at least 8 characters.')).toBeVisible();
    await app.getByRole('textbox', { name: 'Password', exact: true }).fill('Marathon-2026!');
    await app.getByLabel('Password again').fill('Marathon-2026?');
    await app.getByRole('button', { name: 'Create administrator' }).click();
    await expect(app.getByText('The two passwords differ; type the same one twice.')).toBeVisible();
    expect(clinic.db.prepare('SELECT count(*) FROM users').pluck().get()).toBe(0);
    await app.getByLabel('Password again').fill('Marathon-2026!');
    await screenshot(app, 'access-first-run-1366');
    await app.getByRole('button', { name: 'Create administrator' }).click();

    const key = await app.getByTestId('recovery-key').textContent();
    expect(key).toMatch(/^[A-Z2-9]{5}(-[A-Z2-9]{5}){4}$/);
    await screenshot(app, 'access-recovery-key-1366');
    await expect(app.getByRole('button', { name: 'Continue to Fettle' })).toBeDisabled();
    await app.getByLabel('I have written the recovery key down').check();
    await app.getByRole('button', { name: 'Continue to Fettle' }).click();
    await expect(app.getByTestId('signed-in-as')).toHaveText('Maya Clarke (Administrator, Therapist)');
    expect(clinic.db.prepare('SELECT u.name, u.roles, t.name AS column_name FROM users u JOIN therapists t ON t.id = u.therapist_id').get())
      .toEqual({ name: 'Maya Clarke', roles: '["admin","therapist"]', column_name: 'Maya Clarke' });

    await app.getByRole('button', { name: 'Switch user' }).click();
    await expect(app.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expectAccessible(app, 'sign-in');
    await screenshot(app, 'access-sign-in-1366');
  });
});

test.describe('a forgotten administrator password', () => {
  test.use({ signedIn: false });

  test('the recovery key sets a new one from the sign-in screen; a wrong key is refused and changes nothing', async ({ app, clinic }) => {
    const { recoveryKey } = await clinic.call<{ recoveryKey: string }>('session:setup', { name: 'Maya Clarke', secretKind: 'password', secret: 'Marathon-2026!' });
    await clinic.call('session:signOut');
    const before = clinic.db.prepare('SELECT secret_hash FROM users').pluck().get();
    await app.reload();
    await app.getByRole('button', { name: 'Forgotten the administrator password?' }).click();
    await choose(app, app, 'Administrator', 'Maya Clarke');
    await app.getByRole('textbox', { name: 'Recovery key' }).fill('AAAAA-BBBBB-CCCCC-DDDDD-EEEEE');
    await app.getByRole('textbox', { name: 'New password' }).fill('Half-Marathon-1');
    await app.getByRole('button', { name: 'Set password and sign in' }).click();
    await expect(app.getByText('That recovery key is not right. It is the one shown when Fettle was set up.')).toBeVisible();
    expect(clinic.db.prepare('SELECT secret_hash FROM users').pluck().get()).toBe(before);
    await expectAccessible(app, 'recovery');
    await app.getByRole('textbox', { name: 'Recovery key' }).fill(recoveryKey.toLowerCase());
    await app.getByRole('button', { name: 'Set password and sign in' }).click();
    await expect(app.getByTestId('signed-in-as')).toHaveText('Maya Clarke (Administrator)');
    expect(clinic.db.prepare('SELECT secret_hash FROM users').pluck().get()).not.toBe(before);
    expect(clinic.db.prepare("SELECT count(*) FROM audit_events WHERE action = 'recovery-key-used'").pluck().get()).toBe(1);
  });
});

test('reception: the diary and client details work, and no note reaches the page', async ({ app, clinic, responses }) => {
  const { ada } = await clinicWithNotes(clinic);
  clinic.actAs({ roles: ['reception'], name: 'Jo Bell' });
  clinic.session.signOut();
  await app.reload();
  await choose(app, app, 'Who are you?', 'Jo Bell');
  await app.getByRole('textbox', { name: 'Password', exact: true }).fill('wrong password');
  await app.getByRole('button', { name: 'Sign in' }).click();
  await expect(app.getByText('That password is not right.')).toBeVisible();
  await app.getByRole('textbox', { name: 'Password', exact: true }).fill(TEST_PASSWORD);
  await app.getByRole('button', { name: 'Sign in' }).click();
  await expect(app.getByTestId('signed-in-as')).toHaveText('Jo Bell (Reception)');
  await expect(app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' })).toHaveCount(0);

  await app.goto(url(app, '#/diary'));
  await expect(app.getByRole('heading', { name: 'Diary', level: 1 })).toBeVisible();
  await app.goto(url(app, `#/clients/${ada.id}`));
  await expect(app.getByRole('heading', { name: 'Ada Okafor', level: 1 })).toBeVisible();
  const history = app.getByRole('table', { name: 'Treatment history' });
  await expect(history).toContainText('27/02/2026');
  await expect(history.getByRole('button')).toHaveCount(0); // the visit, not its notes
  await expect(app.getByRole('link', { name: 'Log treatment' })).toHaveCount(0);
  await app.getByRole('link', { name: 'Edit details' }).click();
  await app.getByRole('textbox', { name: 'Phone', exact: true }).fill('07700 900999');
  await app.getByRole('button', { name: /^Save/ }).first().click();
  await expect(app.getByRole('heading', { name: 'Ada Okafor', level: 1 })).toBeVisible();
  expect(clinic.db.prepare('SELECT phone FROM clients WHERE id = ?').pluck().get(ada.id)).toBe('07700 900999');

  await expect(app.locator('body')).not.toContainText(MARK);
  const leaked = responses.filter((r) => JSON.stringify(r.result).includes(MARK)).map((r) => r.name);
  expect(leaked).toEqual([]);
  expect(responses.map((r) => r.name)).toEqual(expect.arrayContaining(['clients:get', 'diary:range']));
});

test('a therapist sees the notes', async ({ app, clinic }) => {
  const { ada, sam } = await clinicWithNotes(clinic);
  await signInAs(app, clinic, { roles: ['therapist'], therapistId: sam.id, name: 'Sam Reid' });
  await app.goto(url(app, `#/clients/${ada.id}`));
  await app.getByRole('table', { name: 'Treatment history' }).getByRole('button', { name: '27/02/2026' }).click();
  const notes = app.getByRole('dialog', { name: 'Treatment on 27/02/2026 with Sam Reid' });
  await expect(notes).toContainText(`${MARK} tight calves`);
  await expect(notes).toContainText(`${MARK} foam roll`);
});

test('the idle lock hides the screen, and unlocking returns to the form as it was typed', async ({ app, clinic }) => {
  await app.clock.install();
  await app.reload();
  await app.goto(url(app, '#/clients/new'));
  await app.getByLabel('First name').fill('Haile');
  await app.getByLabel('Last name').fill('Gebrselassie');
  await app.clock.fastForward('10:30');
  await expect(app.getByRole('heading', { name: 'Fettle is locked' })).toBeVisible();
  await expect(app.getByLabel('First name')).toBeHidden();
  expect(clinic.session.state).toBe('locked');
  await expectAccessible(app, 'the lock screen');
  await screenshot(app, 'access-locked-1366');
  await app.getByRole('textbox', { name: 'Password', exact: true }).fill('not it');
  await app.getByRole('button', { name: 'Unlock' }).click();
  await expect(app.getByText('That password is not right.')).toBeVisible();
  await app.getByRole('textbox', { name: 'Password', exact: true }).fill(TEST_PASSWORD);
  await app.getByRole('button', { name: 'Unlock' }).click();
  await expect(app.getByLabel('First name')).toHaveValue('Haile');
  await expect(app.getByLabel('Last name')).toHaveValue('Gebrselassie');
  await app.getByRole('button', { name: /^Save/ }).first().click();
  await expect(app.getByRole('heading', { name: 'Haile Gebrselassie', level: 1 })).toBeVisible();
  expect(clinic.db.prepare("SELECT count(*) FROM clients WHERE first_name = 'Haile'").pluck().get()).toBe(1);
});

test('an open note is edited by its author, an over-long field refused with nothing saved; a locked one offers "Add amendment", not edit', async ({ app, clinic }) => {
  const { ada, sam, note } = await clinicWithNotes(clinic);
  await signInAs(app, clinic, { roles: ['therapist'], therapistId: sam.id, name: 'Sam Reid' });
  await app.goto(url(app, `#/clients/${ada.id}`));
  const openNote = async () => {
    await app.getByRole('table', { name: 'Treatment history' }).getByRole('button', { name: '27/02/2026' }).click();
    return app.getByRole('dialog', { name: /Treatment on 27\/02\/2026/ });
  };
  let dialog = await openNote();
  await dialog.getByRole('button', { name: 'Edit note' }).click();
  // Over the schema's 2,000 characters: refused next to the field, the note kept as it was.
  const stored = () => clinic.db.prepare('SELECT subjective, objective, assessment, plan, advice, author_only, updated_at FROM treatments WHERE id = ?').get(note.id);
  const before = stored();
  await dialog.getByLabel('Subjective').fill('Calves eased after the flush.');
  await dialog.getByLabel('Advice given').fill('Foam roll. '.repeat(190)); // 2,090 characters
  await dialog.getByRole('button', { name: 'Save note' }).click();
  await expect(dialog.getByText('Advice given: keep it under 2000 characters.')).toBeVisible();
  await expect(dialog.getByLabel('Subjective')).toHaveValue('Calves eased after the flush.');
  expect(stored()).toEqual(before);
  await dialog.getByLabel('Advice given').fill('Foam roll the left calf daily.');
  await dialog.getByRole('button', { name: 'Save note' }).click();
  await expect(dialog).toContainText('Foam roll the left calf daily.');
  expect(clinic.db.prepare('SELECT subjective, advice FROM treatments WHERE id = ?').get(note.id))
    .toEqual({ subjective: 'Calves eased after the flush.', advice: 'Foam roll the left calf daily.' });
  await dialog.getByRole('button', { name: 'Close' }).click();

  clinic.db.prepare("UPDATE treatments SET editable_until = '2026-03-01T00:00'").run(); // the next day has ended
  await app.reload();
  dialog = await openNote();
  await expect(dialog.getByRole('button', { name: 'Edit note' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Add amendment' }).click();
  await dialog.getByRole('button', { name: 'Add amendment' }).click(); // the form's own button, empty
  await expect(dialog.getByText('Amendment is required.', { exact: true })).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Amendment', exact: true }).fill('The left calf, not the right.');
  await dialog.getByLabel('Reason for the amendment').fill('Side recorded wrongly');
  await dialog.getByRole('button', { name: 'Add amendment' }).click();
  const amendments = dialog.getByRole('list', { name: 'Amendments' });
  await expect(amendments).toContainText('02/03/2026 09:00 · Sam Reid · Reason: Side recorded wrongly');
  await expect(amendments).toContainText('The left calf, not the right.');
  await expect(dialog).toContainText('Foam roll the left calf daily.'); // the original, as it was
  expect(clinic.db.prepare('SELECT author_name, reason, text FROM treatment_amendments').all())
    .toEqual([{ author_name: 'Sam Reid', reason: 'Side recorded wrongly', text: 'The left calf, not the right.' }]);
  await screenshot(app, 'access-note-with-amendment-1366');
});

test('an administrator adds and edits people (an emptied or taken name refused, nothing saved), and reads the audit trail', async ({ app, clinic }) => {
  await clinic.call('therapists:create', { name: 'Priya Nair' });
  await signInAs(app, clinic, { roles: ['admin'], name: 'Maya Clarke' });
  await app.goto(url(app, '#/settings'));
  await app.getByRole('button', { name: 'Add person' }).click();
  const dialog = app.getByRole('dialog', { name: 'Add a person who signs in' });
  await dialog.getByLabel('Name').fill('Priya Nair');
  await choose(app, dialog, 'Diary column', 'Priya Nair');
  await dialog.getByRole('textbox', { name: 'PIN', exact: true }).fill('12');
  await dialog.getByRole('button', { name: 'Add person' }).click();
  await expect(dialog.getByText('PIN: use 4 to 8 digits.')).toBeVisible();
  await expectAccessible(app, 'the add-person dialog');
  await dialog.getByRole('textbox', { name: 'PIN', exact: true }).fill('2468');
  await dialog.getByRole('button', { name: 'Add person' }).click();
  await expect(dialog).toBeHidden();
  const people = app.getByRole('table', { name: 'People who sign in' });
  await expect(people.getByRole('row', { name: /Priya Nair/ })).toContainText('Therapist');
  expect(clinic.db.prepare("SELECT roles, secret_kind FROM users WHERE name = 'Priya Nair'").get()).toEqual({ roles: '["therapist"]', secret_kind: 'pin' });

  await people.getByRole('button', { name: 'Edit Priya Nair' }).click();
  const edit = app.getByRole('dialog', { name: 'Edit Priya Nair' });
  // A name emptied, then someone else's (in other case): refused next to the field, the person kept as they were.
  const person = () => clinic.db.prepare("SELECT id, name, roles, therapist_id, active FROM users WHERE id = (SELECT id FROM users WHERE name = 'Priya Nair')").get();
  const before = person();
  await edit.getByRole('checkbox', { name: 'Reception' }).check();
  await edit.getByLabel('Name').fill('  ');
  await edit.getByRole('button', { name: 'Save person' }).click();
  await expect(edit.getByText('Name is required.')).toBeVisible();
  expect(person()).toEqual(before);
  await edit.getByLabel('Name').fill('maya clarke');
  await edit.getByRole('button', { name: 'Save person' }).click();
  await expect(edit.getByText('Someone called Maya Clarke can already sign in.')).toBeVisible();
  expect(person()).toEqual(before);
  expect(clinic.db.prepare("SELECT count(*) FROM users WHERE lower(name) = 'maya clarke'").pluck().get()).toBe(1);
  await edit.getByLabel('Name').fill('Priya Nair');
  await edit.getByRole('button', { name: 'Save person' }).click();
  await expect(edit).toBeHidden();
  expect(clinic.db.prepare("SELECT roles FROM users WHERE name = 'Priya Nair'").pluck().get()).toBe('["therapist","reception"]');
  await app.getByRole('region', { name: 'People who sign in' }).scrollIntoViewIfNeeded();
  await screenshot(app, 'access-people-1366');

  await app.goto(url(app, '#/audit'));
  const trail = app.getByRole('table', { name: 'Audit trail' });
  await expect(trail.getByRole('row', { name: /Person changed/ })).toContainText('Priya Nair: roles therapist → therapist, reception');
  await choose(app, app, 'What', 'Person added');
  await expect(trail.getByRole('row')).toHaveCount(2);
  await expectAccessible(app, 'the audit trail');
  await screenshot(app, 'access-audit-1366');
});

void ALL_ROLES;

test('the lock time and a new PIN are saved from Settings, and bad values are refused next to the field', async ({ app, clinic }) => {
  await signInAs(app, clinic, { roles: ['admin'], name: 'Maya Clarke' });
  clinic.actAs({ roles: ['reception'], name: 'Jo Bell' });
  clinic.actAs({ roles: ['admin'], name: 'Maya Clarke' });
  await app.goto(url(app, '#/settings'));
  const lock = app.getByRole('form', { name: 'Lock when idle' });
  await lock.getByLabel('Lock after (minutes without use)').fill('0');
  await lock.getByRole('button', { name: 'Save lock time' }).click();
  await expect(lock.getByText('Lock after: at least 1 minute.')).toBeVisible();
  expect(clinic.db.prepare("SELECT value FROM settings WHERE key = 'idle_minutes'").pluck().get()).toBeUndefined();
  await lock.getByLabel('Lock after (minutes without use)').fill('25');
  await lock.getByRole('button', { name: 'Save lock time' }).click();
  await expect(lock.getByText('Lock after: at least 1 minute.')).toBeHidden();
  await expect.poll(() => clinic.db.prepare("SELECT value FROM settings WHERE key = 'idle_minutes'").pluck().get()).toBe('25');

  const before = clinic.db.prepare("SELECT secret_hash FROM users WHERE name = 'Jo Bell'").pluck().get();
  await app.getByRole('button', { name: 'New password or PIN for Jo Bell' }).click();
  const dialog = app.getByRole('dialog', { name: 'New password or PIN for Jo Bell' });
  await dialog.getByText('PIN', { exact: true }).click(); // Jo signed in with a password until now
  await dialog.getByRole('textbox', { name: 'PIN', exact: true }).fill('12ab');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('PIN: use 4 to 8 digits.')).toBeVisible();
  expect(clinic.db.prepare("SELECT secret_hash FROM users WHERE name = 'Jo Bell'").pluck().get()).toBe(before);
  await dialog.getByRole('textbox', { name: 'PIN', exact: true }).fill('97315');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  expect(clinic.db.prepare("SELECT secret_kind, secret_hash <> ? AS changed FROM users WHERE name = 'Jo Bell'").get(before)).toEqual({ secret_kind: 'pin', changed: 1 });
});
