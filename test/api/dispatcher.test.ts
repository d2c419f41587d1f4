import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/api/dispatcher';
import { handlers } from '../../electron/api/handlers';
import { CALL_NAMES, buildApi } from '../../shared/api/calls';
import { contract } from '../../shared/api/contract';
import { openTestClinic, sessionAs, type TestClinic } from '../support/clinic';

let clinic: TestClinic;
afterEach(() => clinic?.close());

describe('the API contract', () => {
  it('names every call once, and the handler table covers exactly those calls', () => {
    expect(Object.keys(contract).sort()).toEqual([...CALL_NAMES].sort());
    expect(Object.keys(handlers).sort()).toEqual([...CALL_NAMES].sort());
    for (const name of CALL_NAMES) expect(name).toMatch(/^[a-z][a-zA-Z]*:[a-z][a-zA-Z]*$/);
  });

  it('builds a closed API of named methods with no generic send', async () => {
    const seen: string[] = [];
    const api = buildApi((name) => {
      seen.push(name);
      return Promise.resolve({ ok: true, value: null });
    });
    await api.clients.search({ query: 'x' });
    await api.treatments.log({} as never);
    expect(seen).toEqual(['clients:search', 'treatments:log']);
    expect(Object.keys(api).sort()).toEqual([...new Set(CALL_NAMES.map((name) => name.split(':')[0]))].sort());
    expect('send' in api || 'invoke' in api).toBe(false);
  });
});

describe('the dispatcher', () => {
  it('rejects bad input with a message naming the field, before any service runs', async () => {
    clinic = openTestClinic();
    const result = await clinic.dispatch('clients:create', { firstName: 'Ada', lastName: 'Okafor', dateOfBirth: '31/02/1990' });
    expect(result).toMatchObject({ ok: false, code: 'invalid' });
    if (result.ok) return;
    expect(result.message).toMatch(/^Date of birth:/);
    expect(result.fields).toHaveProperty('dateOfBirth');
    expect(clinic.db.prepare('SELECT count(*) AS n FROM clients').get()).toEqual({ n: 0 });
  });

  it('names a missing required field', async () => {
    clinic = openTestClinic();
    const result = await clinic.dispatch('therapists:create', { name: '   ' });
    expect(result).toMatchObject({ ok: false, code: 'invalid', message: 'Name is required.', fields: { name: 'Name is required.' } });
  });

  it('rejects unknown fields rather than silently storing them', async () => {
    clinic = openTestClinic();
    const result = await clinic.dispatch('therapists:create', { name: 'Sam', role: 'admin' });
    expect(result).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('refuses a call the role may not make, in main, before validation or services', async () => {
    clinic = openTestClinic({ role: 'reception' });
    const created = await clinic.dispatch('therapists:create', { name: 'Sam' });
    expect(created).toMatchObject({ ok: false, code: 'forbidden' });
    expect(clinic.db.prepare('SELECT count(*) AS n FROM therapists').get()).toEqual({ n: 0 });
    // Reception may not read clinical notes either.
    expect(await clinic.dispatch('treatments:get', { id: 1 })).toMatchObject({ ok: false, code: 'forbidden' });
    // ...but may look clients up.
    expect(await clinic.dispatch('clients:search', {})).toMatchObject({ ok: true });
  });

  it('refuses an unknown call name, including prototype keys', async () => {
    clinic = openTestClinic();
    expect(await clinic.dispatch('clients:drop', {})).toMatchObject({ ok: false, code: 'unknown-call' });
    expect(await clinic.dispatch('toString', {})).toMatchObject({ ok: false, code: 'unknown-call' });
    expect(await clinic.dispatch('__proto__', {})).toMatchObject({ ok: false, code: 'unknown-call' });
  });

  it('turns an unexpected failure into a plain message with no stack trace', async () => {
    clinic = openTestClinic();
    const logged: string[] = [];
    const dispatch = createDispatcher(() => ({ db: clinic.db, today: () => '2026-03-02', now: () => '2026-03-02T09:00', session: sessionAs(['admin']), version: 't', dataDir: clinic.dataDir }), {
      handlers: { ...handlers, 'therapists:list': () => { throw new Error('SQLITE_CORRUPT at /secret/path'); } },
      logger: { error: (m) => logged.push(m) },
    });
    const result = await dispatch('therapists:list', {});
    expect(result).toMatchObject({ ok: false, code: 'internal' });
    if (!result.ok) expect(result.message).not.toMatch(/SQLITE|secret|at /);
    expect(logged).toEqual(['therapists:list failed']);
  });
});

describe('dates out of range, refused in main with the field named (today 02/03/2026)', () => {
  const refusal = (field: string, message: string) => ({ ok: false, code: 'invalid', message, fields: { [field]: message } });
  const raceWindow = 'Race date: must be within 5 years of today (02/03/2021 to 02/03/2031).';

  it('a race in 1900 or 2200, created or moved, and nothing is written', async () => {
    clinic = openTestClinic();
    const paula = await clinic.call<{ id: number }>('clients:create', { firstName: 'Paula', lastName: 'Radcliffe' });
    const race = { clientId: paula.id, name: 'Brighton Marathon', distance: 'marathon' };
    expect(await clinic.dispatch('races:create', { ...race, date: '1900-04-12' })).toEqual(refusal('date', raceWindow));
    expect(await clinic.dispatch('races:create', { ...race, date: '2200-04-12' })).toEqual(refusal('date', raceWindow));
    expect(await clinic.dispatch('races:create', { ...race, date: '2021-03-01' })).toEqual(refusal('date', raceWindow));
    expect(clinic.db.prepare('SELECT count(*) FROM races').pluck().get()).toBe(0);

    const stored = await clinic.call<{ id: number; updatedAt: string }>('races:create', { ...race, date: '2026-04-12' });
    expect(await clinic.dispatch('races:update', { id: stored.id, updatedAt: stored.updatedAt, date: '1900-04-12' })).toEqual(refusal('date', raceWindow));
    expect(await clinic.dispatch('races:update', { id: stored.id, updatedAt: stored.updatedAt, date: '2200-04-12' })).toEqual(refusal('date', raceWindow));
    expect(clinic.db.prepare('SELECT date FROM races').pluck().all()).toEqual(['2026-04-12']);
  });

  it('a consent date or date of birth after today or before 1900, created or edited, and nothing is written', async () => {
    clinic = openTestClinic();
    const ada = { firstName: 'Ada', lastName: 'Okafor' };
    const future = (label: string) => `${label}: cannot be after today (02/03/2026).`;
    const early = (label: string) => `${label}: must be on or after 01/01/1900.`;
    expect(await clinic.dispatch('clients:create', { ...ada, consentDate: '2200-01-01' })).toEqual(refusal('consentDate', future('Consent date')));
    expect(await clinic.dispatch('clients:create', { ...ada, consentDate: '1899-12-31' })).toEqual(refusal('consentDate', early('Consent date')));
    expect(await clinic.dispatch('clients:create', { ...ada, dateOfBirth: '1899-12-31' })).toEqual(refusal('dateOfBirth', early('Date of birth')));
    expect(clinic.db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(0);

    const stored = await clinic.call<{ id: number; updatedAt: string }>('clients:create', { ...ada, consentDate: '2026-02-01' });
    const edit = { id: stored.id, updatedAt: stored.updatedAt };
    expect(await clinic.dispatch('clients:update', { ...edit, consentDate: '2026-03-03' })).toEqual(refusal('consentDate', future('Consent date')));
    expect(await clinic.dispatch('clients:update', { ...edit, dateOfBirth: '1899-12-31' })).toEqual(refusal('dateOfBirth', early('Date of birth')));
    expect(clinic.db.prepare('SELECT consent_date, date_of_birth FROM clients').all()).toEqual([{ consent_date: '2026-02-01', date_of_birth: null }]);
  });
});
