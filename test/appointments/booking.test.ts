import { afterEach, describe, expect, it } from 'vitest';
import type { Appointment, BookingCheck, DiaryRange, Race } from '../../shared/api/types';
import { openFrontDesk, type FrontDesk } from './front-desk';

// Booking and moving through the real dispatcher on a real database file. Every refusal is
// checked to have written nothing.

let desk: FrontDesk;
afterEach(() => desk.clinic.close());

const refusal = async (name: string, input: Record<string, unknown>) => {
  const result = await desk.clinic.dispatch(name, input);
  if (result.ok) throw new Error(`${name} was not refused`);
  return result;
};

/** Refused, and the appointments table is exactly as it was. */
async function refusedWritingNothing(name: string, input: Record<string, unknown>) {
  const before = desk.rows();
  const result = await refusal(name, input);
  expect(desk.rows()).toEqual(before);
  return result;
}

describe('booking', () => {
  it("books a slot with the type's default duration and shows it in the diary with the client's phase", async () => {
    desk = await openFrontDesk();
    const booked = await desk.book({ clientId: desk.ada.id, therapistId: desk.sam.id, typeId: desk.type('Sports massage, 45 min').id, startsAt: '2026-03-03T10:00' });
    expect(booked).toMatchObject({
      clientName: 'Ada Okafor', therapistName: 'Sam Reid', typeName: 'Sports massage, 45 min', startsAt: '2026-03-03T10:00', endsAt: '2026-03-03T10:45',
      durationMin: 45, status: 'booked', acknowledgedWarning: null, outsideHoursConfirmed: false,
    });
    const diary = await desk.clinic.call<DiaryRange>('diary:range', { from: '2026-03-02', to: '2026-03-08' });
    expect(diary.appointments).toHaveLength(1);
    expect(diary.appointments[0]).toMatchObject({ id: booked.id, phase: 'off-season', ceiling: 'deep', intensity: 'moderate', aboveCeiling: false, hasAlerts: true });
    // One therapist's week, and a week with nothing in it.
    expect((await desk.clinic.call<DiaryRange>('diary:range', { from: '2026-03-02', to: '2026-03-08', therapistIds: [desk.priya.id] })).appointments).toEqual([]);
    expect((await desk.clinic.call<DiaryRange>('diary:range', { from: '2026-03-04', to: '2026-03-08' })).appointments).toEqual([]);
  });

  /** Ada with Sam, Tuesday 10:00-11:00. */
  async function adaWithSam() {
    desk = await openFrontDesk();
    await desk.book({ clientId: desk.ada.id, therapistId: desk.sam.id, typeId: desk.type('Assessment').id, startsAt: '2026-03-03T10:00' });
  }

  it('refuses a double booking of the therapist, naming the clash, and writes nothing', async () => {
    await adaWithSam();
    const result = await refusedWritingNothing('appointments:book', {
      clientId: desk.ben.id, therapistId: desk.sam.id, typeId: desk.type('Flush').id, startsAt: '2026-03-03T10:30',
    });
    expect(result.code).toBe('conflict');
    expect(result.message).toContain('Sam Reid already has Ada Okafor 10:00–11:00');
    expect(result.fields).toMatchObject({ startsAt: result.message, therapistId: result.message });
  });

  it('refuses to put a client in two places at once', async () => {
    await adaWithSam();
    const result = await refusedWritingNothing('appointments:book', {
      clientId: desk.ada.id, therapistId: desk.priya.id, typeId: desk.type('Flush').id, startsAt: '2026-03-03T10:45',
    });
    expect(result.message).toContain('Ada Okafor is already booked with Sam Reid 10:00–11:00');
    expect(result.fields).toHaveProperty('clientId');
  });

  it('lets back-to-back appointments touch, and frees the slot of a cancellation or a no-show', async () => {
    desk = await openFrontDesk();
    const flush = desk.type('Flush').id;
    const first = await desk.book({ clientId: desk.ada.id, therapistId: desk.sam.id, typeId: flush, startsAt: '2026-03-02T10:00' });
    await desk.book({ clientId: desk.ben.id, therapistId: desk.sam.id, typeId: flush, startsAt: '2026-03-02T10:30' }); // [10:00, 10:30) then [10:30, 11:00)
    await desk.clinic.call('appointments:setStatus', { id: first.id, status: 'no-show' });
    const again = await desk.book({ clientId: desk.ben.id, therapistId: desk.priya.id, typeId: flush, startsAt: '2026-03-02T10:00' });
    await desk.clinic.call('appointments:setStatus', { id: again.id, status: 'cancelled', reason: 'Feeling unwell' });
    await desk.book({ clientId: desk.ben.id, therapistId: desk.priya.id, typeId: flush, startsAt: '2026-03-02T10:00' });
    expect((desk.rows() as { status: string }[]).map((r) => r.status)).toEqual(['no-show', 'booked', 'cancelled', 'booked']);
  });

  it('keeps to the 15-minute grid and to one day', async () => {
    desk = await openFrontDesk();
    const base = { clientId: desk.ada.id, therapistId: desk.sam.id, typeId: desk.type('Flush').id };
    expect((await refusedWritingNothing('appointments:book', { ...base, startsAt: '2026-03-03T10:10' })).fields).toHaveProperty('startsAt');
    expect((await refusedWritingNothing('appointments:book', { ...base, startsAt: '2026-03-03T10:00', durationMin: 50 })).fields).toHaveProperty('durationMin');
    expect((await refusedWritingNothing('appointments:book', { ...base, startsAt: '2026-02-30T10:00' })).fields).toHaveProperty('startsAt');
    const late = await refusedWritingNothing('appointments:book', { ...base, startsAt: '2026-03-03T23:00', durationMin: 90, confirmOutsideHours: true });
    expect(late.fields).toHaveProperty('durationMin');
  });

  it('needs confirmation outside working hours, and records it', async () => {
    desk = await openFrontDesk();
    await desk.clinic.call('hours:set', {
      therapistId: desk.sam.id,
      days: [1, 2, 3, 4, 5, 6, 7].map((weekday) => (weekday <= 5 ? { weekday, start: '09:00', end: '17:00' } : { weekday, start: null, end: null })),
    });
    const base = { clientId: desk.ada.id, therapistId: desk.sam.id, typeId: desk.type('Assessment').id };
    const evening = await refusedWritingNothing('appointments:book', { ...base, startsAt: '2026-03-03T16:30' });
    expect(evening.fields?.confirmOutsideHours).toBe("16:30–17:30 is outside Sam Reid's working hours (09:00–17:00). Confirm to book outside working hours.");
    const saturday = await refusedWritingNothing('appointments:book', { ...base, startsAt: '2026-03-07T10:00' });
    expect(saturday.fields?.confirmOutsideHours).toMatch(/^Sam Reid does not work on Saturdays/);
    // Priya works the clinic's hours: closed on Sundays.
    const sunday = await refusedWritingNothing('appointments:book', { ...base, therapistId: desk.priya.id, startsAt: '2026-03-08T10:00' });
    expect(sunday.fields?.confirmOutsideHours).toMatch(/^Priya Nair does not work on Sundays/);

    const confirmed = await desk.book({ ...base, startsAt: '2026-03-03T16:30', confirmOutsideHours: true });
    expect(confirmed.outsideHoursConfirmed).toBe(true);
    const inside = await desk.book({ ...base, clientId: desk.ben.id, startsAt: '2026-03-04T09:00', confirmOutsideHours: true });
    expect(inside.outsideHoursConfirmed).toBe(false);
  });
});

describe('guidance warnings at the desk', () => {
  /** Ada runs a marathon on Saturday 7 March; Sam treated her in this block, Priya never has. */
  async function raceWeek() {
    desk = await openFrontDesk();
    await desk.clinic.call<Race>('races:create', { clientId: desk.ada.id, name: 'Spring Marathon', date: '2026-03-07', distance: 'marathon' });
    await desk.clinic.call('treatments:log', { clientId: desk.ada.id, therapistId: desk.sam.id, date: '2026-02-16', intensity: 'moderate' });
  }

  it('refuses deep tissue five days before a marathon until the warning is acknowledged, then stores the acknowledgement', async () => {
    await raceWeek();
    const input = { clientId: desk.ada.id, therapistId: desk.sam.id, typeId: desk.type('Deep tissue').id, startsAt: '2026-03-02T11:00', by: 'Jo at the desk' };
    const refused = await refusedWritingNothing('appointments:book', input);
    expect(refused.code).toBe('invalid');
    expect(refused.fields?.acknowledgeWarning).toMatch(/^Deep tissue is above the guidance for 02\/03\/2026: Gentle flush only\./);

    const check = await desk.clinic.call<BookingCheck>('appointments:check', { clientId: desk.ada.id, therapistId: desk.sam.id, typeId: desk.type('Deep tissue').id, startsAt: '2026-03-02T11:00' });
    expect(check.guidance).toMatchObject({ phase: 'race-week', ceiling: 'flush' });
    expect(check.warnings.map((w) => w.code)).toEqual(['above-ceiling']);

    const booked = await desk.book({ ...input, acknowledgeWarning: true });
    // Recorded as the signed-in person, whatever the form typed.
    expect(booked.acknowledgedWarning).toEqual({ text: check.warnings[0]!.message, by: 'Sam Reid', at: '2026-03-02T09:00' });
    const stored = desk.clinic.db.prepare('SELECT warning_text, warning_acknowledged_by, warning_acknowledged_at FROM appointments WHERE id = ?').get(booked.id);
    expect(stored).toEqual({ warning_text: check.warnings[0]!.message, warning_acknowledged_by: 'Sam Reid', warning_acknowledged_at: '2026-03-02T09:00' });
  });

  it('warns about an unfamiliar therapist in race week, even for a flush', async () => {
    await raceWeek();
    const input = { clientId: desk.ada.id, therapistId: desk.priya.id, typeId: desk.type('Flush').id, startsAt: '2026-03-03T11:00' };
    const check = await desk.clinic.call<BookingCheck>('appointments:check', input);
    expect(check.guidance.ceiling).toBe('avoid');
    expect(check.warnings.map((w) => w.code)).toEqual(['above-ceiling', 'unfamiliar-therapist']);
    expect(check.warnings[1]!.message).toBe('Race week: Priya Nair has not treated Ada in the past year, and a new therapist is not recommended this close to the race.');
    await refusedWritingNothing('appointments:book', input);
    // Reception books without a name typed: the role is recorded.
    const booked = await desk.book({ ...input, acknowledgeWarning: true });
    expect(booked.acknowledgedWarning?.by).toBe('Sam Reid');
    expect(booked.acknowledgedWarning?.text).toContain('Priya Nair has not treated Ada');
  });

  it('asks nothing when a flush with the familiar therapist is within the guidance', async () => {
    await raceWeek();
    const booked = await desk.book({ clientId: desk.ada.id, therapistId: desk.sam.id, typeId: desk.type('Flush').id, startsAt: '2026-03-03T11:00' });
    expect(booked.acknowledgedWarning).toBeNull();
  });
});

describe('the booking dry run', () => {
  it('reports clashes and hours without writing, and suggests dates from the booking rules', async () => {
    desk = await openFrontDesk();
    // Peak weeks of a marathon on 26 April: last treatment 8 February.
    await desk.clinic.call('races:create', { clientId: desk.ben.id, name: 'London Marathon', date: '2026-04-26', distance: 'marathon' });
    await desk.clinic.call('treatments:log', { clientId: desk.ben.id, therapistId: desk.sam.id, date: '2026-02-08', intensity: 'deep' });
    await desk.book({ clientId: desk.ada.id, therapistId: desk.sam.id, typeId: desk.type('Assessment').id, startsAt: '2026-03-03T10:00' });
    const before = desk.rows();
    const check = await desk.clinic.call<BookingCheck>('appointments:check', { clientId: desk.ben.id, therapistId: desk.sam.id, typeId: desk.type('Deep tissue').id, startsAt: '2026-03-03T10:15' });
    expect(desk.rows()).toEqual(before);
    expect(check).toMatchObject({ startsAt: '2026-03-03T10:15', endsAt: '2026-03-03T11:15', typeIntensity: 'deep', warnings: [], outsideHours: null });
    expect(check.guidance).toMatchObject({ phase: 'peak', ceiling: 'deep' });
    expect(check.clashes).toEqual([expect.objectContaining({ kind: 'therapist', message: expect.stringContaining('Sam Reid already has Ada Okafor 10:00–11:00') })]);

    const byKind = Object.fromEntries(check.suggestions.map((s) => [s.kind, s]));
    // Overdue since 2 March (last session + 22 days): offer today.
    expect(byKind['peak-session']).toMatchObject({ date: '2026-03-02', overdue: true, raceName: 'London Marathon' });
    // Taper: 12 to 16 April (T = 14 days, the last regular session 10 days out).
    expect(byKind['taper-session']).toMatchObject({ date: '2026-04-12', from: '2026-04-12', to: '2026-04-16', overdue: false });
    // After the marathon: a recovery flush on days 1-3, deeper work from day 14.
    expect(byKind['recovery-flush']).toMatchObject({ from: '2026-04-27', to: '2026-04-29' });
    expect(byKind['deeper-work']).toMatchObject({ date: '2026-05-10', to: null });
    expect(check.suggestions.map((s) => s.date)).toEqual([...check.suggestions.map((s) => s.date)].sort());
  });

  it("offers the training plan's best days for the next peak session", async () => {
    desk = await openFrontDesk();
    const race = await desk.clinic.call<Race>('races:create', { clientId: desk.ben.id, name: 'London Marathon', date: '2026-04-26', distance: 'marathon' });
    await desk.clinic.call('treatments:log', { clientId: desk.ben.id, therapistId: desk.sam.id, date: '2026-02-22', intensity: 'deep' });
    // The block starts on Sunday 4 January; a 12 km long run every Sunday, and the three hardest
    // weeks peaking on Sundays 8, 15 and 22 March.
    const long: Record<string, number> = { '2026-03-08': 30, '2026-03-15': 32, '2026-03-22': 29 };
    for (let week = 0; week < 15; week++) {
      const date = new Date(Date.UTC(2026, 0, 4 + 7 * week)).toISOString().slice(0, 10);
      await desk.clinic.call('plans:addSession', { raceId: race.id, date, distance: long[date] ?? 12, kind: 'long', title: 'Long run' });
    }
    const check = await desk.clinic.call<BookingCheck>('appointments:check', { clientId: desk.ben.id, therapistId: desk.sam.id, startsAt: '2026-03-03T10:00' });
    const peak = check.suggestions.find((s) => s.kind === 'peak-session')!;
    // Due 14 days after 22 February, on the first day after a hard week's longest run.
    expect(peak).toMatchObject({ date: '2026-03-09', overdue: false });
    expect(peak.bestDays).toEqual(['2026-03-09', '2026-03-10', '2026-03-16', '2026-03-17', '2026-03-23', '2026-03-24']);
  });

  it('suggests the baseline assessment in the first quarter of a new block', async () => {
    desk = await openFrontDesk();
    // A 12-week half-marathon block starting 1 March.
    await desk.clinic.call('races:create', { clientId: desk.ben.id, name: 'Bath Half', date: '2026-05-24', distance: 'half' });
    const check = await desk.clinic.call<BookingCheck>('appointments:check', { clientId: desk.ben.id, therapistId: desk.sam.id, startsAt: '2026-03-03T10:00' });
    expect(check.suggestions[0]).toMatchObject({ kind: 'baseline-assessment', date: '2026-03-02', to: '2026-03-21', message: 'Baseline assessment due by 21/03/2026.' });
    expect(check.typeIntensity).toBeNull();
  });
});

describe('moving', () => {
  it('moves and resizes, refusing a clash without changing anything', async () => {
    desk = await openFrontDesk();
    const flush = desk.type('Flush').id;
    const ada = await desk.book({ clientId: desk.ada.id, therapistId: desk.sam.id, typeId: flush, startsAt: '2026-03-03T10:00' });
    await desk.book({ clientId: desk.ben.id, therapistId: desk.priya.id, typeId: flush, startsAt: '2026-03-03T11:00' });

    const moved = await desk.clinic.call<Appointment>('appointments:move', { id: ada.id, startsAt: '2026-03-04T14:15', durationMin: 60 });
    expect(moved).toMatchObject({ startsAt: '2026-03-04T14:15', endsAt: '2026-03-04T15:15', durationMin: 60, therapistId: desk.sam.id });
    const clash = await refusedWritingNothing('appointments:move', { id: ada.id, startsAt: '2026-03-03T11:00', therapistId: desk.priya.id });
    expect(clash.message).toContain('Priya Nair already has Ben Smith 11:00–11:30');
    // Moving onto itself (a resize that overlaps its old time) is no clash.
    expect(await desk.clinic.call<Appointment>('appointments:move', { id: ada.id, durationMin: 90 })).toMatchObject({ endsAt: '2026-03-04T15:45' });
  });

  it('refuses a move made on an out-of-date diary: someone else moved it first', async () => {
    desk = await openFrontDesk();
    const booked = await desk.book({ clientId: desk.ada.id, therapistId: desk.sam.id, typeId: desk.type('Flush').id, startsAt: '2026-03-03T10:00' });
    const first = await desk.clinic.call<Appointment>('appointments:move', { id: booked.id, updatedAt: booked.updatedAt, startsAt: '2026-03-03T14:00' });
    const late = await refusedWritingNothing('appointments:move', { id: booked.id, updatedAt: booked.updatedAt, startsAt: '2026-03-03T16:00' });
    expect(late).toMatchObject({ code: 'conflict', message: expect.stringMatching(/^Someone else saved this appointment .*reload/) });
    expect(await desk.clinic.call<Appointment>('appointments:move', { id: booked.id, updatedAt: first.updatedAt, startsAt: '2026-03-03T16:00' })).toMatchObject({ startsAt: '2026-03-03T16:00' });
  });

  it('asks again for an acknowledgement only when the move raises a new warning', async () => {
    desk = await openFrontDesk();
    await desk.clinic.call('races:create', { clientId: desk.ada.id, name: 'Spring Marathon', date: '2026-03-07', distance: 'marathon' });
    await desk.clinic.call('treatments:log', { clientId: desk.ada.id, therapistId: desk.sam.id, date: '2026-02-16', intensity: 'moderate' });
    const booked = await desk.book({ clientId: desk.ada.id, therapistId: desk.sam.id, typeId: desk.type('Sports massage, 45 min').id, startsAt: '2026-03-03T10:00', acknowledgeWarning: true });
    // Same warning at a new time: nothing new to acknowledge.
    await desk.clinic.call('appointments:move', { id: booked.id, startsAt: '2026-03-03T12:00' });
    // With Priya it is a different warning.
    const refused = await refusedWritingNothing('appointments:move', { id: booked.id, therapistId: desk.priya.id });
    expect(refused.fields?.acknowledgeWarning).toContain('Priya Nair has not treated Ada');
    const moved = await desk.clinic.call<Appointment>('appointments:move', { id: booked.id, therapistId: desk.priya.id, acknowledgeWarning: true, by: 'Jo' });
    expect(moved.acknowledgedWarning).toMatchObject({ by: 'Sam Reid', text: expect.stringContaining('Priya Nair') });
  });

  it('does not move a cancelled appointment', async () => {
    desk = await openFrontDesk();
    const booked = await desk.book({ clientId: desk.ada.id, therapistId: desk.sam.id, typeId: desk.type('Flush').id, startsAt: '2026-03-03T10:00' });
    await desk.clinic.call('appointments:setStatus', { id: booked.id, status: 'cancelled', reason: 'Work' });
    expect((await refusedWritingNothing('appointments:move', { id: booked.id, startsAt: '2026-03-04T10:00' })).message).toMatch(/cancelled, so it cannot be moved/);
  });
});
