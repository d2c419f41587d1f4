import type { Appointment, AppointmentType, Client, Therapist } from '../../shared/api/types';
import { ALL_ROLES, openTestClinic, type TestClinic } from '../support/clinic';

// A small clinic for the front-desk tests: today is Monday 2 March 2026; the clinic opens
// Monday to Friday 08:00-20:00 and Saturday 09:00-14:00 (the seeded hours).

export const TODAY = '2026-03-02';

export interface FrontDesk {
  clinic: TestClinic;
  sam: Therapist;
  priya: Therapist;
  ada: Client;
  ben: Client;
  /** Seeded appointment types by name. */
  type(name: string): AppointmentType;
  book(input: Record<string, unknown>): Promise<Appointment>;
  /** Every appointment row, for "nothing was written" checks. */
  rows(): unknown[];
}

export async function openFrontDesk(options: { role?: 'admin' | 'therapist' | 'reception'; dataDir?: string } = {}): Promise<FrontDesk> {
  // Set up as an administrator, then act in the role under test.
  const setup = openTestClinic({ today: TODAY, ...(options.dataDir ? { dataDir: options.dataDir } : {}) });
  const sam = await setup.call<Therapist>('therapists:create', { name: 'Sam Reid' });
  const priya = await setup.call<Therapist>('therapists:create', { name: 'Priya Nair' });
  const ada = await setup.call<Client>('clients:create', { firstName: 'Ada', lastName: 'Okafor', medicalAlerts: 'On anticoagulants: no deep tissue.' });
  const ben = await setup.call<Client>('clients:create', { firstName: 'Ben', lastName: 'Smith' });
  const types = await setup.call<AppointmentType[]>('appointmentTypes:list');
  // Sam signs in (every role): notes are always the signed-in therapist's.
  setup.actAs({ roles: ALL_ROLES, therapistId: sam.id, name: 'Sam Reid' });
  let clinic = setup;
  if (options.role && options.role !== 'admin') {
    setup.storage.close(); // releases the folder lock for the clinic opened in the role under test
    clinic = openTestClinic({ today: TODAY, role: options.role, dataDir: setup.dataDir });
  }
  return {
    clinic,
    sam,
    priya,
    ada,
    ben,
    type: (name) => {
      const found = types.find((t) => t.name === name);
      if (!found) throw new Error(`No appointment type called ${name}`);
      return found;
    },
    book: (input) => clinic.call<Appointment>('appointments:book', input),
    rows: () => clinic.db.prepare('SELECT * FROM appointments ORDER BY id').all(),
  };
}

/** Every key anywhere in a value: for "no note field" checks. */
export function keysOf(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keysOf(item, found);
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      found.add(key);
      keysOf(inner, found);
    }
  }
  return found;
}

/** Every string anywhere in a value. */
export function stringsOf(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string') found.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsOf(item, found);
  else if (value !== null && typeof value === 'object') for (const inner of Object.values(value)) stringsOf(inner, found);
  return found;
}

/**
 * Keys that would carry clinical notes or the free-text notes kept on clients, races and
 * appointments. (A recall contact's `note` is reception's own call log, not one of these.)
 */
export const NOTE_KEYS = /^(notes|subjective|objective|assessment|plan|advice|areas|techniques|overrideReason|painBefore|painAfter|nextBooking)$/i;
