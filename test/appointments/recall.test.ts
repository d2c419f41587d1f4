import { afterEach, describe, expect, it } from 'vitest';
import type { Appointment, Client, RecallContact, RecallEntry } from '../../shared/api/types';
import { openFrontDesk, type FrontDesk } from './front-desk';

// Today is Monday 2 March 2026. A marathon on 26 April puts the runner in week 9 of 16: peak.

let desk: FrontDesk;
afterEach(() => desk.clinic.close());

const recall = () => desk.clinic.call<RecallEntry[]>('recall:list');

async function peakRunner(firstName: string, lastTreatment: string | null): Promise<Client> {
  const client = await desk.clinic.call<Client>('clients:create', { firstName, lastName: 'Runner', phone: '07700 900123' });
  await desk.clinic.call('races:create', { clientId: client.id, name: 'London Marathon', date: '2026-04-26', distance: 'marathon' });
  if (lastTreatment) await desk.clinic.call('treatments:log', { clientId: client.id, therapistId: desk.sam.id, date: lastTreatment, intensity: 'deep' });
  return client;
}

describe('the recall list', () => {
  it('has a peak-phase client with no treatment for 22 days as overdue, who leaves it once booked', async () => {
    desk = await openFrontDesk();
    const paula = await peakRunner('Paula', '2026-02-08'); // 22 days ago
    const [entry, ...rest] = await recall();
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      clientId: paula.id, clientName: 'Paula Runner', phone: '07700 900123', kind: 'peak-session', reason: 'Next session due by 22/02/2026.',
      dueDate: '2026-02-22', overdueFrom: '2026-03-02', overdue: true, daysOverdue: 1, phase: 'peak', ceiling: 'deep',
      race: { name: 'London Marathon', date: '2026-04-26' }, lastTreatment: '2026-02-08', latestContact: null,
    });

    const booked = await desk.book({ clientId: paula.id, therapistId: desk.sam.id, typeId: desk.type('Sports massage, 60 min').id, startsAt: '2026-03-05T10:00' });
    expect(await recall()).toEqual([]);
    // Cancelled, so nothing is booked any more: back on the list.
    await desk.clinic.call<Appointment>('appointments:setStatus', { id: booked.id, status: 'cancelled', reason: 'Away with work' });
    expect((await recall()).map((e) => e.clientId)).toEqual([paula.id]);
  });

  it('lists a session that is due but not yet overdue, and nobody whose next session is not due yet', async () => {
    desk = await openFrontDesk();
    await peakRunner('Due', '2026-02-15'); // 15 days ago: due since 1 March
    await peakRunner('Recent', '2026-02-20'); // 10 days ago: due on 6 March
    const list = await recall();
    expect(list.map((e) => [e.clientName, e.overdue, e.dueDate])).toEqual([['Due Runner', false, '2026-03-01']]);
  });

  it('puts the most urgent first, and leaves archived clients and off-season clients out', async () => {
    desk = await openFrontDesk();
    await peakRunner('Never', null); // peak with no treatment on file: due today, never overdue
    const long = await peakRunner('Long', '2026-01-20'); // overdue since 11 February
    await peakRunner('Short', '2026-02-08'); // overdue since 2 March
    const gone = await peakRunner('Gone', '2026-01-10');
    await desk.clinic.call('clients:archive', { id: gone.id });
    // Off-season (no race) with an old treatment: nothing due.
    await desk.clinic.call('treatments:log', { clientId: desk.ben.id, therapistId: desk.sam.id, date: '2025-12-01', intensity: 'deep' });
    const list = await recall();
    expect(list.map((e) => e.clientName)).toEqual(['Long Runner', 'Short Runner', 'Never Runner']);
    expect(list[0]).toMatchObject({ clientId: long.id, overdue: true, daysOverdue: 20 });
  });

  it('covers baseline, taper and recovery flush, with the reason and due date', async () => {
    desk = await openFrontDesk();
    const base = await desk.clinic.call<Client>('clients:create', { firstName: 'Base', lastName: 'Runner' });
    await desk.clinic.call('races:create', { clientId: base.id, name: 'Bath Half', date: '2026-05-24', distance: 'half' });
    const taper = await desk.clinic.call<Client>('clients:create', { firstName: 'Taper', lastName: 'Runner' });
    await desk.clinic.call('races:create', { clientId: taper.id, name: 'Spring Marathon', date: '2026-03-14', distance: 'marathon' });
    await desk.clinic.call('treatments:log', { clientId: taper.id, therapistId: desk.sam.id, date: '2026-02-10', intensity: 'deep' });
    const flush = await desk.clinic.call<Client>('clients:create', { firstName: 'Flush', lastName: 'Runner' });
    await desk.clinic.call('races:create', { clientId: flush.id, name: 'Winter Marathon', date: '2026-03-01', distance: 'marathon' });
    const list = await recall();
    expect(list.map((e) => [e.clientName, e.kind, e.reason, e.overdue])).toEqual([
      // Both due by 4 March: by name.
      ['Flush Runner', 'recovery-flush', 'Recovery flush due by 04/03/2026.', false],
      ['Taper Runner', 'taper-session', 'Book the taper session by 04/03/2026.', false],
      ['Base Runner', 'baseline-assessment', 'Baseline assessment due by 21/03/2026.', false],
    ]);
  });

  it('records a contact with its note, date and who, and shows the latest', async () => {
    desk = await openFrontDesk();
    const paula = await peakRunner('Paula', '2026-02-08');
    const first = await desk.clinic.call<RecallContact>('recall:contact', { clientId: paula.id, note: 'No answer', date: '2026-02-27', by: 'Jo' });
    expect(first).toMatchObject({ clientId: paula.id, date: '2026-02-27', note: 'No answer', by: 'Sam Reid' });
    await desk.clinic.call('recall:contact', { clientId: paula.id, note: 'Will ring back on Thursday' });
    expect((await recall())[0]!.latestContact).toMatchObject({ date: '2026-03-02', note: 'Will ring back on Thursday', by: 'Sam Reid' });
    expect(await desk.clinic.dispatch('recall:contact', { clientId: 9999, note: 'x' })).toMatchObject({ ok: false, code: 'not-found' });
  });
});
