import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_NAMES } from '../../shared/api/calls';
import { contract, type CallName } from '../../shared/api/contract';
import type { Appointment, AppointmentType, Client, PlanSession, Race, Therapist, Treatment } from '../../shared/api/types';
import { stringsOf } from '../appointments/front-desk';
import { ALL_ROLES, makeDataDir, openTestClinic, type TestClinic } from '../support/clinic';

// Reception never receives a clinical note field, from any call. Every call reception may make
// is made here as reception, over a clinic whose notes all carry a marker; each answer is walked
// for note keys and for the marker. A call reception may make with no example below fails the test.

const MARK = 'ZZ-CLINICAL';
/** The note fields the issue names: SOAP, techniques, areas, pain, advice and override reasons. */
const NOTE_FIELDS = new Set(['subjective', 'objective', 'assessment', 'plan', 'techniques', 'areas', 'painBefore', 'painAfter', 'advice', 'overrideReason']);

/** Note fields anywhere in a value. (A training plan's `plan` is an object, a SOAP plan is text.) */
function noteFieldsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) noteFieldsIn(item, found);
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const trainingPlan = key === 'plan' && inner !== null && typeof inner === 'object' && !Array.isArray(inner);
      if (NOTE_FIELDS.has(key) && !trainingPlan) found.push(key);
      noteFieldsIn(inner, found);
    }
  }
  return found;
}

let clinic: TestClinic;
let ids: { sam: Therapist; ada: Client; race: Race; type: AppointmentType; booked: Appointment; session: PlanSession; treatment: Treatment };

beforeAll(async () => {
  // The day sheet's PDF is saved where the (stand-in) dialog says, from the (stand-in) window.
  const sheetFile = path.join(makeDataDir('fettle-sheet-'), 'day-sheet.pdf');
  clinic = openTestClinic({
    choosePath: (purpose) => Promise.resolve(purpose === 'daysheet-save' ? sheetFile : null),
    printWindowToPdf: () => Promise.resolve(new TextEncoder().encode('%PDF-1.7 the page the window shows')),
  });
  const sam = await clinic.call<Therapist>('therapists:create', { name: 'Sam Reid' });
  clinic.actAs({ roles: ALL_ROLES, therapistId: sam.id, name: 'Sam Reid' });
  const ada = await clinic.call<Client>('clients:create', { firstName: 'Ada', lastName: 'Okafor', medicalAlerts: 'Warfarin', usualTherapistId: sam.id });
  const race = await clinic.call<Race>('races:create', { clientId: ada.id, name: 'Spring Marathon', date: '2026-03-07', distance: 'marathon' });
  const session = await clinic.call<PlanSession>('plans:addSession', { raceId: race.id, date: '2026-03-05', distance: 20, kind: 'long' });
  const treatment = await clinic.call<Treatment>('treatments:log', {
    clientId: ada.id, therapistId: sam.id, date: '2026-03-02', intensity: 'deep', overrideReason: `${MARK} reason`,
    areas: [{ region: `${MARK} calf`, side: 'left' }], techniques: [`${MARK} technique`], subjective: `${MARK} S`, objective: `${MARK} O`,
    assessment: `${MARK} A`, plan: `${MARK} P`, painBefore: 6, painAfter: 2, advice: `${MARK} advice`, nextBooking: '2026-03-20',
  });
  const [type] = await clinic.call<AppointmentType[]>('appointmentTypes:list');
  const booked = await clinic.call<Appointment>('appointments:book', { clientId: ada.id, therapistId: sam.id, typeId: type!.id, startsAt: '2026-03-04T10:00', acknowledgeWarning: true, confirmOutsideHours: true });
  ids = { sam, ada, race, type: type!, booked, session, treatment };
  clinic.actAs({ roles: ['reception'], name: 'Jo at the desk' });
});
afterAll(() => clinic.close());

const PLAN_CSV = 'Date,Miles,Title\n2026-03-06,5,Easy\n';

/** One input per call reception may make (writes included: they answer with records too). */
function examples(): Partial<Record<CallName, unknown[]>> {
  const { sam, ada, race, type, booked, session } = ids;
  return {
    'app:info': [{}], 'storage:status': [{}], 'storage:retry': [{}], 'backups:status': [{}], 'backups:run': [{}],
    'jobs:progress': [{ job: 'none' }],
    'session:status': [{}], 'session:touch': [{}],
    // Sign-in calls answer about the session; made without changing who is signed in.
    'session:setup': [{ name: 'X', secretKind: 'pin', secret: '1234' }], 'session:signIn': [{ userId: 999, secret: 'x' }],
    'session:unlock': [{ secret: 'x' }], 'session:recover': [{ userId: 999, recoveryKey: 'x', secretKind: 'pin', secret: '1234' }],
    'therapists:list': [{}],
    'clients:search': [{}, { query: 'ada' }],
    'clients:get': [{ id: ada.id }],
    'clients:create': [{ firstName: 'Ben', lastName: 'Smith' }],
    'clients:update': [{ id: ada.id, updatedAt: ada.updatedAt, phone: '01234 567890' }],
    'clients:archive': [{ id: ada.id }], 'clients:restore': [{ id: ada.id }],
    'races:upcoming': [{}],
    'races:create': [{ clientId: ada.id, name: '10k', date: '2026-05-01', distance: '10k' }],
    'races:update': [{ id: race.id, updatedAt: race.updatedAt, goalTime: '3:30:00' }],
    'guidance:forClient': [{ clientId: ada.id, date: '2026-03-02', therapistId: sam.id }],
    'diary:range': [{ from: '2026-03-02', to: '2026-03-08' }],
    'appointments:book': [{ clientId: ada.id, therapistId: sam.id, typeId: type.id, startsAt: '2026-03-06T10:00', acknowledgeWarning: true, confirmOutsideHours: true }],
    'appointments:move': [{ id: booked.id, startsAt: '2026-03-04T11:00', acknowledgeWarning: true, confirmOutsideHours: true }],
    'appointments:setStatus': [{ id: booked.id, status: 'cancelled', reason: 'Ill' }],
    'appointments:check': [{ clientId: ada.id, therapistId: sam.id, startsAt: '2026-03-05T10:00' }],
    'appointmentTypes:list': [{}], 'hours:get': [{}], 'today:list': [{}], 'recall:list': [{}],
    'recall:contact': [{ clientId: ada.id, note: 'Left a message' }],
    'daysheet:get': [{ date: '2026-03-04' }],
    'daysheet:savePdf': [{ date: '2026-03-04' }],
    'plans:get': [{ id: race.id }],
    'plans:preview': [{ raceId: race.id, format: 'csv', text: PLAN_CSV }],
    'plans:import': [{ raceId: race.id, format: 'csv', text: PLAN_CSV }],
    'plans:addSession': [{ raceId: race.id, date: '2026-03-07', distance: 10, kind: 'easy' }],
    'plans:updateSession': [{ id: session.id, date: '2026-03-05', distance: 21, kind: 'long' }],
    'plans:removeSession': [{ id: session.id }],
    // Last: removing the race ends its plan.
    'races:remove': [{ id: race.id }],
    'session:lock': [{}], 'session:signOut': [{}],
  };
}

describe('reception', () => {
  it('receives no note field and no note text from any call it may make', async () => {
    const mayCall = CALL_NAMES.filter((n) => (contract[n] as { access?: string }).access === 'signed-out' || (contract[n].roles as readonly string[]).includes('reception'));
    const table = examples();
    expect(mayCall.filter((n) => !table[n])).toEqual([]);
    const answered: string[] = [];
    for (const name of Object.keys(table) as CallName[]) {
      for (const input of table[name]!) {
        const result = await clinic.dispatch(name, input);
        if (result.ok) answered.push(name);
        const leaked = noteFieldsIn(result);
        expect(leaked, `${name} answered with note fields`).toEqual([]);
        expect(stringsOf(result).filter((s) => s.includes(MARK)), `${name} answered with note text`).toEqual([]);
      }
    }
    // The walk means something only if the calls worked: every reception call but the sign-in ones answered.
    const signIn = new Set(['session:setup', 'session:signIn', 'session:unlock', 'session:recover']);
    expect(mayCall.filter((n) => !signIn.has(n) && !answered.includes(n))).toEqual([]);
  });

  it('cannot open, log, edit or amend a note', async () => {
    clinic.actAs({ roles: ['reception'], name: 'Jo at the desk' });
    const { ada, sam, treatment } = ids;
    for (const [name, input] of [
      ['treatments:get', { id: treatment.id }],
      ['treatments:log', { clientId: ada.id, therapistId: sam.id, date: '2026-03-02', intensity: 'light' }],
      ['treatments:edit', { id: treatment.id, subjective: 'x', objective: '', assessment: '', plan: '', advice: '', authorOnly: false }],
      ['treatments:amend', { id: treatment.id, text: 'x', reason: 'y' }],
    ] as const) {
      expect(await clinic.dispatch(name, input), name).toMatchObject({ ok: false, code: 'forbidden' });
    }
  });
});
