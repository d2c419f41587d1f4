import type { z } from 'zod';
import type { guidanceRequest, treatmentAmendment, treatmentEdit, treatmentInput } from '../../shared/api/schemas';
import { addDays } from '../../shared/guidance/days';
import type { Treatment } from '../../shared/api/types';
import { INTENSITY_LABEL, intensityRank, type Guidance } from '../../shared/guidance';
import { upcomingAppointmentsOfClient } from '../db/repositories/appointments';
import { racesOfClient } from '../db/repositories/races';
import { getTherapist } from '../db/repositories/therapists';
import * as treatments from '../db/repositories/treatments';
import { writeTransaction } from '../db/sql';
import { ClinicError, notFound, type ServiceContext } from './context';
import { requireClient } from './clients';
import { appointmentToComplete, completeAppointment } from './completion';
import { guidanceFromRecords, plansOf, therapistNames } from './guidance';

/** The guidance for one client on one date, as a given therapist would treat (sore or not). */
export function guidanceForClient(ctx: ServiceContext, input: z.output<typeof guidanceRequest>): Guidance {
  const client = requireClient(ctx, input.clientId);
  const races = racesOfClient(ctx.db, input.clientId);
  return guidanceFromRecords({
    date: input.date,
    races,
    plans: plansOf(ctx.db, races),
    treatments: treatments.treatmentHistoryOfClients(ctx.db, [input.clientId]).get(input.clientId) ?? [],
    appointments: upcomingAppointmentsOfClient(ctx.db, input.clientId, `${input.date}T00:00`),
    therapistId: input.therapistId,
    sore: input.sore,
    therapistNames: therapistNames(ctx),
    clientName: client.firstName,
  });
}

/**
 * Logs a treatment with the guidance in force at the time. Going above the ceiling needs a
 * reason, which is stored with the notes; a reason given for an intensity within the guidance is
 * refused rather than dropped, so the therapist sees what the record will say.
 */
type LoggedTreatment = Omit<z.output<typeof treatmentInput>, 'authorOnly'> & { authorOnly?: boolean };

export function logTreatment(ctx: ServiceContext, input: LoggedTreatment, authorUserId: number | null = null): Treatment {
  const client = requireClient(ctx, input.clientId);
  if (client.archived) throw new ClinicError('conflict', `${client.firstName} ${client.lastName} is archived. Restore the client before logging a treatment.`);
  const therapist = getTherapist(ctx.db, input.therapistId);
  if (!therapist) throw new ClinicError('invalid', 'Therapist: that therapist is not on file.', { therapistId: 'That therapist is not on file.' });
  if (!therapist.active) throw new ClinicError('invalid', `Therapist: ${therapist.name} is no longer active.`, { therapistId: `${therapist.name} is no longer active.` });
  if (input.date > ctx.today()) throw new ClinicError('invalid', 'Date: a treatment cannot be logged for a future date.', { date: 'A treatment cannot be logged for a future date.' });

  const reason = input.overrideReason?.trim() || null;
  return writeTransaction(ctx.db, () => {
    // Computed inside the transaction so the snapshot matches the history the row joins.
    const guidance = guidanceForClient(ctx, { clientId: input.clientId, date: input.date, therapistId: input.therapistId, sore: input.sore });
    const above = intensityRank(input.intensity) > intensityRank(guidance.ceiling);
    if (above && !reason) {
      const message = `${INTENSITY_LABEL[input.intensity]} is above the guidance for this date (${INTENSITY_LABEL[guidance.ceiling]}). Give a reason to go above it.`;
      throw new ClinicError('invalid', `Reason for going above the guidance: ${message}`, { overrideReason: message });
    }
    if (!above && reason) {
      const message = `${INTENSITY_LABEL[input.intensity]} is within the guidance for this date (up to ${INTENSITY_LABEL[guidance.ceiling]}), so there is nothing to give a reason for. Clear the reason, or check the intensity given.`;
      throw new ClinicError('invalid', `Reason for going above the guidance: ${message}`, { overrideReason: message });
    }
    // Logged from an appointment: that appointment is completed in the same transaction.
    const { appointmentId, authorOnly = false, ...fields } = input;
    const appointment = appointmentId === null ? null : appointmentToComplete(ctx, { ...fields, appointmentId });
    const treatment = treatments.insertTreatment(ctx.db, {
      ...fields,
      phase: guidance.phase,
      ceiling: guidance.ceiling,
      guidanceHeadline: guidance.headline,
      overrideReason: reason,
      authorUserId,
      authorOnly,
      // Open to its author's corrections until the end of the next day; then amendments only.
      // A note with no signed-in author (the sample clinic, imports) has no one to correct it.
      editableUntil: authorUserId === null ? null : `${addDays(ctx.today(), 2)}T00:00`,
    });
    if (appointment) completeAppointment(ctx, appointment.id, treatment.id);
    return { ...treatment, locked: isLocked(ctx, treatment) };
  });
}

export function getTreatment(ctx: ServiceContext, id: number): Treatment {
  const treatment = treatments.getTreatment(ctx.db, id);
  if (!treatment) throw notFound('treatment');
  return { ...treatment, locked: isLocked(ctx, treatment) };
}

/** Locked: past its editable time, or from before notes had authors. */
export const isLocked = (ctx: ServiceContext, t: Pick<Treatment, 'editableUntil'>): boolean => t.editableUntil === null || ctx.now() >= t.editableUntil;

/** The note as `reader` may see it: an "author only" note is refused to everyone else. */
export function readTreatment(ctx: ServiceContext, id: number, reader: { userId: number }): Treatment {
  const treatment = getTreatment(ctx, id);
  if (treatment.authorOnly && treatment.authorUserId !== reader.userId) {
    throw new ClinicError('forbidden', `${treatment.therapistName} marked this note as for their eyes only.`);
  }
  return treatment;
}

/** The author's correction while the note is open. */
export function editTreatment(ctx: ServiceContext, input: z.output<typeof treatmentEdit>, author: { userId: number }): Treatment {
  return writeTransaction(ctx.db, () => {
    const treatment = getTreatment(ctx, input.id);
    if (treatment.authorUserId !== author.userId) throw new ClinicError('forbidden', `Only ${treatment.therapistName}, who wrote this note, can edit it; add an amendment instead.`);
    if (isLocked(ctx, treatment)) throw new ClinicError('conflict', 'This note is locked (notes can be edited until the end of the day after they are logged); add an amendment instead.');
    const { id, ...notes } = input;
    treatments.updateTreatmentNotes(ctx.db, id, notes);
    return getTreatment(ctx, id);
  });
}

/** A dated change to a locked note; the original stays as written. */
export function amendTreatment(ctx: ServiceContext, input: z.output<typeof treatmentAmendment>, author: { userId: number; name: string }): Treatment {
  return writeTransaction(ctx.db, () => {
    const treatment = readTreatment(ctx, input.id, author);
    if (!isLocked(ctx, treatment)) throw new ClinicError('conflict', 'This note is still open: edit it instead of amending it.');
    treatments.insertAmendment(ctx.db, { treatmentId: input.id, userId: author.userId, authorName: author.name, at: ctx.now(), reason: input.reason, text: input.text });
    return getTreatment(ctx, input.id);
  });
}
