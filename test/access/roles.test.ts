import { afterEach, describe, expect, it } from 'vitest';
import { CALL_NAMES } from '../../shared/api/calls';
import { contract, type CallName } from '../../shared/api/contract';
import { ROLES, type Role } from '../../shared/vocabulary';
import { openTestClinic, type TestClinic } from '../support/clinic';

// Roles are enforced in main, per call: the table below is generated from the contract and the
// dispatcher is asserted against every cell of it, so a call added with the wrong roles, or a
// dispatcher that stops checking, fails here.

let clinic: TestClinic;
afterEach(() => clinic?.close());

/** An input no schema accepts: an allowed call answers `invalid`, never running its service. */
const PROBE = { 'not a field': true };

const access = (name: CallName) => (contract[name] as { access?: string }).access;
const roleTable = Object.fromEntries(
  CALL_NAMES.map((name) => [name, Object.fromEntries(ROLES.map((role) => [role, access(name) === 'signed-out' || (contract[name].roles).includes(role)]))]),
) as Record<CallName, Record<Role, boolean>>;

describe('roles, per call, in main', () => {
  for (const role of ROLES) {
    it(`signed in as ${role} only: every call is allowed or refused exactly as the contract says`, async () => {
      clinic = openTestClinic({ role });
      const mismatches: string[] = [];
      for (const name of CALL_NAMES) {
        const result = await clinic.dispatch(name, PROBE);
        const refused = !result.ok && result.code === 'forbidden';
        if (refused === roleTable[name][role]) mismatches.push(`${name}: ${refused ? 'refused' : 'allowed'}`);
      }
      expect(mismatches).toEqual([]);
    });
  }

  it('signed out, only sign-in and the start-up state answer; everything else asks to sign in', async () => {
    clinic = openTestClinic({ signedIn: false });
    for (const name of CALL_NAMES) {
      const result = await clinic.dispatch(name, PROBE);
      if (access(name) === 'signed-out') expect(result, name).not.toMatchObject({ code: 'signed-out' });
      else expect(result, name).toMatchObject({ ok: false, code: 'signed-out', message: 'Sign in to go on.' });
    }
  });

  it('keeps clinical notes from reception and administrators who do not treat, and people, settings and the audit trail for administrators', () => {
    const allowed = (role: Role) => CALL_NAMES.filter((n) => access(n) !== 'signed-out' && roleTable[n][role]);
    expect(allowed('reception').filter((n) => n.startsWith('treatments:'))).toEqual([]);
    expect(allowed('admin').filter((n) => n.startsWith('treatments:'))).toEqual([]);
    expect(CALL_NAMES.filter((n) => /^(users|audit|security):|^(hours:set|appointmentTypes:create|appointmentTypes:update|backups:restore|therapists:create)$/.test(n))
      .filter((n) => roleTable[n].reception || roleTable[n].therapist)).toEqual([]);
  });
});
