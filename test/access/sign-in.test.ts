import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/api/dispatcher';
import { ClinicSession } from '../../electron/services/access/session';
import { waitAfterFailures } from '../../electron/services/access/people';
import { hashSecret, verifySecret } from '../../electron/services/access/secrets';
import { fixedClock } from '../../electron/services/context';
import type { AuditEvent, SessionStatus, SetupResult, UserAccount } from '../../shared/api/types';
import { openTestClinic, type TestClinic } from '../support/clinic';
import { TEST_SECRET_COST } from '../support/secrets';

// Signing in, as main sees it: a first administrator, people added by administrators, wrong
// secrets slowed down, a recovery key for a forgotten administrator password, the idle lock.

let clinic: TestClinic;
afterEach(() => clinic?.close());

const ADMIN_PASSWORD = 'Marathon-2026!';

/** A clinic on a clock the test moves, signed out, as on a first run. */
function firstRun() {
  let now = Date.parse('2026-03-02T09:00:00Z');
  clinic = openTestClinic({ signedIn: false });
  const session = new ClinicSession(() => now);
  const dispatch = createDispatcher(() => ({ db: clinic.db, ...fixedClock('2026-03-02'), session, secretCost: TEST_SECRET_COST, version: 't', dataDir: clinic.dataDir }));
  const call = async <T>(name: string, input: unknown = {}): Promise<T> => {
    const result = await dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.code}: ${result.message}`);
    return result.value as T;
  };
  return { dispatch, call, session, advance: (ms: number) => (now += ms) };
}

describe('the first run', () => {
  it('asks for an administrator, who may also treat; shows a recovery key once; then is done', async () => {
    const app = firstRun();
    expect(await app.call<SessionStatus>('session:status')).toMatchObject({ setupNeeded: true, state: 'signed-out', people: [] });
    expect(await app.dispatch('session:setup', { name: 'Maya Clarke', secretKind: 'password', secret: 'short', alsoTherapist: true }))
      .toMatchObject({ ok: false, fields: { secret: 'Password: use at least 8 characters.' } });
    const setup = await app.call<SetupResult>('session:setup', { name: 'Maya Clarke', secretKind: 'password', secret: ADMIN_PASSWORD, alsoTherapist: true });
    expect(setup.recoveryKey).toMatch(/^[A-Z2-9]{5}(-[A-Z2-9]{5}){4}$/);
    expect(setup.user).toMatchObject({ name: 'Maya Clarke', roles: ['admin', 'therapist'], therapistName: 'Maya Clarke' });
    expect(await app.call<SessionStatus>('session:status')).toMatchObject({ setupNeeded: false, state: 'signed-in', user: { name: 'Maya Clarke' } });
    expect(await app.dispatch('session:setup', { name: 'Mallory', secretKind: 'pin', secret: '0000' })).toMatchObject({ ok: false, code: 'conflict' });
  });
});

describe('signing in', () => {
  async function clinicWithPeople() {
    const app = firstRun();
    const { user, recoveryKey } = await app.call<SetupResult>('session:setup', { name: 'Maya Clarke', secretKind: 'password', secret: ADMIN_PASSWORD });
    const jo = await app.call<UserAccount>('users:create', { name: 'Jo Bell', roles: ['reception'], secretKind: 'pin', secret: '4821' });
    await app.call('session:signOut');
    return { ...app, admin: user, jo, recoveryKey };
  }

  it('takes the right PIN, refuses a wrong one by name, and slows guessing after two misses', async () => {
    const app = await clinicWithPeople();
    expect(await app.dispatch('clients:search', {})).toMatchObject({ ok: false, code: 'signed-out' });
    expect(await app.dispatch('session:signIn', { userId: app.jo.id, secret: '0000' })).toMatchObject({ ok: false, code: 'invalid', fields: { secret: 'That PIN is not right.' } });
    await app.dispatch('session:signIn', { userId: app.jo.id, secret: '0001' });
    expect(await app.dispatch('session:signIn', { userId: app.jo.id, secret: '0002' })).toMatchObject({ fields: { secret: 'That PIN is not right. Wait 5 seconds before the next try.' } });
    // Even the right PIN waits now.
    expect(await app.dispatch('session:signIn', { userId: app.jo.id, secret: '4821' })).toMatchObject({ ok: false, code: 'forbidden', message: 'Too many wrong tries for Jo Bell. Wait 5 seconds, then try again.' });
    app.advance(5_001);
    expect(await app.call<SessionStatus>('session:signIn', { userId: app.jo.id, secret: '4821' })).toMatchObject({ state: 'signed-in', user: { name: 'Jo Bell', roles: ['reception'] } });
    expect([3, 4, 5, 10, 20].map(waitAfterFailures)).toEqual([5_000, 10_000, 20_000, 300_000, 300_000]);
    // Who failed and when is in the trail.
    await app.call('session:signOut');
    await app.call('session:signIn', { userId: app.admin.id, secret: ADMIN_PASSWORD });
    const failed = await app.call<AuditEvent[]>('audit:list', { action: 'sign-in-failed' });
    expect(failed.map((e) => e.userName)).toEqual(['Jo Bell', 'Jo Bell', 'Jo Bell']);
  });

  it('locks after the idle time, keeps the person, and unlocks with their secret only', async () => {
    const app = await clinicWithPeople();
    await app.call('session:signIn', { userId: app.admin.id, secret: ADMIN_PASSWORD });
    await app.call('security:setIdle', { idleMinutes: 10 });
    app.advance(9 * 60_000);
    expect(await app.dispatch('clients:search', {})).toMatchObject({ ok: true }); // activity restarts the clock
    app.advance(10 * 60_000 + 1);
    expect(await app.dispatch('clients:search', {})).toMatchObject({ ok: false, code: 'signed-out', message: expect.stringContaining('locked itself after 10 minutes') });
    expect(await app.call<SessionStatus>('session:status')).toMatchObject({ state: 'locked', user: { name: 'Maya Clarke' } });
    expect(await app.dispatch('session:unlock', { secret: 'wrong one!' })).toMatchObject({ ok: false, code: 'invalid' });
    expect(await app.call<SessionStatus>('session:unlock', { secret: ADMIN_PASSWORD })).toMatchObject({ state: 'signed-in' });
    expect(await app.dispatch('clients:search', {})).toMatchObject({ ok: true });
  });

  it('a forgotten administrator password: the recovery key sets a new one, and its use is recorded', async () => {
    const app = await clinicWithPeople();
    const recover = { userId: app.admin.id, secretKind: 'password', secret: 'New-password-1' };
    expect(await app.dispatch('session:recover', { ...recover, recoveryKey: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE' })).toMatchObject({ ok: false, fields: { recoveryKey: expect.stringContaining('not right') } });
    expect(await app.dispatch('session:recover', { ...recover, userId: app.jo.id, recoveryKey: app.recoveryKey })).toMatchObject({ ok: false, code: 'forbidden' });
    // Typed from paper: lower case, spaces instead of dashes.
    expect(await app.call<SessionStatus>('session:recover', { ...recover, recoveryKey: app.recoveryKey.toLowerCase().replaceAll('-', ' ') })).toMatchObject({ state: 'signed-in', user: { name: 'Maya Clarke' } });
    await app.call('session:signOut');
    expect(await app.dispatch('session:signIn', { userId: app.admin.id, secret: ADMIN_PASSWORD })).toMatchObject({ ok: false });
    await app.call('session:signIn', { userId: app.admin.id, secret: 'New-password-1' });
    expect((await app.call<AuditEvent[]>('audit:list', { action: 'recovery-key-used' }))).toHaveLength(1);
  });

  it('keeps no password, PIN or recovery key in clear anywhere in the database files', async () => {
    const app = await clinicWithPeople();
    await app.call('session:signIn', { userId: app.admin.id, secret: ADMIN_PASSWORD });
    await app.call('users:resetSecret', { id: app.jo.id, secretKind: 'pin', secret: '97315' });
    clinic.db.pragma('wal_checkpoint(TRUNCATE)');
    const files = fs.readdirSync(clinic.dataDir).filter((f) => f.startsWith('fettle.sqlite')).map((f) => fs.readFileSync(`${clinic.dataDir}/${f}`));
    const bytes = Buffer.concat(files);
    for (const secret of [ADMIN_PASSWORD, '4821', '97315', app.recoveryKey, app.recoveryKey.replaceAll('-', '')]) {
      expect(bytes.includes(Buffer.from(secret, 'utf8')), secret).toBe(false);
      expect(bytes.includes(Buffer.from(secret, 'utf16le')), secret).toBe(false);
    }
    expect(clinic.db.prepare('SELECT secret_hash FROM users').pluck().all()).toEqual([expect.stringMatching(/^scrypt\$10\$8\$1\$/), expect.stringMatching(/^scrypt\$10\$8\$1\$/)]);
  });

  it('hashes with salt: the same secret twice gives two hashes, both of which verify', async () => {
    const [a, b] = await Promise.all([hashSecret('4821', TEST_SECRET_COST), hashSecret('4821', TEST_SECRET_COST)]);
    expect(a).not.toBe(b);
    expect(await verifySecret('4821', a)).toBe(true);
    expect(await verifySecret('4822', a)).toBe(false);
    expect(await verifySecret('4821', 'scrypt$garbage')).toBe(false);
  });
});

describe('managing people', () => {
  it('adds a therapist linked to their diary column, refuses a column already taken, and never lets an administrator lock themselves out', async () => {
    const app = firstRun();
    const { user: admin } = await app.call<SetupResult>('session:setup', { name: 'Maya Clarke', secretKind: 'password', secret: ADMIN_PASSWORD, alsoTherapist: true });
    const sam = await app.call<{ id: number }>('therapists:create', { name: 'Sam Reid' });
    expect(await app.dispatch('users:create', { name: 'Sam Reid', roles: ['therapist'], therapistId: null, secretKind: 'pin', secret: '2468' }))
      .toMatchObject({ ok: false, fields: { therapistId: 'Choose the diary column this therapist works in.' } });
    const samUser = await app.call<UserAccount>('users:create', { name: 'Sam Reid', roles: ['therapist'], therapistId: sam.id, secretKind: 'pin', secret: '2468' });
    expect(samUser).toMatchObject({ therapistName: 'Sam Reid', active: true });
    expect(samUser).not.toHaveProperty('secretHash');
    expect(await app.dispatch('users:create', { name: 'Sam Two', roles: ['therapist'], therapistId: sam.id, secretKind: 'pin', secret: '2468' }))
      .toMatchObject({ ok: false, code: 'conflict', fields: { therapistId: 'Sam Reid already signs in as that therapist.' } });
    expect(await app.dispatch('users:update', { id: admin.id, name: 'Maya Clarke', roles: ['therapist'], therapistId: admin.therapistId, active: true }))
      .toMatchObject({ ok: false, code: 'conflict' });
    await app.call('users:update', { id: samUser.id, name: 'Sam Reid', roles: ['therapist'], therapistId: sam.id, active: false });
    expect((await app.call<SessionStatus>('session:status')).people.map((p) => p.name)).toEqual(['Maya Clarke']);
    expect((await app.call<AuditEvent[]>('audit:list', { action: 'user-changed' }))[0]!.detail).toBe('Sam Reid: can no longer sign in');
  });
});
