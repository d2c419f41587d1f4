import type { z } from 'zod';
import type { appointmentBook, appointmentCheck, appointmentMove, appointmentStatus } from '../../shared/api/schemas';
import type {
  Appointment, AppointmentStatus, AppointmentType, BookingCheck, BookingClash, BookingWarning, Client, Therapist,
} from '../../shared/api/types';
import { INTENSITY_LABEL, PHASE_LABEL, formatDate, intensityRank, type Guidance } from '../../shared/guidance';
import * as appointments from '../db/repositories/appointments';
import { getAppointmentType } from '../db/repositories/schedule';
import { getTherapist } from '../db/repositories/therapists';
import { writeTransaction } from '../db/sql';
import { suggestedDates } from './booking-dates';
import { requireClient } from './clients';
import { ClinicError, notFound, staleEdit, type ServiceContext } from './context';
import { weeks } from './diary';
import { guidanceForClient } from './treatments';
import { addMinutes, dateOf, minutesOf, timeOf, timeSpan, weekdayOf } from './wall-clock';

// Booking, moving and marking appointments. Every rule is checked in main inside one
// BEGIN IMMEDIATE transaction, so two desks booking the same slot at the same moment cannot
// both succeed: the second waits for the first, then sees its appointment as a clash.

const LONGEST_MINUTES = 480;


/** Who did it, for the record: the name typed at the desk, else the signed-in role. */

interface Slot {
  clientId: number;
  therapistId: number;
  typeId: number | null;
  startsAt: string;
  durationMin: number;
  /** The appointment being moved, which never clashes with itself. */
  exceptId: number | null;
}

/** What the rules say about one slot for one client. */
interface Assessment {
  client: Client;
  therapist: Therapist;
  type: AppointmentType | null;
  startsAt: string;
  endsAt: string;
  guidance: Guidance;
  warnings: BookingWarning[];
  clashes: BookingClash[];
  outsideHours: string | null;
}

function requireTherapist(ctx: ServiceContext, id: number): Therapist {
  const therapist = getTherapist(ctx.db, id);
  if (!therapist) throw new ClinicError('invalid', 'Therapist: that therapist is not on file.', { therapistId: 'That therapist is not on file.' });
  if (!therapist.active) throw new ClinicError('invalid', `Therapist: ${therapist.name} is no longer active.`, { therapistId: `${therapist.name} is no longer active.` });
  return therapist;
}

function requireType(ctx: ServiceContext, id: number, keepInactive: boolean): AppointmentType {
  const type = getAppointmentType(ctx.db, id);
  if (!type) throw new ClinicError('invalid', 'Appointment type: that type is not on file.', { typeId: 'That type is not on file.' });
  if (!type.active && !keepInactive) throw new ClinicError('invalid', `Appointment type: ${type.name} is no longer offered.`, { typeId: `${type.name} is no longer offered.` });
  return type;
}

function requireBookable(ctx: ServiceContext, clientId: number): Client {
  const client = requireClient(ctx, clientId);
  if (client.archived) throw new ClinicError('conflict', `${client.firstName} ${client.lastName} is archived. Restore the client before booking.`, { clientId: 'This client is archived.' });
  return client;
}

function clashMessage(kind: BookingClash['kind'], other: Appointment): string {
  const when = `${timeSpan(other.startsAt, other.endsAt)} on ${formatDate(dateOf(other.startsAt))}`;
  return kind === 'therapist'
    ? `${other.therapistName} already has ${other.clientName} ${when}. Choose another time or therapist.`
    : `${other.clientName} is already booked with ${other.therapistName} ${when}. Choose another time.`;
}

const DAY_NAMES = ['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'];

/** Why [startsAt, endsAt) lies outside the therapist's working or the clinic's opening hours, or null. */
function outsideHours(ctx: ServiceContext, therapist: Therapist, startsAt: string, endsAt: string): string | null {
  const w = weeks(ctx);
  const weekday = weekdayOf(dateOf(startsAt));
  const from = minutesOf(timeOf(startsAt));
  const to = dateOf(endsAt) > dateOf(startsAt) ? 1440 : minutesOf(timeOf(endsAt));
  const within = (span: { start: string; end: string }) => from >= minutesOf(span.start) && to <= minutesOf(span.end);
  const span = timeSpan(startsAt, endsAt);
  const works = w.therapist(therapist.id).get(weekday);
  if (!works) return `${therapist.name} does not work on ${DAY_NAMES[weekday - 1]}. Confirm to book outside working hours.`;
  if (!within(works)) return `${span} is outside ${therapist.name}'s working hours (${works.start}–${works.end}). Confirm to book outside working hours.`;
  const open = w.clinic.get(weekday);
  if (!open) return `The clinic is closed on ${DAY_NAMES[weekday - 1]}. Confirm to book outside opening hours.`;
  if (!within(open)) return `${span} is outside the clinic's opening hours (${open.start}–${open.end}). Confirm to book outside opening hours.`;
  return null;
}

/** Warnings from the guidance that the booker must acknowledge. */
function bookingWarnings(guidance: Guidance, date: string, type: AppointmentType | null, therapist: Therapist, client: Client): BookingWarning[] {
  const warnings: BookingWarning[] = [];
  if (type && intensityRank(type.intensity) > intensityRank(guidance.ceiling)) {
    warnings.push({
      code: 'above-ceiling',
      message: `${type.name} is above the guidance for ${formatDate(date)}: ${INTENSITY_LABEL[guidance.ceiling]}. ${guidance.headline}`,
    });
  }
  const unfamiliar = guidance.ceilingRule === 'unfamiliar-therapist' || guidance.warnings.some((w) => w.code === 'unfamiliar-therapist-taper');
  if (unfamiliar) {
    warnings.push({
      code: 'unfamiliar-therapist',
      message: `${PHASE_LABEL[guidance.phase]}: ${therapist.name} has not treated ${client.firstName} in the past year, and a new therapist is not recommended this close to the race.`,
    });
  }
  return warnings;
}

function assess(ctx: ServiceContext, slot: Slot, keepInactiveType = false): Assessment {
  const client = requireBookable(ctx, slot.clientId);
  const therapist = requireTherapist(ctx, slot.therapistId);
  const type = slot.typeId === null ? null : requireType(ctx, slot.typeId, keepInactiveType);
  const startsAt = slot.startsAt;
  const endsAt = addMinutes(startsAt, slot.durationMin);
  if (dateOf(endsAt) > dateOf(startsAt) && timeOf(endsAt) !== '00:00') {
    const message = `An appointment must end by midnight; ${timeOf(startsAt)} plus ${slot.durationMin} minutes runs into the next day.`;
    throw new ClinicError('invalid', `Duration: ${message}`, { durationMin: message });
  }
  const clashes = appointments
    .clashesWith(ctx.db, { ...slot, endsAt, earliestStart: addMinutes(startsAt, -LONGEST_MINUTES), exceptId: slot.exceptId })
    .map(({ kind, appointment }): BookingClash => ({ kind, appointmentId: appointment.id, message: clashMessage(kind, appointment) }));
  const date = dateOf(startsAt);
  const guidance = guidanceForClient(ctx, { clientId: client.id, date, therapistId: therapist.id, sore: false });
  return {
    client, therapist, type, startsAt, endsAt, guidance, clashes,
    warnings: bookingWarnings(guidance, date, type, therapist, client),
    outsideHours: outsideHours(ctx, therapist, startsAt, endsAt),
  };
}

const warningText = (a: Assessment): string => a.warnings.map((w) => w.message).join(' ');

/**
 * Refuses, writing nothing, when the slot clashes or a confirmation is missing.
 * `alreadyAcknowledged` / `alreadyConfirmed`: a move that raises nothing new asks nothing again.
 */
function refuseUnlessClear(
  a: Assessment,
  given: { acknowledgeWarning: boolean; confirmOutsideHours: boolean },
  already: { acknowledged: string | null; outsideHoursConfirmed: boolean } = { acknowledged: null, outsideHoursConfirmed: false },
): void {
  const clash = a.clashes[0];
  if (clash) {
    const fields: Record<string, string> = { startsAt: clash.message };
    fields[clash.kind === 'therapist' ? 'therapistId' : 'clientId'] = clash.message;
    throw new ClinicError('conflict', clash.message, fields);
  }
  const fields: Record<string, string> = {};
  if (a.warnings.length > 0 && !given.acknowledgeWarning && warningText(a) !== already.acknowledged) {
    fields.acknowledgeWarning = `${warningText(a)} Acknowledge the warning to book.`;
  }
  if (a.outsideHours !== null && !given.confirmOutsideHours && !already.outsideHoursConfirmed) fields.confirmOutsideHours = a.outsideHours;
  const first = Object.values(fields)[0];
  if (first !== undefined) throw new ClinicError('invalid', first, fields);
}

function acknowledgement(ctx: ServiceContext, a: Assessment, by: string): appointments.AppointmentWarning | null {
  return a.warnings.length === 0 ? null : { text: warningText(a), by, at: ctx.now() };
}

export function bookAppointment(ctx: ServiceContext, input: z.output<typeof appointmentBook>, by: string): Appointment {
  return writeTransaction(ctx.db, () => {
    const type = requireType(ctx, input.typeId, false);
    const durationMin = input.durationMin ?? type.durationMin;
    const a = assess(ctx, { ...input, durationMin, exceptId: null });
    refuseUnlessClear(a, input);
    return appointments.insertAppointment(ctx.db, {
      clientId: input.clientId,
      therapistId: input.therapistId,
      typeId: input.typeId,
      startsAt: input.startsAt,
      durationMin,
      warning: acknowledgement(ctx, a, by),
      outsideHoursConfirmed: a.outsideHours !== null,
    });
  });
}

function requireAppointment(ctx: ServiceContext, id: number): Appointment {
  const appointment = appointments.getAppointment(ctx.db, id);
  if (!appointment) throw notFound('appointment');
  return appointment;
}

const STATUS_WORD: Readonly<Record<AppointmentStatus, string>> = {
  booked: 'booked', arrived: 'arrived', completed: 'completed', cancelled: 'cancelled', 'no-show': 'a no-show',
};

/** Moves or resizes an appointment (new start, therapist, duration or type), with every booking rule. */
export function moveAppointment(ctx: ServiceContext, input: z.output<typeof appointmentMove>, by: string): Appointment {
  return writeTransaction(ctx.db, () => {
    const current = requireAppointment(ctx, input.id);
    if (input.updatedAt !== undefined && input.updatedAt !== current.updatedAt) throw staleEdit('appointment', current.updatedAt, ctx.today());
    if (current.status !== 'booked' && current.status !== 'arrived') {
      throw new ClinicError('conflict', `This appointment is ${STATUS_WORD[current.status]}, so it cannot be moved. Book a new one instead.`);
    }
    const slot: Slot = {
      clientId: current.clientId,
      therapistId: input.therapistId ?? current.therapistId,
      typeId: input.typeId ?? current.typeId,
      startsAt: input.startsAt ?? current.startsAt,
      durationMin: input.durationMin ?? current.durationMin,
      exceptId: current.id,
    };
    const a = assess(ctx, slot, slot.typeId === current.typeId);
    const sameSpan = slot.therapistId === current.therapistId && slot.startsAt === current.startsAt && slot.durationMin === current.durationMin;
    refuseUnlessClear(a, input, {
      acknowledged: current.acknowledgedWarning?.text ?? null,
      outsideHoursConfirmed: sameSpan && current.outsideHoursConfirmed,
    });
    const previouslyAcknowledged = a.warnings.length > 0 && warningText(a) === current.acknowledgedWarning?.text;
    appointments.rescheduleAppointment(ctx.db, current.id, {
      ...slot,
      warning: previouslyAcknowledged ? null : acknowledgement(ctx, a, by),
      outsideHoursConfirmed: a.outsideHours !== null,
    });
    return appointments.getAppointment(ctx.db, current.id)!;
  });
}

/** Which status may follow which: the desk's one-keystroke marks, and their undo. */
const NEXT: Readonly<Record<AppointmentStatus, readonly AppointmentStatus[]>> = {
  booked: ['arrived', 'completed', 'no-show', 'cancelled'],
  arrived: ['completed', 'cancelled', 'booked'],
  'no-show': ['booked'],
  cancelled: ['booked'],
  completed: [],
};

export function setAppointmentStatus(ctx: ServiceContext, input: z.output<typeof appointmentStatus>): Appointment {
  return writeTransaction(ctx.db, () => {
    const current = requireAppointment(ctx, input.id);
    if (current.status === input.status) return current;
    if (!NEXT[current.status].includes(input.status)) {
      throw new ClinicError('conflict', `This appointment is ${STATUS_WORD[current.status]}, so it cannot be marked ${STATUS_WORD[input.status]}.`, { status: `Already ${STATUS_WORD[current.status]}.` });
    }
    const date = dateOf(current.startsAt);
    if ((input.status === 'arrived' || input.status === 'completed' || input.status === 'no-show') && date > ctx.today()) {
      const message = `The appointment is on ${formatDate(date)}: it can be marked ${STATUS_WORD[input.status]} on the day.`;
      throw new ClinicError('invalid', message, { status: message });
    }
    if (input.status === 'booked' && (current.status === 'cancelled' || current.status === 'no-show')) {
      // Reinstating: the slot may have been given to someone else meanwhile.
      const clash = appointments.clashesWith(ctx.db, {
        therapistId: current.therapistId, clientId: current.clientId, startsAt: current.startsAt, endsAt: current.endsAt,
        earliestStart: addMinutes(current.startsAt, -LONGEST_MINUTES), exceptId: current.id,
      })[0];
      if (clash) {
        const message = clashMessage(clash.kind, clash.appointment);
        throw new ClinicError('conflict', message, { status: message });
      }
    }
    appointments.setAppointmentStatus(ctx.db, current.id, input.status, input.status === 'cancelled' ? input.reason : null);
    return appointments.getAppointment(ctx.db, current.id)!;
  });
}

/** The booking form's dry run: guidance, warnings, clashes, hours and suggested dates; writes nothing. */
export function checkBooking(ctx: ServiceContext, input: z.output<typeof appointmentCheck>): BookingCheck {
  const type = input.typeId === null ? null : requireType(ctx, input.typeId, true);
  const moving = input.appointmentId === null ? undefined : requireAppointment(ctx, input.appointmentId);
  const durationMin = input.durationMin ?? type?.durationMin ?? moving?.durationMin ?? 60;
  const a = assess(ctx, { ...input, durationMin, exceptId: input.appointmentId }, true);
  return {
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    guidance: a.guidance,
    typeIntensity: type?.intensity ?? null,
    warnings: a.warnings,
    clashes: a.clashes,
    outsideHours: a.outsideHours,
    suggestions: suggestedDates(ctx, a.client.id, a.therapist.id),
  };
}
