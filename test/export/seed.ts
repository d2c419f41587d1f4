import type { Client, Race, Therapist, Treatment } from '../../shared/api/types';
import { ALL_ROLES, type TestClinic } from '../support/clinic';

// A small clinic with a row in every table people fill: two therapists, clients whose names
// need care in CSV (commas, quotes, line breaks, accents, other scripts), races with a plan,
// appointments, treatment notes with their guidance, a recall contact and working hours.

export interface Seeded {
  sam: Therapist;
  jo: Therapist;
  zoe: Client;
  tricky: Client;
  quiet: Client;
  zoeRace: Race;
  zoeNotes: Treatment[];
  trickyNotes: Treatment[];
}

export async function seedClinic(clinic: TestClinic): Promise<Seeded> {
  const sam = await clinic.call<Therapist>('therapists:create', { name: 'Sam Reid' });
  const jo = await clinic.call<Therapist>('therapists:create', { name: 'Jo Ng' });
  const zoe = await clinic.call<Client>('clients:create', {
    firstName: 'Zoë', lastName: 'Łukasiewicz-Ó Briain', dateOfBirth: '1988-04-09', phone: '07700 900123', email: 'zoe@example.org',
    medicalAlerts: 'Asthma: inhaler in bag', hotspots: ['left calf', 'ITB'], usualTherapistId: sam.id,
    consentTreatment: true, consentData: true, consentDate: '2025-11-03', notes: 'Prefers mornings',
  });
  const tricky = await clinic.call<Client>('clients:create', {
    firstName: 'Mo "The Rocket"', lastName: "O'Brien, Jr", notes: 'First line\nsecond line, with a comma\r\nthird "quoted" line',
    emergencyContactName: '王小明', emergencyContactPhone: '+44 20 7946 0000',
  });
  const quiet = await clinic.call<Client>('clients:create', { firstName: 'Nia', lastName: 'Quiet' });

  const zoeRace = await clinic.call<Race>('races:create', {
    clientId: zoe.id, name: 'Manchester Marathon', date: '2026-04-19', distance: 'marathon', planStart: '2026-01-05', goalTime: '3:29:59', notes: 'Sub 3:30, "if the wind allows"',
  });
  await clinic.call('races:create', { clientId: tricky.id, name: 'Parkrun, Heaton', date: '2026-03-21', distance: '5k', priority: 'C' });
  await clinic.call('plans:addSession', { raceId: zoeRace.id, date: '2026-03-08', distance: 30, kind: 'long', title: 'Long run, 30 km' });

  const types = await clinic.call<{ id: number; name: string }[]>('appointmentTypes:list', {});
  await clinic.call('appointments:book', { clientId: zoe.id, therapistId: sam.id, typeId: types[0]!.id, startsAt: '2026-03-03T10:00', acknowledgeWarning: true, confirmOutsideHours: true });
  await clinic.call('appointments:book', { clientId: tricky.id, therapistId: jo.id, typeId: types[1]!.id, startsAt: '2026-03-04T14:00', acknowledgeWarning: true, confirmOutsideHours: true });
  await clinic.call('hours:set', {
    therapistId: jo.id,
    days: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: weekday < 6 ? '09:00' : null, end: weekday < 6 ? '17:00' : null })),
  });
  await clinic.call('recall:contact', { clientId: zoe.id, date: '2026-02-20', note: 'Left a voicemail', by: 'Reception' });

  // A note is always its therapist's: sign in as them to log it.
  const note = (clientId: number, therapistId: number, date: string, subjective: string, extra: Record<string, unknown> = {}) => {
    clinic.actAs({ therapistId });
    return clinic.call<Treatment>('treatments:log', {
      clientId, therapistId, date, intensity: 'light', subjective, objective: `Objective for ${subjective}`,
      assessment: 'Tight, improving', plan: 'Flush before race week', areas: [{ region: 'calf', side: 'left' }], techniques: ['effleurage'],
      painBefore: 4, painAfter: 2, advice: 'Foam roll, easy days easy', ...extra,
    });
  };
  const zoeNotes = [
    await note(zoe.id, sam.id, '2026-01-12', 'Calves heavy after intervals'),
    await note(zoe.id, jo.id, '2026-02-09', 'Hamstring niggle on long runs', { sore: true }),
    await note(zoe.id, sam.id, '2026-02-27', 'Feeling fresh, peak week done'),
  ];
  const trickyNotes = [await note(tricky.id, jo.id, '2026-02-14', 'Shin splints, says "it\'s fine", isn\'t')];
  clinic.actAs({ roles: ALL_ROLES });
  return { sam, jo, zoe, tricky, quiet, zoeRace, zoeNotes, trickyNotes };
}
