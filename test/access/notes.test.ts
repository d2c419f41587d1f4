import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEvent, Client, Therapist, Treatment } from '../../shared/api/types';
import { openTestClinic, type TestClinic } from '../support/clinic';

// A note is always the signed-in therapist's; its author can edit it until the end of the next
// day, after which a change is a dated amendment under the untouched original. All of it is in
// the audit trail, which no one can change.

let clinic: TestClinic;
let sam: Therapist;
let priya: Therapist;
let ada: Client;

beforeEach(async () => {
  clinic = openTestClinic({ today: '2026-03-02' });
  sam = await clinic.call<Therapist>('therapists:create', { name: 'Sam Reid' });
  priya = await clinic.call<Therapist>('therapists:create', { name: 'Priya Nair' });
  ada = await clinic.call<Client>('clients:create', { firstName: 'Ada', lastName: 'Okafor' });
});
afterEach(() => clinic.close());

const asSam = () => clinic.actAs({ roles: ['therapist'], therapistId: sam.id, name: 'Sam Reid' });
const asPriya = () => clinic.actAs({ roles: ['therapist'], therapistId: priya.id, name: 'Priya Nair' });
const note = (extra: Record<string, unknown> = {}) => ({ clientId: ada.id, therapistId: sam.id, date: '2026-03-02', intensity: 'light', subjective: 'Tight calves.', ...extra });
const audit = () => clinic.call<AuditEvent[]>('audit:list', {});
/** Moves the clock on: the note's lock time is put in the past. */
const lockNotes = () => clinic.db.prepare("UPDATE treatments SET editable_until = '2026-03-01T00:00'").run();

describe('a note is the signed-in therapist’s', () => {
  it('is logged as the signed-in therapist, with its author, and is open until the end of the next day', async () => {
    const me = asSam();
    const logged = await clinic.call<Treatment>('treatments:log', note());
    expect(logged).toMatchObject({ therapistId: sam.id, authorUserId: me.id, editableUntil: '2026-03-04T00:00', amendments: [] });
  });

  it('cannot be logged as another therapist, nor by someone with no diary column', async () => {
    asPriya();
    expect(await clinic.dispatch('treatments:log', note())).toMatchObject({ ok: false, code: 'forbidden', message: expect.stringContaining('signed-in therapist (Priya Nair)') });
    clinic.actAs({ roles: ['therapist', 'admin'], name: 'Unlinked' });
    expect(await clinic.dispatch('treatments:log', note())).toMatchObject({ ok: false, code: 'forbidden', message: expect.stringContaining('not linked') });
    expect(clinic.db.prepare('SELECT count(*) FROM treatments').pluck().get()).toBe(0);
  });

  it('is edited by its author while open; not by anyone else, and not once locked', async () => {
    asSam();
    const logged = await clinic.call<Treatment>('treatments:log', note());
    const edit = { id: logged.id, subjective: 'Tight left calf.', objective: 'Trigger point', assessment: '', plan: 'Rebook', advice: 'Foam roll', authorOnly: false };
    expect(await clinic.call<Treatment>('treatments:edit', edit)).toMatchObject({ subjective: 'Tight left calf.', advice: 'Foam roll' });
    asPriya();
    expect(await clinic.dispatch('treatments:edit', { ...edit, subjective: 'Priya was here' })).toMatchObject({ ok: false, code: 'forbidden' });
    asSam();
    lockNotes();
    expect(await clinic.dispatch('treatments:edit', { ...edit, subjective: 'Too late' })).toMatchObject({ ok: false, code: 'conflict', message: expect.stringContaining('add an amendment') });
    expect(clinic.db.prepare('SELECT subjective FROM treatments').pluck().get()).toBe('Tight left calf.');
  });

  it('once locked, takes dated amendments attributed to whoever signs in, under the original as written', async () => {
    asSam();
    const logged = await clinic.call<Treatment>('treatments:log', note());
    expect(await clinic.dispatch('treatments:amend', { id: logged.id, text: 'x', reason: 'y' })).toMatchObject({ ok: false, code: 'conflict', message: expect.stringContaining('still open') });
    lockNotes();
    await clinic.call('treatments:amend', { id: logged.id, text: 'Left calf, not right.', reason: 'Side recorded wrongly' });
    asPriya();
    const amended = await clinic.call<Treatment>('treatments:amend', { id: logged.id, text: 'Seen again 03/03: better.', reason: 'Follow-up' });
    expect(amended.subjective).toBe('Tight calves.');
    expect(amended.amendments).toEqual([
      { id: expect.any(Number), authorName: 'Sam Reid', at: '2026-03-02T09:00', reason: 'Side recorded wrongly', text: 'Left calf, not right.' },
      { id: expect.any(Number), authorName: 'Priya Nair', at: '2026-03-02T09:00', reason: 'Follow-up', text: 'Seen again 03/03: better.' },
    ]);
    expect(await clinic.dispatch('treatments:amend', { id: logged.id, text: 'x', reason: '  ' })).toMatchObject({ ok: false, fields: { reason: 'Reason for the amendment is required.' } });
    expect(() => clinic.db.prepare("UPDATE treatment_amendments SET text = 'changed'").run()).toThrow(/cannot be changed/);
    expect(() => clinic.db.prepare('DELETE FROM treatment_amendments').run()).toThrow(/cannot be removed/);
  });

  it('marked "author only", is refused to every other reader', async () => {
    asSam();
    const logged = await clinic.call<Treatment>('treatments:log', note({ authorOnly: true }));
    expect(await clinic.call<Treatment>('treatments:get', { id: logged.id })).toMatchObject({ subjective: 'Tight calves.' });
    asPriya();
    expect(await clinic.dispatch('treatments:get', { id: logged.id })).toMatchObject({ ok: false, code: 'forbidden', message: 'Sam Reid marked this note as for their eyes only.' });
    expect((await clinic.call<{ treatments: { authorOnly: boolean }[] }>('clients:get', { id: ada.id })).treatments).toEqual([expect.objectContaining({ authorOnly: true })]);
  });
});

describe('the audit trail', () => {
  it('records notes created, opened, edited and amended, with who and which client', async () => {
    asSam();
    const logged = await clinic.call<Treatment>('treatments:log', note());
    await clinic.call('treatments:get', { id: logged.id });
    await clinic.call('treatments:edit', { id: logged.id, subjective: 'x', objective: '', assessment: '', plan: '', advice: '', authorOnly: false });
    lockNotes();
    await clinic.call('treatments:amend', { id: logged.id, text: 'y', reason: 'z' });
    clinic.actAs({ roles: ['admin'], name: 'Office' });
    const events = await audit();
    expect(events.map((e) => [e.action, e.userName, e.clientName])).toEqual([
      ['note-amended', 'Sam Reid', 'Ada Okafor'],
      ['note-edited', 'Sam Reid', 'Ada Okafor'],
      ['notes-opened', 'Sam Reid', 'Ada Okafor'],
      ['note-created', 'Sam Reid', 'Ada Okafor'],
    ]);
    expect(await clinic.call<AuditEvent[]>('audit:list', { action: 'notes-opened' })).toHaveLength(1);
    expect(await clinic.call<AuditEvent[]>('audit:list', { clientId: ada.id, fromDate: '2026-01-01', toDate: '2099-01-01' })).toHaveLength(4);
  });

  it('cannot be changed or deleted, by any code: the database refuses', () => {
    clinic.db.prepare("INSERT INTO audit_events (user_name, action) VALUES ('x', 'sign-in')").run();
    expect(() => clinic.db.prepare("UPDATE audit_events SET user_name = 'y'").run()).toThrow('The audit trail cannot be changed.');
    expect(() => clinic.db.prepare('DELETE FROM audit_events').run()).toThrow('The audit trail cannot be changed.');
    expect(clinic.db.prepare('SELECT user_name FROM audit_events').pluck().all()).toEqual(['x']);
  });

  it('is exported to CSV by an administrator, and the export is itself recorded', async () => {
    clinic.close();
    let file = '';
    clinic = openTestClinic({ today: '2026-03-02', choosePath: () => Promise.resolve(file) });
    file = `${clinic.dataDir}/audit.csv`;
    sam = await clinic.call<Therapist>('therapists:create', { name: 'Sam Reid' });
    ada = await clinic.call<Client>('clients:create', { firstName: 'Ada', lastName: 'Okafor' });
    asSam();
    await clinic.call('treatments:log', note({ subjective: 'a, "quoted"\nline' }));
    clinic.actAs({ roles: ['admin'], name: 'Office' });
    expect(await clinic.call('audit:export', {})).toEqual({ file, events: 1 });
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toBe('at,user,action,client,detail');
    expect(text).toContain('Sam Reid,note-created,Ada Okafor,Treatment on 2026-03-02');
    expect(text).not.toContain('quoted'); // the trail says what happened, never the note
    expect((await audit())[0]).toMatchObject({ action: 'export', userName: 'Office', detail: expect.stringContaining('Audit trail (1 events)') });
  });
});

