import { afterEach, describe, expect, it } from 'vitest';
import type { Appointment, AppointmentType, OpeningHours, Treatment } from '../../shared/api/types';
import { keysOf, NOTE_KEYS, openFrontDesk, type FrontDesk } from './front-desk';

let desk: FrontDesk;
afterEach(() => desk.clinic.close());

const status = (id: number, value: string, reason?: string) =>
  desk.clinic.dispatch('appointments:setStatus', { id, status: value, ...(reason === undefined ? {} : { reason }) });

async function bookToday(startsAt = '2026-03-02T10:00') {
  return desk.book({ clientId: desk.ada.id, therapistId: desk.sam.id, typeId: desk.type('Sports massage, 45 min').id, startsAt });
}

describe('marking appointments at the desk', () => {
  it('arrives, then completes', async () => {
    desk = await openFrontDesk();
    const a = await bookToday();
    expect(await status(a.id, 'arrived')).toMatchObject({ ok: true, value: { status: 'arrived' } });
    expect(await status(a.id, 'completed')).toMatchObject({ ok: true, value: { status: 'completed', cancelReason: null } });
    // Completed is final.
    expect(await status(a.id, 'no-show')).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('needs a reason to cancel, and stores it', async () => {
    desk = await openFrontDesk();
    const a = await bookToday();
    const before = desk.rows();
    expect(await status(a.id, 'cancelled')).toMatchObject({ ok: false, code: 'invalid', fields: { reason: 'Reason for cancelling is required.' } });
    expect(await status(a.id, 'cancelled', '   ')).toMatchObject({ ok: false, code: 'invalid' });
    expect(desk.rows()).toEqual(before);
    expect(await status(a.id, 'cancelled', 'Client unwell')).toMatchObject({ ok: true, value: { status: 'cancelled', cancelReason: 'Client unwell' } });
  });

  it('does not mark a future appointment arrived, completed or a no-show', async () => {
    desk = await openFrontDesk();
    const a = await bookToday('2026-03-03T10:00');
    for (const s of ['arrived', 'completed', 'no-show']) {
      const result = await status(a.id, s);
      expect(result).toMatchObject({ ok: false, code: 'invalid' });
      if (!result.ok) expect(result.message).toBe(`The appointment is on 03/03/2026: it can be marked ${s === 'no-show' ? 'a no-show' : s} on the day.`);
    }
    expect((desk.rows()[0] as { status: string }).status).toBe('booked');
  });

  it('undoes a no-show, unless the slot has been given away meanwhile', async () => {
    desk = await openFrontDesk();
    const a = await bookToday();
    await status(a.id, 'no-show');
    expect(await status(a.id, 'booked')).toMatchObject({ ok: true, value: { status: 'booked' } });
    await status(a.id, 'no-show');
    await desk.book({ clientId: desk.ben.id, therapistId: desk.sam.id, typeId: desk.type('Flush').id, startsAt: '2026-03-02T10:15' });
    const result = await status(a.id, 'booked');
    expect(result).toMatchObject({ ok: false, code: 'conflict' });
    if (!result.ok) expect(result.message).toContain('Sam Reid already has Ben Smith 10:15–10:45');
  });
});

describe('logging a treatment from an appointment', () => {
  const treatment = (appointmentId: number, extra: Record<string, unknown> = {}) => ({
    appointmentId, clientId: desk.ada.id, therapistId: desk.sam.id, date: '2026-03-02', intensity: 'moderate', subjective: 'Tight calves.', ...extra,
  });

  it('completes the appointment and links the treatment to it, in one transaction', async () => {
    desk = await openFrontDesk();
    const a = await bookToday();
    await status(a.id, 'arrived');
    const logged = await desk.clinic.call<Treatment>('treatments:log', treatment(a.id));
    expect((desk.rows()[0] as { status: string }).status).toBe('completed');
    expect(desk.clinic.db.prepare('SELECT appointment_id FROM treatments WHERE id = ?').get(logged.id)).toEqual({ appointment_id: a.id });
  });

  it('leaves the appointment as it was when the treatment is refused', async () => {
    desk = await openFrontDesk();
    await desk.clinic.call('races:create', { clientId: desk.ada.id, name: 'Spring Marathon', date: '2026-03-05', distance: 'marathon' });
    const a = await desk.book({ clientId: desk.ada.id, therapistId: desk.sam.id, typeId: desk.type('Flush').id, startsAt: '2026-03-02T10:00', acknowledgeWarning: true });
    const before = desk.rows();
    // Moderate in race week with no reason: refused, so the appointment stays booked.
    expect(await desk.clinic.dispatch('treatments:log', treatment(a.id))).toMatchObject({ ok: false, fields: { overrideReason: expect.any(String) } });
    expect(desk.rows()).toEqual(before);
    expect(desk.clinic.db.prepare('SELECT count(*) AS n FROM treatments').get()).toEqual({ n: 0 });
  });

  it("refuses another client's appointment, one on another day, and one already completed", async () => {
    desk = await openFrontDesk();
    const a = await bookToday();
    const other = await desk.book({ clientId: desk.ben.id, therapistId: desk.priya.id, typeId: desk.type('Flush').id, startsAt: '2026-03-02T10:00' });
    expect(await desk.clinic.dispatch('treatments:log', treatment(other.id))).toMatchObject({ ok: false, code: 'invalid', fields: { appointmentId: "That appointment is Ben Smith's, not this client's." } });
    expect(await desk.clinic.dispatch('treatments:log', treatment(a.id, { date: '2026-03-01' }))).toMatchObject({ ok: false, fields: { date: 'The appointment was on 02/03/2026: log the treatment for that day.' } });
    await desk.clinic.call('treatments:log', treatment(a.id));
    expect(await desk.clinic.dispatch('treatments:log', treatment(a.id))).toMatchObject({ ok: false, code: 'conflict' });
    expect(desk.clinic.db.prepare('SELECT count(*) AS n FROM treatments').get()).toEqual({ n: 1 });
  });
});

describe('reception', () => {
  it('may use every front-desk call, and none returns a note field', async () => {
    desk = await openFrontDesk({ role: 'reception' });
    const { clinic } = desk;
    const types = await clinic.call<AppointmentType[]>('appointmentTypes:list');
    // Appointment types and hours are settings: an administrator's.
    expect(await clinic.dispatch('appointmentTypes:create', { name: 'Pre-race flush', durationMin: 30, intensity: 'flush' })).toMatchObject({ ok: false, code: 'forbidden' });
    const booked = await desk.book({ clientId: desk.ada.id, therapistId: desk.sam.id, typeId: types[0]!.id, startsAt: '2026-03-02T10:00', acknowledgeWarning: true });
    const moved = await clinic.call<Appointment>('appointments:move', { id: booked.id, startsAt: '2026-03-02T11:00' });
    await clinic.call('appointments:setStatus', { id: booked.id, status: 'arrived' });
    const hours = await clinic.call<OpeningHours>('hours:get');
    expect(await clinic.dispatch('hours:set', { therapistId: null, days: hours.clinic })).toMatchObject({ ok: false, code: 'forbidden' });
    const outputs = [
      moved,
      await clinic.call('appointments:check', { clientId: desk.ben.id, therapistId: desk.sam.id, startsAt: '2026-03-03T10:00' }),
      await clinic.call('diary:range', { from: '2026-03-02', to: '2026-03-08' }),
      await clinic.call('today:list'),
      await clinic.call('recall:list'),
      await clinic.call('recall:contact', { clientId: desk.ben.id, note: 'Left a voicemail' }),
      await clinic.call('daysheet:get', { date: '2026-03-02' }),
    ];
    for (const output of outputs) expect([...keysOf(output)].filter((k) => NOTE_KEYS.test(k))).toEqual([]);
    // ...and still cannot read clinical notes.
    expect(await clinic.dispatch('treatments:log', { clientId: desk.ada.id, therapistId: desk.sam.id, date: '2026-03-02', intensity: 'light' })).toMatchObject({ ok: false, code: 'forbidden' });
  });
});

describe('settings: appointment types and hours', () => {
  it('creates and edits types, with unique names in any case', async () => {
    desk = await openFrontDesk();
    const type = await desk.clinic.call<AppointmentType>('appointmentTypes:create', { name: 'Light maintenance', durationMin: 45, intensity: 'light' });
    expect(type).toMatchObject({ name: 'Light maintenance', durationMin: 45, intensity: 'light', active: true });
    expect(await desk.clinic.dispatch('appointmentTypes:create', { name: 'light MAINTENANCE', durationMin: 30, intensity: 'flush' })).toMatchObject({ ok: false, code: 'conflict', fields: { name: expect.stringContaining('already') } });
    expect(await desk.clinic.dispatch('appointmentTypes:update', { id: type.id, durationMin: 40 })).toMatchObject({ ok: false, code: 'invalid', fields: { durationMin: 'Duration: in steps of 15 minutes.' } });
    const retired = await desk.clinic.call<AppointmentType>('appointmentTypes:update', { id: type.id, active: false, durationMin: 60 });
    expect(retired).toMatchObject({ durationMin: 60, active: false });
    // A retired type is not offered for new bookings.
    const result = await desk.clinic.dispatch('appointments:book', { clientId: desk.ada.id, therapistId: desk.sam.id, typeId: type.id, startsAt: '2026-03-03T10:00' });
    expect(result).toMatchObject({ ok: false, fields: { typeId: 'Light maintenance is no longer offered.' } });
  });

  it('keeps the clinic week and each therapist week, and puts a therapist back on clinic hours', async () => {
    desk = await openFrontDesk();
    const initial = await desk.clinic.call<OpeningHours>('hours:get');
    expect(initial.clinic[0]).toEqual({ weekday: 1, start: '08:00', end: '20:00' });
    expect(initial.clinic[6]).toEqual({ weekday: 7, start: null, end: null });
    expect(initial.therapists.every((t) => t.usesClinicHours)).toBe(true);

    const week = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: weekday === 3 ? null : '12:00', end: weekday === 3 ? null : '20:00' }));
    const set = await desk.clinic.call<OpeningHours>('hours:set', { therapistId: desk.priya.id, days: week });
    const priya = set.therapists.find((t) => t.therapistId === desk.priya.id)!;
    expect(priya).toMatchObject({ usesClinicHours: false, days: week });
    const reset = await desk.clinic.call<OpeningHours>('hours:set', { therapistId: desk.priya.id, days: null });
    expect(reset.therapists.find((t) => t.therapistId === desk.priya.id)).toMatchObject({ usesClinicHours: true, days: initial.clinic });

    const bad = await desk.clinic.dispatch('hours:set', { therapistId: null, days: week.map((d) => (d.weekday === 2 ? { ...d, end: '11:00' } : d)) });
    expect(bad).toMatchObject({ ok: false, code: 'invalid', fields: { 'days.1.end': 'End: must be after the start.' } });
    expect(await desk.clinic.dispatch('hours:set', { therapistId: null, days: null })).toMatchObject({ ok: false, code: 'invalid' });
    expect(await desk.clinic.dispatch('hours:set', { therapistId: null, days: week.slice(1) })).toMatchObject({ ok: false, code: 'invalid' });
  });
});
