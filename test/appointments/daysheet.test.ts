import { afterEach, describe, expect, it } from 'vitest';
import type { Client, DaySheet, TodayList } from '../../shared/api/types';
import { keysOf, NOTE_KEYS, openFrontDesk, stringsOf, type FrontDesk } from './front-desk';

let desk: FrontDesk;
afterEach(() => desk.clinic.close());

const SECRET = 'CONFIDENTIAL-NOTE';

/** A day with notes of every kind on file, each marked so a leak would show. */
async function busyDay(): Promise<Client> {
  desk = await openFrontDesk({ role: 'admin' });
  const { clinic } = desk;
  const cara = await clinic.call<Client>('clients:create', { firstName: 'Cara', lastName: 'Jones', notes: `${SECRET} client`, medicalAlerts: 'Nut allergy: check oils.' });
  await clinic.call('races:create', { clientId: cara.id, name: 'Bath Half', date: '2026-03-06', distance: 'half', notes: `${SECRET} race` });
  await clinic.call('treatments:log', {
    clientId: cara.id, therapistId: desk.sam.id, date: '2026-02-01', intensity: 'moderate',
    subjective: `${SECRET} subjective`, objective: `${SECRET} objective`, assessment: `${SECRET} assessment`, plan: `${SECRET} plan`, advice: `${SECRET} advice`,
  });
  const flush = desk.type('Flush').id;
  await desk.book({ clientId: cara.id, therapistId: desk.sam.id, typeId: flush, startsAt: '2026-03-02T09:00' });
  const later = await desk.book({ clientId: desk.ada.id, therapistId: desk.sam.id, typeId: desk.type('Sports massage, 60 min').id, startsAt: '2026-03-02T14:00' });
  await desk.book({ clientId: desk.ben.id, therapistId: desk.priya.id, typeId: desk.type('Assessment').id, startsAt: '2026-03-02T08:30' });
  const cancelled = await desk.book({ clientId: desk.ben.id, therapistId: desk.priya.id, typeId: flush, startsAt: '2026-03-02T15:00' });
  await clinic.call('appointments:setStatus', { id: cancelled.id, status: 'cancelled', reason: 'Work' });
  clinic.db.prepare('UPDATE appointments SET notes = ?').run(`${SECRET} booking`);
  await clinic.call('appointments:setStatus', { id: later.id, status: 'no-show' });
  return cara;
}

describe('the day sheet', () => {
  it("lists each therapist's day with client, time, type, phase, ceiling and alerts, and no note of any kind", async () => {
    await busyDay();
    const sheet = await desk.clinic.call<DaySheet>('daysheet:get', { date: '2026-03-02' });
    expect(sheet.date).toBe('2026-03-02');
    expect(sheet.therapists.map((t) => [t.therapistName, t.hours, t.appointments.map((a) => a.time)])).toEqual([
      ['Priya Nair', { start: '08:00', end: '20:00' }, ['08:30–09:30']], // the cancellation is left out
      ['Sam Reid', { start: '08:00', end: '20:00' }, ['09:00–09:30', '14:00–15:00']],
    ]);
    const [cara, ada] = sheet.therapists[1]!.appointments;
    expect(cara).toMatchObject({ clientName: 'Cara Jones', typeName: 'Flush', phase: 'race-week', ceiling: 'flush', medicalAlerts: 'Nut allergy: check oils.', hasAlerts: true, status: 'booked' });
    expect(ada).toMatchObject({ clientName: 'Ada Okafor', typeName: 'Sports massage, 60 min', phase: 'off-season', ceiling: 'deep', status: 'no-show' });

    // Walk the whole object: no note key, and no note text anywhere.
    expect([...keysOf(sheet)].filter((k) => NOTE_KEYS.test(k))).toEqual([]);
    expect(stringsOf(sheet).filter((s) => s.includes(SECRET))).toEqual([]);
  });

  it('gives a column to every active therapist working that day, even with nothing booked', async () => {
    desk = await openFrontDesk();
    const sheet = await desk.clinic.call<DaySheet>('daysheet:get', { date: '2026-03-08' }); // a Sunday: clinic closed
    expect(sheet.therapists).toEqual([]);
    const monday = await desk.clinic.call<DaySheet>('daysheet:get', { date: '2026-03-09' });
    expect(monday.therapists.map((t) => [t.therapistName, t.appointments.length])).toEqual([['Priya Nair', 0], ['Sam Reid', 0]]);
  });
});

describe('Today', () => {
  it("lists today's appointments per therapist and the clients racing in the next seven days", async () => {
    const cara = await busyDay();
    const far = await desk.clinic.call<Client>('clients:create', { firstName: 'Far', lastName: 'Away' });
    await desk.clinic.call('races:create', { clientId: far.id, name: 'Later 10k', date: '2026-03-10', distance: '10k' });
    await desk.clinic.call('races:create', { clientId: desk.ada.id, name: 'Sunday 5k', date: '2026-03-09', distance: '5k', priority: 'C' });
    const today = await desk.clinic.call<TodayList>('today:list');
    expect(today.date).toBe('2026-03-02');
    expect(today.therapists.flatMap((t) => t.appointments.map((a) => `${t.therapistName} ${a.time} ${a.clientName} ${a.status}`))).toEqual([
      'Priya Nair 08:30–09:30 Ben Smith booked',
      'Sam Reid 09:00–09:30 Cara Jones booked',
      'Sam Reid 14:00–15:00 Ada Okafor no-show',
    ]);
    expect(today.racingSoon).toEqual([
      { clientId: cara.id, clientName: 'Cara Jones', raceId: expect.any(Number), raceName: 'Bath Half', date: '2026-03-06', distance: 'half', priority: 'A', daysToRace: 4 },
      { clientId: desk.ada.id, clientName: 'Ada Okafor', raceId: expect.any(Number), raceName: 'Sunday 5k', date: '2026-03-09', distance: '5k', priority: 'C', daysToRace: 7 },
    ]);
    expect(today.racingSoonTotal).toBe(2);
    expect(stringsOf(today).filter((s) => s.includes(SECRET))).toEqual([]);
  });

  it('lists the soonest 30 of many clients racing this week, and says how many race in all', async () => {
    desk = await openFrontDesk();
    // 40 runners, one a day from today: the list keeps date order, then surname.
    for (let i = 0; i < 40; i++) {
      const client = await desk.clinic.call<Client>('clients:create', { firstName: 'Runner', lastName: `R${String(i).padStart(2, '0')}` });
      await desk.clinic.call('races:create', { clientId: client.id, name: 'Parkrun', date: `2026-03-0${2 + (i % 7)}`, distance: '5k', priority: 'C' });
    }
    const today = await desk.clinic.call<TodayList>('today:list');
    expect(today.racingSoonTotal).toBe(40);
    expect(today.racingSoon).toHaveLength(30);
    const order = today.racingSoon.map((r) => `${r.date} ${r.clientName}`);
    expect(order).toEqual([...order].sort());
    expect(order[0]).toBe('2026-03-02 Runner R00');
  });
});
