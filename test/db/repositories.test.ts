import { afterEach, describe, expect, it } from 'vitest';
import { getAppointment, insertAppointment } from '../../electron/db/repositories/appointments';
import { BLANK_CLIENT, insertClient } from '../../electron/db/repositories/clients';
import { getAppointmentType, insertAppointmentType } from '../../electron/db/repositories/schedule';
import { insertTherapist } from '../../electron/db/repositories/therapists';
import { getTreatment, insertAmendment, insertTreatment } from '../../electron/db/repositories/treatments';
import { openTestClinic, type TestClinic } from '../support/clinic';

// One repository style: an insert returns the record as stored, read back the way its getter
// reads it, so a service never has to fetch what it has just written.

let clinic: TestClinic;
afterEach(() => clinic.close());

function clinicWithClient() {
  clinic = openTestClinic();
  const db = clinic.db;
  return { db, client: insertClient(db, { ...BLANK_CLIENT, firstName: 'Mo', lastName: 'Farah' }), sam: insertTherapist(db, 'Sam Reid') };
}

describe('inserts return the stored record', () => {
  it('an appointment type', () => {
    const { db } = clinicWithClient();
    const type = insertAppointmentType(db, { name: 'Sports massage', durationMin: 45, intensity: 'moderate' });
    expect(type).toEqual({ id: expect.any(Number) as number, name: 'Sports massage', durationMin: 45, intensity: 'moderate', active: true });
    expect(type).toEqual(getAppointmentType(db, type.id));
  });

  it('an appointment, with the end SQLite computed', () => {
    const { db, client, sam } = clinicWithClient();
    const appointment = insertAppointment(db, { clientId: client.id, therapistId: sam.id, startsAt: '2026-03-03T10:00', durationMin: 45 });
    expect(appointment).toMatchObject({ clientName: 'Mo Farah', therapistName: 'Sam Reid', endsAt: '2026-03-03T10:45', status: 'booked' });
    expect(appointment).toEqual(getAppointment(db, appointment.id));
  });

  it('an amendment, as the note then lists it', () => {
    const { db, client, sam } = clinicWithClient();
    const note = insertTreatment(db, {
      clientId: client.id, therapistId: sam.id, date: '2026-02-01', intensity: 'light', sore: false, phase: 'base', ceiling: 'deep',
      guidanceHeadline: 'Deep tissue OK', overrideReason: null, areas: [], techniques: [], subjective: '', objective: '', assessment: '',
      plan: '', painBefore: null, painAfter: null, advice: '', nextBooking: null, authorUserId: null, authorOnly: false, editableUntil: null,
    });
    const user = clinic.session.user!;
    const amendment = insertAmendment(db, { treatmentId: note.id, userId: user.id, authorName: 'Sam Reid', at: '2026-03-02T09:00:00.000Z', reason: 'Typo', text: 'Left calf, not right.' });
    expect(amendment).toEqual({ id: expect.any(Number) as number, authorName: 'Sam Reid', at: '2026-03-02T09:00:00.000Z', reason: 'Typo', text: 'Left calf, not right.' });
    expect(getTreatment(db, note.id)!.amendments).toEqual([amendment]);
  });
});
