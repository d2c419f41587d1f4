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
