import { beforeEach, describe, expect, it } from 'vitest';
import type { Client, ClientDetail, ClientPage, Race, RaceEvent, Treatment } from '../../shared/api/types';
import { insertAppointment } from '../../electron/db/repositories/appointments';
import { clinicWithSam } from '../support/clinic-with-sam';

// The therapist's workflow through the real dispatcher and a real database file.

const at = clinicWithSam();

const newClient = (firstName: string, lastName: string, extra: Record<string, unknown> = {}) =>
  at.clinic.call<Client>('clients:create', { firstName, lastName, ...extra });

describe('client search', () => {
  beforeEach(async () => {
    await newClient('Mary', 'McDonald', { phone: '07700 900456', email: 'mary.mcd@example.org' });
    await newClient('Siobhan', "O'Brien");
    await newClient('José', 'Álvarez');
    await newClient('Ben', 'Smith');
  });
  const names = async (query: string, includeArchived = false) =>
    (await at.clinic.call<ClientPage>('clients:search', { query, includeArchived })).rows.map((r) => r.lastName);

  it('folds case, accents and punctuation, and matches parts of names', async () => {
    expect(await names('mcdonald')).toEqual(['McDonald']);
    expect(await names('MCDON')).toEqual(['McDonald']);
    expect(await names('mc donald')).toEqual(['McDonald']);
    expect(await names('obrien')).toEqual(["O'Brien"]);
    expect(await names('alvarez jose')).toEqual(['Álvarez']);
    expect(await names('mary mcd')).toEqual(['McDonald']);
  });

  it('finds by phone digits however they are spaced, and by email', async () => {
    expect(await names('07700900456')).toEqual(['McDonald']);
    expect(await names('0770 0900 456')).toEqual(['McDonald']);
    expect(await names('mary.mcd@')).toEqual(['McDonald']);
  });

  it('lists by surname, pages with a total, and treats LIKE wildcards as text', async () => {
    const page = await at.clinic.call<ClientPage>('clients:search', { query: '', limit: 2, offset: 1 });
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.lastName)).toEqual(['McDonald', "O'Brien"]); // after Álvarez, filed under A
    // Punctuation folds away, so % and _ never reach LIKE as wildcards.
    expect(await names('m_d')).toEqual([]);
    expect(await names('mc%d')).toEqual(['McDonald']);
    expect(await names('%')).toHaveLength(4);
  });

  it('hides archived clients unless asked, and restores them', async () => {
    const smith = (await at.clinic.call<ClientPage>('clients:search', { query: 'smith' })).rows[0]!;
    await at.clinic.call('clients:archive', { id: smith.id });
    expect(await names('smith')).toEqual([]);
    expect(await names('smith', true)).toEqual(['Smith']);
    await at.clinic.call('clients:restore', { id: smith.id });
    expect(await names('smith')).toEqual(['Smith']);
  });

  it('shows each client’s phase and ceiling for today', async () => {
    const smith = (await at.clinic.call<ClientPage>('clients:search', { query: 'smith' })).rows[0]!;
    expect(smith).toMatchObject({ phase: 'off-season', ceiling: 'deep', nextRace: null });
    await at.clinic.call('races:create', { clientId: smith.id, name: 'Bath Half', date: '2026-03-05', distance: 'half' });
    const again = (await at.clinic.call<ClientPage>('clients:search', { query: 'smith' })).rows[0]!;
    expect(again).toMatchObject({ phase: 'race-week', ceiling: 'avoid', nextRace: { name: 'Bath Half', date: '2026-03-05' } });
  });
});

describe('races', () => {
  it('refuses a plan start after the race, naming the field', async () => {
    const c = await newClient('Ada', 'Okafor');
    const result = await at.clinic.dispatch('races:create', { clientId: c.id, name: 'London Marathon', date: '2026-04-26', distance: 'marathon', planStart: '2026-05-01' });
    expect(result).toMatchObject({ ok: false, code: 'invalid', fields: { planStart: 'Plan start: must be before the race date.' } });
  });

  it('groups upcoming races by event, leaving past races and archived clients out', async () => {
    const a = await newClient('Ada', 'Okafor');
    const b = await newClient('Ben', 'Smith');
    const gone = await newClient('Cal', 'Jones');
    for (const c of [a, b, gone]) await at.clinic.call('races:create', { clientId: c.id, name: 'Brighton Marathon', date: '2026-04-12', distance: 'marathon', priority: 'A' });
    await at.clinic.call('races:create', { clientId: a.id, name: 'Old Race', date: '2026-02-01', distance: '10k' });
    await at.clinic.call('clients:archive', { id: gone.id });
    const events = await at.clinic.call<RaceEvent[]>('races:upcoming');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ name: 'Brighton Marathon', date: '2026-04-12', distance: 'marathon' });
    expect(events[0]!.entrants.map((e) => e.clientName)).toEqual(['Ada Okafor', 'Ben Smith']);
  });
});

describe('logging a treatment', () => {
  const treatment = (clientId: number, extra: Record<string, unknown> = {}) => ({
    clientId, therapistId: at.sam.id, date: '2026-03-02', intensity: 'moderate', subjective: 'Tight calves.', ...extra,
  });

  it('refuses to go above the ceiling without a reason, and writes nothing', async () => {
    const c = await newClient('Paula', 'Radcliffe');
    await at.clinic.call('races:create', { clientId: c.id, name: 'Bath Half', date: '2026-03-07', distance: 'half' });
    const result = await at.clinic.dispatch('treatments:log', treatment(c.id, { overrideReason: '   ' }));
    expect(result).toMatchObject({ ok: false, code: 'invalid' });
    if (!result.ok) expect(result.fields?.overrideReason).toMatch(/Moderate is above the guidance for this date \(Avoid massage\)/);
    expect(at.clinic.db.prepare('SELECT count(*) AS n FROM treatments').get()).toEqual({ n: 0 });
  });

  it('stores the reason and the guidance in force, which survive later race changes', async () => {
    const c = await newClient('Paula', 'Radcliffe');
    const race = await at.clinic.call<Race>('races:create', { clientId: c.id, name: 'Bath Half', date: '2026-03-07', distance: 'half' });
    const logged = await at.clinic.call<Treatment>('treatments:log', treatment(c.id, { overrideReason: 'Cramp; agreed with coach.', areas: [{ region: 'Calves', side: 'left' }], painBefore: 6, painAfter: 2 }));
    expect(logged).toMatchObject({ intensity: 'moderate', phase: 'race-week', ceiling: 'avoid', overridden: true, overrideReason: 'Cramp; agreed with coach.', areas: [{ region: 'Calves', side: 'left' }], painBefore: 6, painAfter: 2 });

    await at.clinic.call('races:remove', { id: race.id });
    const detail = await at.clinic.call<ClientDetail>('clients:get', { id: c.id });
    expect(detail.guidance.phase).toBe('off-season');
    expect(detail.treatments[0]).toMatchObject({ phase: 'race-week', ceiling: 'avoid', overridden: true });
  });

  it('refuses an override reason when the intensity is within the guidance, rather than dropping it', async () => {
    const c = await newClient('Mo', 'Farah');
    const result = await at.clinic.dispatch('treatments:log', treatment(c.id, { intensity: 'deep', overrideReason: 'not needed' }));
    expect(result).toMatchObject({ ok: false, code: 'invalid', fields: { overrideReason: expect.stringMatching(/within the guidance.*Clear the reason/) } });
    expect(at.clinic.db.prepare('SELECT count(*) AS n FROM treatments').get()).toEqual({ n: 0 });
    const logged = await at.clinic.call<Treatment>('treatments:log', treatment(c.id, { intensity: 'deep', overrideReason: '  ' }));
    expect(logged).toMatchObject({ phase: 'off-season', ceiling: 'deep', overrideReason: null, overridden: false });
  });

  it('lowers the ceiling to light when the client is sore', async () => {
    const c = await newClient('Mo', 'Farah');
    const result = await at.clinic.dispatch('treatments:log', treatment(c.id, { intensity: 'deep', sore: true }));
    expect(result).toMatchObject({ ok: false, fields: { overrideReason: expect.stringMatching(/Light \/ maintenance/) } });
  });

  it('refuses future dates, inactive therapists and archived clients with plain messages', async () => {
    const c = await newClient('Mo', 'Farah');
    expect(await at.clinic.dispatch('treatments:log', treatment(c.id, { date: '2026-03-03' }))).toMatchObject({ ok: false, fields: { date: 'Date: cannot be after today (02/03/2026).' } });
    await at.clinic.call('therapists:update', { id: at.sam.id, active: false });
    expect(await at.clinic.dispatch('treatments:log', treatment(c.id))).toMatchObject({ ok: false, message: 'Therapist: Sam Reid is no longer active.' });
    await at.clinic.call('therapists:update', { id: at.sam.id, active: true });
    await at.clinic.call('clients:archive', { id: c.id });
    expect(await at.clinic.dispatch('treatments:log', treatment(c.id))).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('does not ask for a taper booking when one is already booked', async () => {
    const c = await newClient('Eliud', 'Kipchoge', { usualTherapistId: at.sam.id });
    await at.clinic.call('races:create', { clientId: c.id, name: 'London Marathon', date: '2026-03-14', distance: 'marathon' }); // d = -12: taper
    await at.clinic.call('treatments:log', treatment(c.id, { date: '2026-02-10', intensity: 'deep' }));
    const before = await at.clinic.call<ClientDetail>('clients:get', { id: c.id });
    expect(before.guidance.due?.kind).toBe('taper-session');
    insertAppointment(at.clinic.db, { clientId: c.id, therapistId: at.sam.id, startsAt: '2026-03-03T10:00', durationMin: 45 });
    const after = await at.clinic.call<ClientDetail>('clients:get', { id: c.id });
    expect(after.guidance.due?.kind).not.toBe('taper-session');
    expect(after.upcomingAppointments).toHaveLength(1);
  });
});

describe('therapists', () => {
  it('refuse a duplicate name, case-insensitively, and rename and deactivate', async () => {
    expect(await at.clinic.dispatch('therapists:create', { name: 'sam reid' })).toMatchObject({ ok: false, code: 'conflict', fields: { name: 'There is already a therapist called Sam Reid.' } });
    await at.clinic.call('therapists:update', { id: at.sam.id, name: 'Samantha Reid', active: false });
    expect(await at.clinic.call('therapists:list')).toEqual([{ id: at.sam.id, name: 'Samantha Reid', active: false }]);
  });
});
