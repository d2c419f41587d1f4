import { describe, expect, it } from 'vitest';
import type { Client, ClientDetail, Race } from '../../shared/api/types';
import { clinicWithSam } from '../support/clinic-with-sam';

// Edits change only what they name, never overwrite someone else's newer save, and leave a trace.

const at = clinicWithSam();

const fullClient = {
  firstName: 'Mary', lastName: 'McDonald', dateOfBirth: '1976-08-12', phone: '07700 900456', email: 'mary@example.org',
  emergencyContactName: 'Ian McDonald', emergencyContactPhone: '07700 900457', gp: 'Dr Shah', medicalAlerts: 'On warfarin: no deep tissue',
  hotspots: ['Calves', 'Achilles'], consentTreatment: true, consentData: true, consentDate: '2025-01-10', notes: 'Prefers mornings',
};
const row = (table: string, id: number) => at.clinic.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown>;

describe('clients:update', () => {
  it('changes only the fields it names', async () => {
    const mary = await at.clinic.call<Client>('clients:create', { ...fullClient, usualTherapistId: at.sam.id });
    const updated = await at.clinic.call<Client>('clients:update', { id: mary.id, updatedAt: mary.updatedAt, firstName: 'Marie' });
    const { firstName: _before, updatedAt: seen, ...rest } = mary;
    expect(updated).toEqual({ ...rest, firstName: 'Marie', updatedAt: expect.any(String) });
    expect(updated.updatedAt > seen).toBe(true);
    expect(row('clients', mary.id)).toMatchObject({ medical_alerts: 'On warfarin: no deep tissue', hotspots: '["Calves","Achilles"]', consent_data: 1, search_key: expect.stringContaining('marie') });
  });

  it('can clear a field by naming it, and ignores fields sent as undefined', async () => {
    const mary = await at.clinic.call<Client>('clients:create', fullClient);
    const cleared = await at.clinic.call<Client>('clients:update', { id: mary.id, updatedAt: mary.updatedAt, dateOfBirth: '', notes: '', medicalAlerts: undefined });
    expect(cleared).toMatchObject({ dateOfBirth: null, notes: '', medicalAlerts: 'On warfarin: no deep tissue' });
  });

  it('refuses a stale edit, saying who saved when, and changes nothing', async () => {
    const mary = await at.clinic.call<Client>('clients:create', fullClient);
    // Reception and a therapist both open Mary's record; reception saves first.
    const saved = await at.clinic.call<Client>('clients:update', { id: mary.id, updatedAt: mary.updatedAt, phone: '07700 900999' });
    const before = row('clients', mary.id);
    const result = await at.clinic.dispatch('clients:update', { id: mary.id, updatedAt: mary.updatedAt, medicalAlerts: '' });
    expect(result).toMatchObject({ ok: false, code: 'conflict', message: expect.stringMatching(/^Someone else saved this client (at|on \d\d\/\d\d\/\d{4} at) \d\d:\d\d; reload to see their changes/) });
    expect(row('clients', mary.id)).toEqual(before);
    // With the version they were shown after reloading, the edit goes through.
    expect(await at.clinic.call<Client>('clients:update', { id: mary.id, updatedAt: saved.updatedAt, medicalAlerts: '' })).toMatchObject({ medicalAlerts: '', phone: '07700 900999' });
  });

  it('refuses an edit without the version the person saw', async () => {
    const mary = await at.clinic.call<Client>('clients:create', fullClient);
    expect(await at.clinic.dispatch('clients:update', { id: mary.id, firstName: 'Marie' })).toMatchObject({ ok: false, code: 'invalid', fields: { updatedAt: expect.any(String) } });
    expect(row('clients', mary.id)).toMatchObject({ first_name: 'Mary' });
  });

  it('gives two saves in the same millisecond different versions', async () => {
    const mary = await at.clinic.call<Client>('clients:create', fullClient);
    let version = mary.updatedAt;
    const seen = new Set([version]);
    for (let i = 0; i < 20; i++) {
      version = (await at.clinic.call<Client>('clients:update', { id: mary.id, updatedAt: version, notes: `note ${i}` })).updatedAt;
      seen.add(version);
    }
    expect(seen.size).toBe(21);
  });

  it('refuses edits to an archived client until they are restored', async () => {
    const mary = await at.clinic.call<Client>('clients:create', fullClient);
    const archived = await at.clinic.call<Client>('clients:archive', { id: mary.id });
    const result = await at.clinic.dispatch('clients:update', { id: mary.id, updatedAt: archived.updatedAt, notes: 'x' });
    expect(result).toMatchObject({ ok: false, code: 'conflict', message: 'Mary McDonald is archived, so changing their details is not possible. Restore the client first.' });
    const restored = await at.clinic.call<Client>('clients:restore', { id: mary.id });
    expect(await at.clinic.call<Client>('clients:update', { id: mary.id, updatedAt: restored.updatedAt, notes: 'x' })).toMatchObject({ notes: 'x' });
  });
});

describe('races', () => {
  const bathHalf = { name: 'Bath Half', date: '2026-03-15', distance: 'half', priority: 'B', taperDays: 10, goalTime: '1:45', notes: 'First half' };

  it('races:update changes only the fields it names', async () => {
    const ada = await at.clinic.call<Client>('clients:create', { firstName: 'Ada', lastName: 'Okafor' });
    const race = await at.clinic.call<Race>('races:create', { clientId: ada.id, ...bathHalf });
    const moved = await at.clinic.call<Race>('races:update', { id: race.id, updatedAt: race.updatedAt, date: '2026-03-22' });
    expect(moved).toEqual({ ...race, date: '2026-03-22', updatedAt: expect.any(String) });
    expect(moved.updatedAt > race.updatedAt).toBe(true);
  });

  it('refuses a stale race edit and changes nothing', async () => {
    const ada = await at.clinic.call<Client>('clients:create', { firstName: 'Ada', lastName: 'Okafor' });
    const race = await at.clinic.call<Race>('races:create', { clientId: ada.id, ...bathHalf });
    await at.clinic.call<Race>('races:update', { id: race.id, updatedAt: race.updatedAt, priority: 'A' });
    const before = row('races', race.id);
    expect(await at.clinic.dispatch('races:update', { id: race.id, updatedAt: race.updatedAt, notes: 'stale' })).toMatchObject({
      ok: false, code: 'conflict', message: expect.stringMatching(/^Someone else saved this race/),
    });
    expect(row('races', race.id)).toEqual(before);
  });

  it('cannot move a race to another client', async () => {
    const ada = await at.clinic.call<Client>('clients:create', { firstName: 'Ada', lastName: 'Okafor' });
    const ben = await at.clinic.call<Client>('clients:create', { firstName: 'Ben', lastName: 'Smith' });
    const race = await at.clinic.call<Race>('races:create', { clientId: ada.id, ...bathHalf });
    expect(await at.clinic.dispatch('races:update', { id: race.id, updatedAt: race.updatedAt, clientId: ben.id })).toMatchObject({
      ok: false, code: 'invalid', fields: { clientId: expect.stringMatching(/stays with its runner/) },
    });
    // Sending the race's own client (as a form does) is fine.
    expect(await at.clinic.call<Race>('races:update', { id: race.id, updatedAt: race.updatedAt, clientId: ada.id, notes: 'ok' })).toMatchObject({ clientId: ada.id, notes: 'ok' });
  });

  it('checks a changed date against the plan start already on file', async () => {
    const ada = await at.clinic.call<Client>('clients:create', { firstName: 'Ada', lastName: 'Okafor' });
    const race = await at.clinic.call<Race>('races:create', { clientId: ada.id, ...bathHalf, planStart: '2026-03-01' });
    expect(await at.clinic.dispatch('races:update', { id: race.id, updatedAt: race.updatedAt, date: '2026-02-20' })).toMatchObject({
      ok: false, fields: { planStart: 'Plan start: must be before the race date.' },
    });
  });

  it('removes a race by marking it: it leaves every list but its row stays on file', async () => {
    const ada = await at.clinic.call<Client>('clients:create', { firstName: 'Ada', lastName: 'Okafor' });
    const race = await at.clinic.call<Race>('races:create', { clientId: ada.id, ...bathHalf });
    await at.clinic.call('races:remove', { id: race.id });
    expect((await at.clinic.call<ClientDetail>('clients:get', { id: ada.id })).races).toEqual([]);
    expect(await at.clinic.call('races:upcoming')).toEqual([]);
    expect(row('races', race.id)).toMatchObject({ name: 'Bath Half', removed_at: expect.stringMatching(/^\d{4}-/) });
    expect(await at.clinic.dispatch('races:remove', { id: race.id })).toMatchObject({ ok: false, code: 'not-found' });
    expect(await at.clinic.dispatch('races:update', { id: race.id, updatedAt: race.updatedAt, notes: 'x' })).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('an archived client accepts no new races and no race edits or removals', async () => {
    const ada = await at.clinic.call<Client>('clients:create', { firstName: 'Ada', lastName: 'Okafor' });
    const race = await at.clinic.call<Race>('races:create', { clientId: ada.id, ...bathHalf });
    await at.clinic.call('clients:archive', { id: ada.id });
    const archived = { ok: false, code: 'conflict', message: expect.stringMatching(/^Ada Okafor is archived, so .* is not possible\. Restore the client first\.$/) };
    expect(await at.clinic.dispatch('races:create', { clientId: ada.id, ...bathHalf, name: 'Bristol 10k', distance: '10k' })).toMatchObject(archived);
    expect(await at.clinic.dispatch('races:update', { id: race.id, updatedAt: race.updatedAt, notes: 'x' })).toMatchObject(archived);
    expect(await at.clinic.dispatch('races:remove', { id: race.id })).toMatchObject(archived);
    expect(at.clinic.db.prepare('SELECT count(*) AS n FROM races WHERE removed_at IS NULL').get()).toEqual({ n: 1 });
  });
});
