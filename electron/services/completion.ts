import type { Appointment } from '../../shared/api/types';
import { formatDate } from '../../shared/guidance';
import { completeWithTreatment, getAppointment } from '../db/repositories/appointments';
import { ClinicError, notFound, type ServiceContext } from './context';

// "Log treatment" from an appointment: the treatment form arrives with the client, date and
// therapist filled in, and saving the treatment completes the appointment in the same
// transaction. Kept apart from the booking service so treatments and booking import neither
// each other nor anything in a cycle.

/** The appointment a treatment is being logged from: this client's, on the treatment's day, not yet done. */
export function appointmentToComplete(ctx: ServiceContext, treatment: { appointmentId: number; clientId: number; date: string }): Appointment {
  const appointment = getAppointment(ctx.db, treatment.appointmentId);
  if (!appointment) throw notFound('appointment');
  if (appointment.clientId !== treatment.clientId) {
    const message = `That appointment is ${appointment.clientName}'s, not this client's.`;
    throw new ClinicError('invalid', message, { appointmentId: message });
  }
  if (appointment.status !== 'booked' && appointment.status !== 'arrived') {
    const message = `That appointment is already ${appointment.status === 'no-show' ? 'marked as a no-show' : appointment.status}, so no treatment can be logged against it.`;
    throw new ClinicError('conflict', message, { appointmentId: message });
  }
  const day = appointment.startsAt.slice(0, 10);
  if (day !== treatment.date) {
    const message = `The appointment was on ${formatDate(day)}: log the treatment for that day.`;
    throw new ClinicError('invalid', `Date: ${message}`, { date: message });
  }
  return appointment;
}

/** Completes the appointment and links the treatment to it (call inside the treatment's transaction). */
export function completeAppointment(ctx: ServiceContext, appointmentId: number, treatmentId: number): void {
  completeWithTreatment(ctx.db, appointmentId, treatmentId);
}
