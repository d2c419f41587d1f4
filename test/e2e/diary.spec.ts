import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import type { Appointment, AppointmentType, Client, Therapist } from '../../shared/api/types';
import { ALL_ROLES, type TestClinic } from '../support/clinic';
import { savedDaySheetPdf } from './daysheet-pdf';
import { expect, test, TODAY, typeDate } from './fixtures';

// The receptionist's screens: the diary (book, move, mark), phase-aware booking, Today, the
// recall list and the day sheet. Today is Monday 2 March 2026; the clinic opens 08:00-20:00 on
// weekdays. Every write is checked in the database afterwards.

const TUESDAY = '2026-03-03';


async function arrange(clinic: TestClinic) {
  const sam = await clinic.call<Therapist>('therapists:create', { name: 'Sam Reid' });
  const priya = await clinic.call<Therapist>('therapists:create', { name: 'Priya Nair' });
  // Sam is at the laptop (every role): notes are always the signed-in therapist's.
  clinic.actAs({ roles: ALL_ROLES, therapistId: sam.id, name: 'Sam Reid' });
  const ada = await clinic.call<Client>('clients:create', { firstName: 'Ada', lastName: 'Okafor', phone: '07700 900111', medicalAlerts: 'On anticoagulants: no deep tissue.' });
  const ben = await clinic.call<Client>('clients:create', { firstName: 'Ben', lastName: 'Smith', phone: '07700 900222' });
  const types = await clinic.call<AppointmentType[]>('appointmentTypes:list');
  return {
    sam, priya, ada, ben,
    type: (name: string) => types.find((t) => t.name === name)!,
    book: (input: Record<string, unknown>) => clinic.call<Appointment>('appointments:book', input),
  };
}

type Desk = Awaited<ReturnType<typeof arrange>>;

const row = (clinic: TestClinic, sql: string, ...args: unknown[]) => clinic.db.prepare(sql).get(...args) as Record<string, unknown> | undefined;
const count = (clinic: TestClinic, table: string) => (row(clinic, `SELECT count(*) AS n FROM ${table}`) as { n: number }).n;
const url = (app: Page, hash: string) => app.url().replace(/#.*$/, '') + hash;

async function openDiary(app: Page, query: string) {
  await app.goto(url(app, `#/diary?${query}`));
  await app.reload(); // as whoever arrange() signed in
  await expect(app.locator('.rbc-time-view')).toBeVisible();
}

/** The day view's column of a therapist (0-based, in header order). */
async function columnOf(app: Page, name: string): Promise<number> {
  const headers = await app.locator('.rbc-time-header .diary-column-header').allInnerTexts();
  const index = headers.findIndex((h) => h.startsWith(name));
  expect(index, `a column for ${name} in ${headers.join(' | ')}`).toBeGreaterThanOrEqual(0);
  return index;
}

/** The quarter-hour slot at `time` in a day column. */
async function slotAt(app: Page, column: number, time: string): Promise<Locator> {
  const first = (await app.locator('.rbc-time-gutter .rbc-timeslot-group').first().innerText()).trim();
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return app.locator('.rbc-time-content > .rbc-day-slot').nth(column).locator('.rbc-time-slot').nth((minutes(time) - minutes(first)) / 15);
}

/** Clicks a free slot as a person does: the events layer lies over the slots, so by position. */
async function clickSlot(app: Page, therapist: string, time: string) {
  const box = (await (await slotAt(app, await columnOf(app, therapist), time)).boundingBox())!;
  await app.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** Presses at `from`, moves in small steps (a frame apart, as a hand does) to `to`, and lets go. */
async function drag(app: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await app.mouse.move(from.x, from.y);
  await app.mouse.down();
  const steps = 16;
  for (let i = 1; i <= steps; i++) {
    await app.mouse.move(from.x + ((to.x - from.x) * i) / steps, from.y + ((to.y - from.y) * i) / steps);
    await app.waitForTimeout(20);
  }
  await app.mouse.up();
}

/** A read that fails shows its failure (never an empty screen), and "Try again" recovers. */
async function expectFailedReadRecovers(app: Page, failing: Set<string>, call: string, hash: string, alert: string, recovered: Locator) {
  failing.add(call);
  await app.goto(url(app, hash));
  await expect(app.getByRole('alert').filter({ hasText: alert })).toBeVisible();
  await expect(recovered).toHaveCount(0);
  failing.delete(call);
  await app.getByRole('button', { name: 'Try again' }).click();
  await expect(recovered).toBeVisible();
}

const eventOf = (app: Page, clientName: string) => app.locator('.rbc-event').filter({ hasText: clientName });

/** Picks an option of a Mantine select by its label. */
async function choose(app: Page, scope: Locator, label: string, option: string) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await app.getByRole('option', { name: option, exact: true }).click();
}

async function chooseClient(app: Page, dialog: Locator, search: string, name: string) {
  await dialog.getByRole('combobox', { name: 'Client', exact: true }).fill(search);
  await app.getByRole('option', { name: new RegExp(`^${name}`) }).click();
}

/** Fills the booking form: client, therapist, type, date and time. */
async function fillBooking(app: Page, dialog: Locator, b: { search: string; client: string; therapist: string; type: string; date: string; time: string }) {
  await chooseClient(app, dialog, b.search, b.client);
  await choose(app, dialog, 'Therapist', b.therapist);
  await choose(app, dialog, 'Type', b.type);
  await typeDate(dialog.getByRole('textbox', { name: 'Date', exact: true }), b.date);
  await choose(app, dialog, 'Time', b.time);
}

async function expectAccessible(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
  const report = bad.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n  ')}`).join('\n');
  expect(report, `axe on ${where}`).toBe('');
}

test.describe('the diary', () => {
  test('books by clicking a free slot: the form opens with the slot filled in, and the booking is stored', async ({ app, clinic }) => {
    const desk = await arrange(clinic);
    await openDiary(app, `date=${TUESDAY}`);
    await expect(app.getByTestId('diary-range')).toHaveText('Tuesday 03/03/2026');
    await clickSlot(app, 'Sam Reid', '10:00');

    const dialog = app.getByRole('dialog', { name: 'New booking' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('textbox', { name: 'Date', exact: true })).toHaveValue('03/03/2026');
    await expect(dialog.getByRole('combobox', { name: 'Time', exact: true })).toHaveValue('10:00');
    await expect(dialog.getByRole('combobox', { name: 'Therapist', exact: true })).toHaveValue('Sam Reid');
    await chooseClient(app, dialog, 'okaf', 'Ada Okafor');
    await choose(app, dialog, 'Type', 'Flush (30 min)');
    await expect(dialog.getByLabel('Duration (minutes)')).toHaveValue('30');
    await expect(dialog.getByTestId('booking-headline')).not.toBeEmpty();
    await dialog.getByRole('button', { name: 'Book appointment' }).click();
    await expect(dialog).toBeHidden();

    expect(row(clinic, 'SELECT client_id, therapist_id, type_id, starts_at, ends_at, status FROM appointments')).toEqual({
      client_id: desk.ada.id, therapist_id: desk.sam.id, type_id: desk.type('Flush').id, starts_at: '2026-03-03T10:00', ends_at: '2026-03-03T10:30', status: 'booked',
    });
    await expect(eventOf(app, 'Ada Okafor')).toContainText('10:00–10:30');
  });

  test('dragging across free slots opens the form with that span, which a type does not override', async ({ app, clinic }) => {
    const desk = await arrange(clinic);
    await openDiary(app, `date=${TUESDAY}`);
    const column = await columnOf(app, 'Priya Nair');
    const from = (await (await slotAt(app, column, '14:00')).boundingBox())!;
    const to = (await (await slotAt(app, column, '15:15')).boundingBox())!;
    // The grid starts a selection in the slot where the pointer has moved a few pixels: press near the top.
    await drag(app, { x: from.x + from.width / 2, y: from.y + 2 }, { x: to.x + to.width / 2, y: to.y + to.height / 2 });
    const dialog = app.getByRole('dialog', { name: 'New booking' });
    await expect(dialog.getByRole('combobox', { name: 'Time', exact: true })).toHaveValue('14:00');
    await expect(dialog.getByLabel('Duration (minutes)')).toHaveValue('90');
    await chooseClient(app, dialog, 'Ben', 'Ben Smith');
    await choose(app, dialog, 'Type', 'Assessment (60 min)');
    await expect(dialog.getByLabel('Duration (minutes)')).toHaveValue('90');
    await dialog.getByRole('button', { name: 'Book appointment' }).click();
    await expect(dialog).toBeHidden();
    expect(row(clinic, 'SELECT therapist_id, starts_at, duration_min FROM appointments')).toEqual({ therapist_id: desk.priya.id, starts_at: `${TUESDAY}T14:00`, duration_min: 90 });
  });

  test('outside working hours needs a confirmation, which is stored', async ({ app, clinic }) => {
    await arrange(clinic);
    await openDiary(app, `date=${TUESDAY}`);
    await app.getByRole('button', { name: 'New booking' }).click();
    const dialog = app.getByRole('dialog', { name: 'New booking' });
    await fillBooking(app, dialog, { search: 'Ben', client: 'Ben Smith', therapist: 'Sam Reid', type: 'Flush (30 min)', date: '03/03/2026', time: '19:45' });
    await expect(dialog).toContainText("19:45–20:15 is outside Sam Reid's working hours (08:00–20:00).");
    await dialog.getByRole('button', { name: 'Book appointment' }).click();
    await expect(dialog.getByText('Tick to book outside hours, or choose another time.')).toBeVisible();
    expect(count(clinic, 'appointments')).toBe(0);
    await dialog.getByLabel('Book outside hours').check();
    await dialog.getByRole('button', { name: 'Book appointment' }).click();
    await expect(dialog).toBeHidden();
    expect(row(clinic, 'SELECT starts_at, outside_hours_confirmed FROM appointments')).toEqual({ starts_at: `${TUESDAY}T19:45`, outside_hours_confirmed: 1 });
  });

  test("a client's page books with the client and their usual therapist filled in", async ({ app, clinic }) => {
    const desk = await arrange(clinic);
    await clinic.call('clients:update', { id: desk.ben.id, updatedAt: desk.ben.updatedAt, usualTherapistId: desk.priya.id });
    await app.goto(url(app, `#/clients/${desk.ben.id}`));
    await app.getByRole('button', { name: 'Book appointment' }).click();
    const dialog = app.getByRole('dialog', { name: 'New booking' });
    await expect(dialog.getByRole('combobox', { name: 'Client', exact: true })).toHaveValue('Ben Smith');
    await expect(dialog.getByRole('combobox', { name: 'Therapist', exact: true })).toHaveValue('Priya Nair');
    await expect(dialog.getByRole('textbox', { name: 'Date', exact: true })).toHaveValue('02/03/2026');
    await choose(app, dialog, 'Type', 'Flush (30 min)');
    await choose(app, dialog, 'Time', '16:30');
    await dialog.getByRole('button', { name: 'Book appointment' }).click();
    await expect(dialog).toBeHidden();
    expect(row(clinic, 'SELECT client_id, therapist_id, starts_at FROM appointments')).toEqual({ client_id: desk.ben.id, therapist_id: desk.priya.id, starts_at: `${TODAY}T16:30` });
    await expect(app.getByRole('cell', { name: 'Priya Nair' })).toBeVisible(); // upcoming appointments on the page
  });

  test('books by keyboard alone from "New booking"', async ({ app, clinic }) => {
    const desk = await arrange(clinic);
    await openDiary(app, `date=${TUESDAY}`);
    await app.getByRole('button', { name: 'New booking' }).focus();
    await app.keyboard.press('Enter');
    const dialog = app.getByRole('dialog', { name: 'New booking' });
    await expect(dialog.getByRole('combobox', { name: 'Client', exact: true })).toBeFocused();
    await app.keyboard.type('Ben');
    await expect(app.getByRole('option', { name: /^Ben Smith/ })).toBeVisible();
    await app.keyboard.press('ArrowDown');
    await app.keyboard.press('Enter');
    await expect(dialog.getByRole('combobox', { name: 'Client', exact: true })).toHaveValue('Ben Smith');
    await app.keyboard.press('Tab'); // therapist: open the list, and pick the first once it shows
    await app.keyboard.press('Enter');
    await expect(app.getByRole('option', { name: 'Priya Nair' })).toBeVisible();
    await app.keyboard.press('ArrowDown');
    await app.keyboard.press('Enter');
    await expect(dialog.getByRole('combobox', { name: 'Therapist', exact: true })).toHaveValue('Priya Nair');
    await app.keyboard.press('Tab'); // type
    await app.keyboard.press('Enter');
    await expect(app.getByRole('option', { name: 'Assessment (60 min)' })).toBeVisible();
    await app.keyboard.press('ArrowDown');
    await app.keyboard.press('Enter');
    await expect(dialog.getByRole('combobox', { name: 'Type', exact: true })).toHaveValue('Assessment (60 min)');
    await dialog.getByRole('combobox', { name: 'Time', exact: true }).focus();
    // Typed and Enter at once: the time is taken and the form stays open for its check to be read.
    await app.keyboard.type('1415');
    await app.keyboard.press('Enter');
    await expect(dialog.getByRole('combobox', { name: 'Time', exact: true })).toHaveValue('14:15');
    expect(row(clinic, 'SELECT count(*) AS n FROM appointments')).toEqual({ n: 0 });
    // Main's check of the chosen slot must have answered: booking on a stale check is refused in main.
    await expect(dialog.getByTestId('booking-check')).toHaveAttribute('aria-busy', 'false');
    await expect(app.getByRole('listbox')).toHaveCount(0); // the time list has closed
    await app.keyboard.press('Control+Enter');
    // Booked, the dialog closes; refused, the test names why (a refusal, or a message by a field).
    const refusals = dialog.locator('[data-testid="booking-refusal"], .mantine-InputWrapper-error');
    await expect
      .poll(async () => ((await dialog.isVisible()) ? `still open: ${(await refusals.allTextContents()).join(' | ') || 'no message'}` : 'booked'), { timeout: 10_000 })
      .toBe('booked');
    const stored = row(clinic, 'SELECT client_id, starts_at, duration_min FROM appointments');
    expect(stored).toEqual({ client_id: desk.ben.id, starts_at: '2026-03-03T14:15', duration_min: 60 });
  });

  // The diary draws its booking form ahead and fills it in on a click: a form somebody typed into
  // must never come back.
  test('every slot click opens a form with that slot and nothing else, whatever was typed into the last one', async ({ app, clinic }) => {
    await arrange(clinic);
    await openDiary(app, `date=${TUESDAY}`);
    const dialog = app.getByRole('dialog', { name: 'New booking' });
    const field = (name: string) => dialog.getByRole('combobox', { name, exact: true });
    for (const [therapist, time] of [['Sam Reid', '10:00'], ['Priya Nair', '11:15'], ['Sam Reid', '15:30']] as const) {
      await clickSlot(app, therapist, time);
      await expect(field('Therapist')).toHaveValue(therapist);
      await expect(field('Time')).toHaveValue(time);
      await expect(dialog.getByRole('textbox', { name: 'Date', exact: true })).toHaveValue('03/03/2026');
      await expect(field('Client')).toHaveValue('');
      await expect(field('Type')).toHaveValue('');
      await expect(dialog.getByLabel('Duration (minutes)')).toHaveValue('');
      await expect(field('Client')).toBeFocused();
      // Filled in part, then closed without booking while a name is half typed.
      await choose(app, dialog, 'Type', 'Flush (30 min)'); // fills in the length, unless one was typed
      await expect(dialog.getByLabel('Duration (minutes)')).toHaveValue('30');
      await dialog.getByLabel('Duration (minutes)').fill('45');
      await field('Client').fill('Ben');
      await expect(app.getByRole('option', { name: /^Ben Smith/ })).toBeVisible();
      await app.keyboard.press('Escape'); // the list of clients
      await expect(app.getByRole('listbox')).toHaveCount(0);
      await app.keyboard.press('Escape'); // the form
      await expect(dialog).toBeHidden();
    }
    expect(count(clinic, 'appointments')).toBe(0);
  });

  test('Escape closes the booking form and gives focus back to "New booking"', async ({ app, clinic }) => {
    await arrange(clinic);
    await openDiary(app, `date=${TUESDAY}`);
    const opener = app.getByRole('button', { name: 'New booking' });
    await opener.focus();
    await app.keyboard.press('Enter');
    const dialog = app.getByRole('dialog', { name: 'New booking' });
    await expect(dialog.getByRole('combobox', { name: 'Client', exact: true })).toBeFocused();
    await app.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
  });

  test('deep tissue 5 days before a marathon shows the race-week warning, cannot be booked unacknowledged, and the acknowledgement is stored', async ({ app, clinic }) => {
    const desk = await arrange(clinic);
    await clinic.call('races:create', { clientId: desk.ada.id, name: 'Brighton Marathon', date: '2026-03-08', distance: 'marathon' });
    await openDiary(app, `date=${TUESDAY}`);
    await app.getByRole('button', { name: 'New booking' }).click();
    const dialog = app.getByRole('dialog', { name: 'New booking' });
    await fillBooking(app, dialog, { search: 'Ada', client: 'Ada Okafor', therapist: 'Sam Reid', type: 'Deep tissue (60 min)', date: '03/03/2026', time: '10:00' });

    await expect(dialog.getByRole('region', { name: 'Guidance for Ada Okafor on 03/03/2026' })).toContainText('Race week');
    const warnings = dialog.getByTestId('booking-warnings');
    await expect(warnings).toContainText('Deep tissue is above the guidance for 03/03/2026');
    await dialog.getByRole('button', { name: 'Book appointment' }).click();
    await expect(warnings).toContainText('Tick to acknowledge the warning before booking.');
    expect(count(clinic, 'appointments')).toBe(0);

    await warnings.getByLabel('I have read this warning and want to book anyway').check();
    await expect(warnings).toContainText('Stored with your name, Sam Reid');
    await dialog.getByRole('button', { name: 'Book appointment' }).click();
    await expect(dialog).toBeHidden();
    const stored = row(clinic, 'SELECT starts_at, warning_text, warning_acknowledged_by, warning_acknowledged_at FROM appointments') as Record<string, string>;
    expect(stored.starts_at).toBe('2026-03-03T10:00');
    expect(stored.warning_text).toMatch(/^Deep tissue is above the guidance for 03\/03\/2026: /);
    expect(stored.warning_acknowledged_by).toBe('Sam Reid'); // whoever is signed in
    expect(stored.warning_acknowledged_at).toMatch(/^2026-03-02T/);
    // The diary flags it: above the guidance, acknowledged.
    await eventOf(app, 'Ada Okafor').click();
    await expect(app.getByRole('dialog', { name: /^Ada Okafor/ })).toContainText('Warning acknowledged when booked');
  });

  test('a double booking is refused with a message naming the clash, and nothing is written', async ({ app, clinic }) => {
    const desk = await arrange(clinic);
    await desk.book({ clientId: desk.ada.id, therapistId: desk.sam.id, typeId: desk.type('Assessment').id, startsAt: `${TUESDAY}T10:00` });
    const before = clinic.db.prepare('SELECT * FROM appointments').all();
    await openDiary(app, `date=${TUESDAY}`);
    await app.getByRole('button', { name: 'New booking' }).click();
    const dialog = app.getByRole('dialog', { name: 'New booking' });
    await chooseClient(app, dialog, 'Ben', 'Ben Smith');
    await choose(app, dialog, 'Therapist', 'Sam Reid');
    await choose(app, dialog, 'Time', '10:30');
    await choose(app, dialog, 'Type', 'Flush (30 min)');
    await expect(dialog.getByTestId('booking-clashes')).toContainText('Sam Reid already has Ada Okafor 10:00–11:00 on 03/03/2026');
    await dialog.getByRole('button', { name: 'Book appointment' }).click();
    await expect(dialog.getByTestId('booking-refusal')).toContainText('Sam Reid already has Ada Okafor 10:00–11:00 on 03/03/2026. Choose another time or therapist.');
    expect(clinic.db.prepare('SELECT * FROM appointments').all()).toEqual(before);
  });

  test('an appointment moved by dragging changes the diary and the database', async ({ app, clinic }) => {
    const desk = await arrange(clinic);
    const booked = await desk.book({ clientId: desk.ada.id, therapistId: desk.sam.id, typeId: desk.type('Flush').id, startsAt: `${TUESDAY}T10:00` });
    await openDiary(app, `date=${TUESDAY}`);
    const event = eventOf(app, 'Ada Okafor');
    const from = (await event.boundingBox())!;
    const target = (await (await slotAt(app, await columnOf(app, 'Priya Nair'), '11:15')).boundingBox())!;
    // Grab the middle (its edges resize it) and let go where its top meets the target slot.
    await drag(app, { x: from.x + from.width / 2, y: from.y + from.height / 2 }, { x: target.x + target.width / 2, y: target.y + from.height / 2 });

    await expect.poll(() => row(clinic, 'SELECT therapist_id, starts_at, ends_at FROM appointments WHERE id = ?', booked.id)).toEqual({
      therapist_id: desk.priya.id, starts_at: `${TUESDAY}T11:15`, ends_at: `${TUESDAY}T11:45`,
    });
    await expect(event).toContainText('11:15–11:45');
    const column = app.locator('.rbc-time-content > .rbc-day-slot').nth(await columnOf(app, 'Priya Nair'));
    await expect(column.locator('.rbc-event')).toContainText('Ada Okafor');

    // Its lower edge dragged down a quarter hour: 45 minutes. (The grid puts the end at the start of
    // the slot under the pointer, so the pointer goes into the slot after the new end.)
    const box = (await event.boundingBox())!;
    await event.hover();
    const anchor = event.locator('.rbc-addons-dnd-resize-ns-anchor').last();
    const handle = (await anchor.boundingBox())!;
    await drag(app, { x: handle.x + handle.width / 2, y: handle.y + handle.height / 2 }, { x: handle.x + handle.width / 2, y: box.y + box.height + 22 });
    await expect.poll(() => row(clinic, 'SELECT duration_min, ends_at FROM appointments WHERE id = ?', booked.id)).toEqual({ duration_min: 45, ends_at: `${TUESDAY}T12:00` });
  });

  test('an appointment moved by keyboard (M on a focused appointment) changes the diary and the database', async ({ app, clinic }) => {
    const desk = await arrange(clinic);
    const booked = await desk.book({ clientId: desk.ada.id, therapistId: desk.sam.id, typeId: desk.type('Flush').id, startsAt: `${TUESDAY}T10:00` });
    await openDiary(app, `date=${TUESDAY}`);
    await eventOf(app, 'Ada Okafor').focus();
    await app.keyboard.press('m');
    const dialog = app.getByRole('dialog', { name: "Move Ada Okafor's appointment" });
    // The time has focus: type it, pick it, and the rest by Tab.
    await expect(dialog.getByRole('combobox', { name: 'Time', exact: true })).toBeFocused();
    // Typed and Enter at once, as a quick hand does: the time is taken, nothing is submitted yet.
    await app.keyboard.type('1400');
    await app.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('combobox', { name: 'Time', exact: true })).toHaveValue('14:00');
    expect(row(clinic, 'SELECT starts_at FROM appointments WHERE id = ?', booked.id)).toEqual({ starts_at: `${TUESDAY}T10:00` });
    await typeDate(dialog.getByRole('textbox', { name: 'Date', exact: true }), '04/03/2026');
    await choose(app, dialog, 'Therapist', 'Priya Nair');
    await dialog.getByLabel('Duration (minutes)').fill('45');
    await app.keyboard.press('Control+Enter');
    await expect(dialog).toBeHidden();
    expect(row(clinic, 'SELECT therapist_id, starts_at, duration_min FROM appointments WHERE id = ?', booked.id)).toEqual({
      therapist_id: desk.priya.id, starts_at: '2026-03-04T14:00', duration_min: 45,
    });
    await expect(eventOf(app, 'Ada Okafor')).toHaveCount(0); // no longer on Tuesday
    await app.getByRole('button', { name: 'Next day' }).click();
    await expect(app.getByTestId('diary-range')).toHaveText('Wednesday 04/03/2026');
    await expect(eventOf(app, 'Ada Okafor')).toContainText('14:00–14:45');
  });

  test('a move that clashes is refused, naming the clash, and the appointment stays', async ({ app, clinic }) => {
    const desk = await arrange(clinic);
    await desk.book({ clientId: desk.ben.id, therapistId: desk.priya.id, typeId: desk.type('Assessment').id, startsAt: `${TUESDAY}T14:00` });
    const ada = await desk.book({ clientId: desk.ada.id, therapistId: desk.sam.id, typeId: desk.type('Flush').id, startsAt: `${TUESDAY}T10:00` });
    await openDiary(app, `date=${TUESDAY}`);
    await eventOf(app, 'Ada Okafor').click();
    await app.getByRole('button', { name: 'Move…' }).click();
    const dialog = app.getByRole('dialog', { name: "Move Ada Okafor's appointment" });
    await choose(app, dialog, 'Therapist', 'Priya Nair');
    await choose(app, dialog, 'Time', '14:30');
    await dialog.getByRole('button', { name: 'Move appointment' }).click();
    await expect(dialog.getByTestId('move-refusal')).toContainText('Priya Nair already has Ben Smith 14:00–15:00 on 03/03/2026');
    expect(row(clinic, 'SELECT therapist_id, starts_at FROM appointments WHERE id = ?', ada.id)).toEqual({ therapist_id: desk.sam.id, starts_at: `${TUESDAY}T10:00` });
  });

  test('marks, cancels with a reason, and logs a treatment from an appointment, which completes it', async ({ app, clinic }) => {
    const desk = await arrange(clinic);
    const today = await desk.book({ clientId: desk.ada.id, therapistId: desk.sam.id, typeId: desk.type('Flush').id, startsAt: `${TODAY}T10:00` });
    const later = await desk.book({ clientId: desk.ben.id, therapistId: desk.sam.id, typeId: desk.type('Flush').id, startsAt: `${TUESDAY}T09:00` });
    await openDiary(app, `date=${TUESDAY}`);
    await eventOf(app, 'Ben Smith').click();
    let details = app.getByRole('dialog', { name: /^Ben Smith/ });
    await expect(details.getByRole('button', { name: 'Arrived' })).toHaveCount(0); // not on the day yet
    await details.getByRole('button', { name: 'Cancel appointment…' }).click();
    await details.getByRole('button', { name: 'Cancel appointment', exact: true }).click();
    await expect(details.getByText('Reason for cancelling is required.')).toBeVisible();
    await details.getByLabel('Reason for cancelling').fill('Client unwell');
    await details.getByRole('button', { name: 'Cancel appointment', exact: true }).click();
    await expect(details).toBeHidden();
    expect(row(clinic, 'SELECT status, cancel_reason FROM appointments WHERE id = ?', later.id)).toEqual({ status: 'cancelled', cancel_reason: 'Client unwell' });
    await expect(eventOf(app, 'Ben Smith')).toHaveCount(0);
    await app.getByText('Show cancelled').click();
    await expect(app.getByLabel('Show cancelled')).toBeChecked();
    await expect(eventOf(app, 'Ben Smith')).toContainText('Cancelled');

    await app.getByRole('button', { name: 'Today' }).click();
    await eventOf(app, 'Ada Okafor').click();
    details = app.getByRole('dialog', { name: /^Ada Okafor/ });
    await details.getByRole('button', { name: 'Arrived' }).click();
    await expect(details).toBeHidden();
    expect(row(clinic, 'SELECT status FROM appointments WHERE id = ?', today.id)).toEqual({ status: 'arrived' });
    await eventOf(app, 'Ada Okafor').click();
    await details.getByRole('link', { name: 'Log treatment' }).click();

    await expect(app.getByRole('heading', { name: 'Log treatment · Ada Okafor' })).toBeVisible();
    await expect(app.getByTestId('from-appointment')).toBeVisible();
    await expect(app.getByRole('textbox', { name: 'Date', exact: true })).toHaveValue('02/03/2026');
    await expect(app.getByRole('textbox', { name: 'Therapist', exact: true })).toHaveValue('Sam Reid (signed in)');
    await app.getByRole('radio', { name: 'Gentle flush' }).check();
    await app.getByRole('button', { name: 'Save treatment' }).first().click();
    await expect(app.getByRole('heading', { name: 'Ada Okafor', level: 1 })).toBeVisible();
    expect(row(clinic, 'SELECT client_id, therapist_id, date, intensity FROM treatments')).toEqual({ client_id: desk.ada.id, therapist_id: desk.sam.id, date: TODAY, intensity: 'flush' });
    expect(row(clinic, 'SELECT status FROM appointments WHERE id = ?', today.id)).toEqual({ status: 'completed' });
  });

  test('the week view shows all therapists or one, with jump to today and go to a date', async ({ app, clinic }) => {
    const desk = await arrange(clinic);
    await desk.book({ clientId: desk.ada.id, therapistId: desk.sam.id, typeId: desk.type('Flush').id, startsAt: `${TUESDAY}T10:00` });
    await desk.book({ clientId: desk.ben.id, therapistId: desk.priya.id, typeId: desk.type('Assessment').id, startsAt: '2026-03-06T16:00' });
    await openDiary(app, `date=${TUESDAY}&view=week`);
    await expect(app.getByTestId('diary-range')).toHaveText('Week of 02/03/2026 to 08/03/2026');
    // Monday first, day first.
    await expect(app.locator('.rbc-time-header .rbc-header').first()).toHaveText('Mon 02/03');
    await expect(eventOf(app, 'Ada Okafor')).toContainText('Sam Reid');
    await expect(eventOf(app, 'Ben Smith')).toContainText('16:00–17:00');
    await choose(app, app.locator('main'), 'Therapist', 'Priya Nair');
    await expect(eventOf(app, 'Ada Okafor')).toHaveCount(0);
    await expect(eventOf(app, 'Ben Smith')).toBeVisible();

    await typeDate(app.getByLabel('Go to date'), '20/03/2026');
    await expect(app.getByTestId('diary-range')).toHaveText('Week of 16/03/2026 to 22/03/2026');
    await app.getByRole('button', { name: 'Today' }).click();
    await expect(app.getByTestId('diary-range')).toHaveText('Week of 02/03/2026 to 08/03/2026');
    await app.getByText("Client's phase").click();
    await expect(app.getByTestId('diary-legend')).toContainText('Race week');
  });

  test('a diary that fails to load says so and offers to try again', async ({ app, clinic, failingCalls }) => {
    await arrange(clinic);
    await expectFailedReadRecovers(app, failingCalls, 'diary:range', `#/diary?date=${TUESDAY}`, 'Could not load the diary', app.locator('.rbc-time-view'));
  });
});

test.describe('Today', () => {
  test('lists the day per therapist with phase, ceiling and alerts; A, C and N mark a focused row in one keystroke', async ({ app, clinic }) => {
    const desk = await arrange(clinic);
    await clinic.call('races:create', { clientId: desk.ben.id, name: 'Brighton Marathon', date: '2026-03-08', distance: 'marathon' });
    const ada = await desk.book({ clientId: desk.ada.id, therapistId: desk.sam.id, typeId: desk.type('Flush').id, startsAt: `${TODAY}T10:00` });
    const ben = await desk.book({ clientId: desk.ben.id, therapistId: desk.sam.id, typeId: desk.type('Flush').id, startsAt: `${TODAY}T11:00`, acknowledgeWarning: true });
    await app.goto(url(app, '#/'));
    const sam = app.getByRole('region', { name: 'Sam Reid' });
    await expect(sam).toContainText('On anticoagulants: no deep tissue.');
    const adaRow = sam.getByRole('row', { name: /10:00–10:30 Ada Okafor/ });
    await expect(adaRow.locator('[data-phase]')).toHaveText('Off-season');
    await expect(sam.getByRole('row', { name: /Ben Smith/ }).locator('[data-phase]')).toHaveText('Race week');
    await expect(app.getByRole('region', { name: 'Racing in the next 7 days' })).toContainText('Ben Smith');
    await expect(app.getByRole('region', { name: 'Racing in the next 7 days' })).toContainText('in 6 days');

    await adaRow.focus();
    await app.keyboard.press('a');
    await expect(adaRow.locator('[data-status]')).toHaveText('Arrived');
    expect(row(clinic, 'SELECT status FROM appointments WHERE id = ?', ada.id)).toEqual({ status: 'arrived' });
    await app.keyboard.press('ArrowDown');
    await app.keyboard.press('n');
    await expect.poll(() => row(clinic, 'SELECT status FROM appointments WHERE id = ?', ben.id)).toEqual({ status: 'no-show' });
    await app.keyboard.press('ArrowUp');
    await app.keyboard.press('c');
    await expect.poll(() => row(clinic, 'SELECT status FROM appointments WHERE id = ?', ada.id)).toEqual({ status: 'completed' });
    await expect(adaRow.locator('[data-status]')).toHaveText('Completed');
  });

  test('a Today whose read failed says so, never "nothing today"', async ({ app, clinic, failingCalls }) => {
    await arrange(clinic);
    await app.goto(url(app, '#/clients'));
    await expectFailedReadRecovers(app, failingCalls, 'today:list', '#/', "Could not load today's appointments", app.getByText('No clients racing in the next 7 days.'));
  });
});

test.describe('the recall list', () => {
  /** A marathon on 26 April puts the runner in peak; a last treatment 22 days ago makes the session overdue. */
  async function overduePeakRunner(clinic: TestClinic, desk: Desk) {
    const paula = await clinic.call<Client>('clients:create', { firstName: 'Paula', lastName: 'Runner', phone: '07700 900123', usualTherapistId: desk.sam.id });
    await clinic.call('races:create', { clientId: paula.id, name: 'London Marathon', date: '2026-04-26', distance: 'marathon' });
    await clinic.call('treatments:log', { clientId: paula.id, therapistId: desk.sam.id, date: '2026-02-08', intensity: 'deep' });
    return paula;
  }

  test('a peak-phase client with no treatment for 22 days is on it as overdue, and leaves it once booked from it', async ({ app, clinic }) => {
    const desk = await arrange(clinic);
    const paula = await overduePeakRunner(clinic, desk);
    await app.goto(url(app, '#/recall'));
    const entry = app.getByRole('row', { name: /Paula Runner/ });
    await expect(entry).toContainText('Overdue 1 day');
    await expect(entry).toContainText('Due by 22/02/2026');
    await expect(entry).toContainText('Peak session');
    await expect(entry).toContainText('London Marathon, 26/04/2026');
    await expect(entry.locator('[data-phase]')).toHaveText('Peak');
    await entry.getByRole('button', { name: 'Book Paula Runner' }).click();

    const dialog = app.getByRole('dialog', { name: 'New booking' });
    await expect(dialog.getByRole('combobox', { name: 'Client', exact: true })).toHaveValue('Paula Runner');
    await expect(dialog.getByRole('combobox', { name: 'Therapist', exact: true })).toHaveValue('Sam Reid');
    await expect(dialog.getByRole('textbox', { name: 'Date', exact: true })).toHaveValue('02/03/2026');
    // The suggested dates fill the date when clicked.
    const peak = dialog.locator('[data-suggestion="peak-session"]');
    await expect(peak).toContainText('Next peak session');
    await peak.getByRole('button', { name: /^Use 02\/03\/2026/ }).click();
    await choose(app, dialog, 'Type', 'Sports massage, 60 min (60 min)');
    await choose(app, dialog, 'Time', '15:00');
    await dialog.getByRole('button', { name: 'Book appointment' }).click();
    await expect(dialog).toBeHidden();
    await expect(app.getByText('Nobody is due: every client who needs a session has one booked.')).toBeVisible();
    expect(row(clinic, 'SELECT client_id, starts_at FROM appointments')).toEqual({ client_id: paula.id, starts_at: `${TODAY}T15:00` });
  });

  test('"contacted" stores a note and date, and the row shows it', async ({ app, clinic }) => {
    const desk = await arrange(clinic);
    const paula = await overduePeakRunner(clinic, desk);
    await app.goto(url(app, '#/recall'));
    await app.getByRole('button', { name: 'Contacted Paula Runner' }).click();
    const dialog = app.getByRole('dialog', { name: 'Contacted Paula Runner' });
    await typeDate(dialog.getByRole('textbox', { name: 'Date', exact: true }), '05/03/2026');
    await dialog.getByRole('button', { name: 'Save contact' }).click();
    await expect(dialog.getByText('Date: a contact cannot be after today (02/03/2026).')).toBeVisible();
    expect(count(clinic, 'recall_contacts')).toBe(0);
    await typeDate(dialog.getByRole('textbox', { name: 'Date', exact: true }), '02/03/2026');
    await dialog.getByLabel('Note').fill('Left a voicemail');
    await dialog.getByRole('button', { name: 'Save contact' }).click();
    await expect(dialog).toBeHidden();
    await expect(app.getByRole('row', { name: /Paula Runner/ })).toContainText('02/03/2026 · Sam Reid');
    await expect(app.getByRole('row', { name: /Paula Runner/ })).toContainText('Left a voicemail');
    expect(row(clinic, 'SELECT client_id, contacted_on, note, contacted_by FROM recall_contacts')).toEqual({ client_id: paula.id, contacted_on: TODAY, note: 'Left a voicemail', contacted_by: 'Sam Reid' });
  });
});

test('the day sheet saved as PDF (A4) has each client, time and alert, and no note text from the treatments; a cancelled save writes nothing', async ({ app, clinic, chosenPaths }) => {
  const desk = await arrange(clinic);
  await clinic.call('clients:update', { id: desk.ben.id, updatedAt: desk.ben.updatedAt, notes: 'CLIENTNOTE prefers evenings' });
  await clinic.call('treatments:log', {
    clientId: desk.ada.id, therapistId: desk.sam.id, date: '2026-02-20', intensity: 'moderate',
    subjective: 'SUBJNOTE tight left calf', objective: 'OBJNOTE trigger points', assessment: 'ASSNOTE overload', plan: 'PLANNOTE review', advice: 'ADVNOTE foam roll',
  });
  await desk.book({ clientId: desk.ada.id, therapistId: desk.sam.id, typeId: desk.type('Flush').id, startsAt: `${TODAY}T10:00` });
  await desk.book({ clientId: desk.ben.id, therapistId: desk.priya.id, typeId: desk.type('Assessment').id, startsAt: `${TODAY}T11:15` });
  const notes = row(clinic, 'SELECT subjective, objective, assessment, plan, advice FROM treatments') as Record<string, string>;
  expect(Object.values(notes).every((n) => /NOTE/.test(n))).toBe(true); // the notes are there to leak

  const { text: raw, pageSize } = await savedDaySheetPdf(app, chosenPaths, TODAY);
  expect(pageSize).toEqual([595, 842]); // A4 in points
  const text = raw.replace(/\s+/g, ' '); // a long cell may wrap on paper
  for (const expected of ['Day sheet', '02/03/2026', 'Sam Reid', 'Priya Nair', 'Ada Okafor', 'Ben Smith', '10:00–10:30', '11:15–12:15', 'Flush', 'Assessment', 'On anticoagulants']) {
    expect(text).toContain(expected);
  }
  expect(text).not.toMatch(/NOTE|tight left calf|trigger points|foam roll|prefers evenings/);

  // The dialog cancelled: nothing is written and nothing claims it was.
  const earlier = chosenPaths.get('daysheet-save')!;
  fs.rmSync(earlier);
  chosenPaths.delete('daysheet-save');
  await app.getByRole('button', { name: 'Save as PDF…' }).click();
  await expect(app.getByRole('button', { name: 'Save as PDF…' })).toBeEnabled();
  await expect(app.getByText(/^Saved to/)).toHaveCount(0);
  expect(fs.existsSync(earlier)).toBe(false);
});

test('diary settings: opening hours, a therapist\'s hours and appointment types are edited, and bad input is refused', async ({ app, clinic }) => {
  const desk = await arrange(clinic);
  await app.goto(url(app, '#/settings'));
  const clinicHours = app.getByRole('form', { name: 'Clinic opening hours' });
  await choose(app, clinicHours, 'Saturday until', '16:00');
  await clinicHours.getByLabel('Open on Sunday').check();
  await choose(app, clinicHours, 'Sunday from', '10:00');
  await choose(app, clinicHours, 'Sunday until', '09:00');
  await clinicHours.getByRole('button', { name: 'Save clinic opening hours' }).click();
  await expect(clinicHours.getByText('End: must be after the start.')).toBeVisible();
  expect(row(clinic, 'SELECT count(*) AS n FROM clinic_hours WHERE weekday = 7')).toEqual({ n: 0 });
  await choose(app, clinicHours, 'Sunday until', '13:00');
  await clinicHours.getByRole('button', { name: 'Save clinic opening hours' }).click();
  await expect(clinicHours.getByRole('status')).toHaveText('Saved.');
  expect(clinic.db.prepare('SELECT weekday, opens, closes FROM clinic_hours WHERE weekday >= 6 ORDER BY weekday').all()).toEqual([
    { weekday: 6, opens: '09:00', closes: '16:00' }, { weekday: 7, opens: '10:00', closes: '13:00' },
  ]);

  await choose(app, app.locator('main'), 'Therapist', 'Priya Nair');
  const priya = app.getByRole('form', { name: "Priya Nair's working hours" });
  await priya.getByLabel("Works the clinic's opening hours").uncheck();
  await priya.getByLabel('Working on Wednesday').uncheck();
  await priya.getByRole('button', { name: "Save priya nair's working hours" }).click();
  await expect(priya.getByRole('status')).toHaveText('Saved.');
  expect(clinic.db.prepare('SELECT weekday, starts, ends FROM therapist_hours WHERE therapist_id = ? AND weekday = 3').get(desk.priya.id)).toEqual({ weekday: 3, starts: null, ends: null });

  await app.getByRole('button', { name: 'Edit Flush' }).click();
  let dialog = app.getByRole('dialog', { name: 'Edit Flush' });
  await dialog.getByLabel('Name').fill('Pre-race flush');
  await dialog.getByLabel('Default length (minutes)').fill('20');
  await dialog.getByRole('button', { name: 'Save type' }).click();
  await expect(dialog.getByText('Duration: in steps of 15 minutes.')).toBeVisible();
  await dialog.getByLabel('Default length (minutes)').fill('45');
  await dialog.getByRole('button', { name: 'Save type' }).click();
  await expect(dialog).toBeHidden();
  expect(row(clinic, 'SELECT name, duration_min, intensity FROM appointment_types WHERE id = ?', desk.type('Flush').id)).toEqual({ name: 'Pre-race flush', duration_min: 45, intensity: 'flush' });

  await app.getByRole('button', { name: 'Add type' }).click();
  dialog = app.getByRole('dialog', { name: 'Add an appointment type' });
  await dialog.getByLabel('Name').fill('Assessment');
  await choose(app, dialog, 'Intensity it implies', 'Light / maintenance');
  await dialog.getByRole('button', { name: 'Add type' }).click();
  await expect(dialog.getByText('There is already an appointment type called Assessment.')).toBeVisible();
  await dialog.getByLabel('Name').fill('Stretch session');
  await dialog.getByRole('button', { name: 'Add type' }).click();
  await expect(dialog).toBeHidden();
  expect(row(clinic, "SELECT duration_min, intensity, active FROM appointment_types WHERE name = 'Stretch session'")).toEqual({ duration_min: 30, intensity: 'light', active: 1 });
});

test("a therapist's working hours that end before they start are refused next to the day, and nothing is saved", async ({ app, clinic }) => {
  const desk = await arrange(clinic);
  const hours = () => clinic.db.prepare('SELECT weekday, starts, ends FROM therapist_hours WHERE therapist_id = ? ORDER BY weekday').all(desk.priya.id);
  expect(hours()).toEqual([]); // Priya works the clinic's hours
  await app.goto(url(app, '#/settings'));
  await choose(app, app.locator('main'), 'Therapist', 'Priya Nair');
  const priya = app.getByRole('form', { name: "Priya Nair's working hours" });
  await priya.getByLabel("Works the clinic's opening hours").uncheck();
  await choose(app, priya, 'Thursday from', '14:00');
  await choose(app, priya, 'Thursday until', '12:00');
  await priya.getByRole('button', { name: "Save priya nair's working hours" }).click();
  await expect(priya.getByText('End: must be after the start.')).toBeVisible();
  await expect(priya.getByRole('status')).toHaveCount(0);
  expect(hours()).toEqual([]);
  // Main refuses it too, whatever the window sends.
  const week = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: weekday === 4 ? '14:00' : null, end: weekday === 4 ? '12:00' : null }));
  expect(await clinic.dispatch('hours:set', { therapistId: desk.priya.id, days: week })).toMatchObject({ ok: false, code: 'invalid', message: expect.stringContaining('must be after the start') });
  expect(hours()).toEqual([]);

  await choose(app, priya, 'Thursday until', '18:00');
  await priya.getByRole('button', { name: "Save priya nair's working hours" }).click();
  await expect(priya.getByRole('status')).toHaveText('Saved.');
  expect(hours()).toContainEqual({ weekday: 4, starts: '14:00', ends: '18:00' });
});

test('the reception screens pass axe with no critical or serious violation', async ({ app, clinic }) => {
  test.setTimeout(90_000);
  const desk = await arrange(clinic);
  await clinic.call('races:create', { clientId: desk.ada.id, name: 'Brighton Marathon', date: '2026-03-08', distance: 'marathon' });
  await desk.book({ clientId: desk.ada.id, therapistId: desk.sam.id, typeId: desk.type('Flush').id, startsAt: `${TODAY}T10:00`, acknowledgeWarning: true });
  await desk.book({ clientId: desk.ben.id, therapistId: desk.priya.id, typeId: desk.type('Assessment').id, startsAt: `${TODAY}T11:00` });
  const paula = await clinic.call<Client>('clients:create', { firstName: 'Paula', lastName: 'Runner' });
  await clinic.call('races:create', { clientId: paula.id, name: 'London Marathon', date: '2026-04-26', distance: 'marathon' });
  await clinic.call('treatments:log', { clientId: paula.id, therapistId: desk.sam.id, date: '2026-02-08', intensity: 'deep' });

  await openDiary(app, `date=${TODAY}`);
  await expect(eventOf(app, 'Ada Okafor')).toBeVisible();
  await expectAccessible(app, 'the day view');
  await app.getByText("Client's phase").click();
  await expectAccessible(app, 'the day view coloured by phase');

  await eventOf(app, 'Ada Okafor').click();
  await expect(app.getByRole('dialog', { name: /^Ada Okafor/ })).toBeVisible();
  await expectAccessible(app, 'the appointment details');
  await app.getByRole('button', { name: 'Move…' }).click();
  await expect(app.getByRole('dialog', { name: /^Move/ }).getByTestId('booking-check')).toBeVisible();
  await expectAccessible(app, 'the move form');
  await app.keyboard.press('Escape');

  await openDiary(app, `date=${TODAY}&view=week`);
  await expect(eventOf(app, 'Ben Smith')).toBeVisible();
  await expectAccessible(app, 'the week view');

  await app.getByRole('button', { name: 'New booking' }).click();
  const dialog = app.getByRole('dialog', { name: 'New booking' });
  await fillBooking(app, dialog, { search: 'Ada', client: 'Ada Okafor', therapist: 'Sam Reid', type: 'Deep tissue (60 min)', date: '03/03/2026', time: '07:00' });
  await expect(dialog.getByTestId('booking-warnings')).toBeVisible();
  await expect(dialog.getByText('Outside hours', { exact: true })).toBeVisible();
  await expectAccessible(app, 'the booking form with a warning');
  await app.keyboard.press('Escape');

  await app.goto(url(app, '#/'));
  await expect(app.getByRole('region', { name: 'Sam Reid' })).toBeVisible();
  await expectAccessible(app, 'Today');
  await app.goto(url(app, '#/recall'));
  await expect(app.getByRole('row', { name: /Paula Runner/ })).toBeVisible();
  await expectAccessible(app, 'the recall list');
  await app.getByRole('button', { name: 'Contacted Paula Runner' }).click();
  await expect(app.getByRole('dialog', { name: 'Contacted Paula Runner' })).toBeVisible();
  await expectAccessible(app, 'the contact form');
  await app.goto(url(app, `#/daysheet/${TODAY}`));
  await expect(app.getByRole('heading', { name: /^Day sheet/ })).toBeVisible();
  await expectAccessible(app, 'the day sheet');
});
