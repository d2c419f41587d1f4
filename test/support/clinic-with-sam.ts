import { afterEach, beforeEach } from 'vitest';
import type { Therapist } from '../../shared/api/types';
import { ALL_ROLES, openTestClinic, type TestClinic } from './clinic';

/**
 * For a vitest file: a fresh clinic before each test with one therapist, Sam Reid, on file,
 * closed after it. Read `.clinic` and `.sam` inside the tests (they change from test to test).
 */
export function clinicWithSam(today = '2026-03-02'): { clinic: TestClinic; sam: Therapist } {
  const current = {} as { clinic: TestClinic; sam: Therapist };
  beforeEach(async () => {
    current.clinic = openTestClinic({ today });
    current.sam = await current.clinic.call<Therapist>('therapists:create', { name: 'Sam Reid' });
    // Sam signs in (every role): notes are always the signed-in therapist's.
    current.clinic.actAs({ roles: ALL_ROLES, therapistId: current.sam.id, name: 'Sam Reid' });
  });
  afterEach(() => current.clinic.close());
  return current;
}
