import type { Appointment, AppointmentStatus } from '../../../shared/api/types';
import type { Intensity, Phase } from '../../../shared/vocabulary';
import type { Db } from '../native';
import { statement } from '../sql';
import { KEPT_RULES } from './kept-guidance';

// Appointments are clinic-local wall-clock spans [starts_at, ends_at). The booking note column
// is never read here: nothing the diary, Today or the day sheet returns carries notes.

interface Row {
  id: number; client_id: number; first_name: string; last_name: string; therapist_id: number; therapist_name: string;
  type_id: number | null; type_name: string | null; starts_at: string; ends_at: string; duration_min: number;
  status: AppointmentStatus; cancel_reason: string | null; warning_text: string | null; warning_acknowledged_by: string | null;
  warning_acknowledged_at: string | null; outside_hours_confirmed: number; updated_at: string;
}

/** A diary row: the appointment plus what the diary shows beside it. */
export interface DiaryRow extends Row {
  type_intensity: Intensity | null;
  medical_alerts: string;
  /** The phase and ceiling kept for it (migration 10), when they are. */
  kept_phase: Phase | null;
  kept_ceiling: Intensity | null;
}

export const toAppointment = (r: Row): Appointment => ({
  id: r.id,
  clientId: r.client_id,
  clientName: `${r.first_name} ${r.last_name}`,
  therapistId: r.therapist_id,
  therapistName: r.therapist_name,
  typeId: r.type_id,
  typeName: r.type_name,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  durationMin: r.duration_min,
  status: r.status,
  cancelReason: r.cancel_reason,
  acknowledgedWarning:
    r.warning_text === null ? null : { text: r.warning_text, by: r.warning_acknowledged_by!, at: r.warning_acknowledged_at! },
  outsideHoursConfirmed: r.outside_hours_confirmed === 1,
  updatedAt: r.updated_at,
});

const SELECT = `SELECT a.id, a.client_id, c.first_name, c.last_name, a.therapist_id, th.name AS therapist_name,
    a.type_id, ty.name AS type_name, ty.intensity AS type_intensity, c.medical_alerts,
    a.starts_at, a.ends_at, a.duration_min, a.status, a.cancel_reason, a.warning_text, a.warning_acknowledged_by,
    a.warning_acknowledged_at, a.outside_hours_confirmed, a.updated_at
  FROM appointments a
  JOIN clients c ON c.id = a.client_id
  JOIN therapists th ON th.id = a.therapist_id
  LEFT JOIN appointment_types ty ON ty.id = a.type_id`;

/** Statuses that hold a slot: cancelled and no-show appointments block nobody. */
const HOLDS_SLOT = `status IN ('booked', 'arrived', 'completed')`;

export function getAppointment(db: Db, id: number): Appointment | undefined {
  const row = statement(db, `${SELECT} WHERE a.id = ?`).get(id) as Row | undefined;
  return row && toAppointment(row);
}

/** Appointments still to come (booked or arrived) of a client from a local date-time on. */
export function upcomingAppointmentsOfClient(db: Db, clientId: number, from: string): Appointment[] {
  return (
    statement(db, `${SELECT} WHERE a.client_id = ? AND a.starts_at >= ? AND a.status IN ('booked', 'arrived') ORDER BY a.starts_at`).all(
      clientId,
      from,
    ) as Row[]
  ).map(toAppointment);
}

/**
 * Appointments starting in [from, to) (local wall-clock), all therapists or the given ones,
 * in time order. Cancelled ones only when asked for.
 */
export function appointmentsBetween(
  db: Db,
  from: string,
  to: string,
  options: { therapistIds: readonly number[] | null; includeCancelled: boolean },
): DiaryRow[] {
  return statement(
    db,
    `${SELECT.replace(' a.updated_at', ' a.updated_at, g.phase AS kept_phase, g.ceiling AS kept_ceiling')}
     LEFT JOIN appointment_guidance g ON g.appointment_id = a.id AND g.rules = @rules
     WHERE a.starts_at >= @from AND a.starts_at < @to
       AND (@therapists IS NULL OR a.therapist_id IN (SELECT value FROM json_each(@therapists)))
       AND (@cancelled OR a.status <> 'cancelled')
     ORDER BY a.starts_at, th.name COLLATE NOCASE, a.id`,
  ).all({
    from,
    to,
    therapists: options.therapistIds === null ? null : JSON.stringify(options.therapistIds),
    cancelled: Number(options.includeCancelled),
    rules: KEPT_RULES,
  }) as DiaryRow[];
}

export interface AppointmentWarning { text: string; by: string; at: string }

export interface NewAppointment {
  clientId: number;
  therapistId: number;
  typeId?: number | null;
  startsAt: string;
  durationMin: number;
  status?: AppointmentStatus;
  cancelReason?: string | null;
  warning?: AppointmentWarning | null;
  outsideHoursConfirmed?: boolean;
}

// The end is computed by SQLite from the start and the duration, the same expression the
// table's CHECK holds it to.
const END = `strftime('%Y-%m-%dT%H:%M', @startsAt, '+' || @durationMin || ' minutes')`;

export function insertAppointment(db: Db, a: NewAppointment): Appointment {
  const { lastInsertRowid } = statement(
    db,
    `INSERT INTO appointments (client_id, therapist_id, type_id, starts_at, duration_min, ends_at, status, cancel_reason,
       warning_text, warning_acknowledged_by, warning_acknowledged_at, outside_hours_confirmed)
     VALUES (@clientId, @therapistId, @typeId, @startsAt, @durationMin, ${END}, @status, @cancelReason,
       @warningText, @warningBy, @warningAt, @outsideHours)`,
  ).run({
    clientId: a.clientId,
    therapistId: a.therapistId,
    typeId: a.typeId ?? null,
    startsAt: a.startsAt,
    durationMin: a.durationMin,
    status: a.status ?? 'booked',
    cancelReason: a.cancelReason ?? null,
    ...warningParams(a.warning ?? null),
    outsideHours: Number(a.outsideHoursConfirmed ?? false),
  });
  return getAppointment(db, Number(lastInsertRowid))!;
}

function warningParams(w: AppointmentWarning | null) {
  return { warningText: w?.text ?? null, warningBy: w?.by ?? null, warningAt: w?.at ?? null };
}

// Now, or a millisecond past the stored stamp when the clock has not moved on (two saves in one
// millisecond): each version has its own stamp, so a move made on an old one is always caught.
const TOUCH = `updated_at = max(strftime('%Y-%m-%dT%H:%M:%fZ'), strftime('%Y-%m-%dT%H:%M:%fZ', updated_at, '+0.001 seconds'))`;

/**
 * A moved or resized appointment. A newly acknowledged warning replaces the stored one; when
 * the new time raises none, an earlier acknowledgement is kept as the record of the booking.
 */
export function rescheduleAppointment(
  db: Db,
  id: number,
  a: { therapistId: number; typeId: number | null; startsAt: string; durationMin: number; warning: AppointmentWarning | null; outsideHoursConfirmed: boolean },
): void {
  statement(
    db,
    `UPDATE appointments SET therapist_id = @therapistId, type_id = @typeId, starts_at = @startsAt, duration_min = @durationMin,
       ends_at = ${END}, outside_hours_confirmed = @outsideHours,
       warning_text = coalesce(@warningText, warning_text), warning_acknowledged_by = coalesce(@warningBy, warning_acknowledged_by),
       warning_acknowledged_at = coalesce(@warningAt, warning_acknowledged_at), ${TOUCH}
     WHERE id = @id`,
  ).run({ id, therapistId: a.therapistId, typeId: a.typeId, startsAt: a.startsAt, durationMin: a.durationMin, outsideHours: Number(a.outsideHoursConfirmed), ...warningParams(a.warning) });
}

export function setAppointmentStatus(db: Db, id: number, status: AppointmentStatus, cancelReason: string | null): void {
  statement(db, `UPDATE appointments SET status = ?, cancel_reason = ?, ${TOUCH} WHERE id = ?`).run(status, cancelReason, id);
}

/** Completes the appointment a treatment was logged from, and links the two. */
export function completeWithTreatment(db: Db, appointmentId: number, treatmentId: number): void {
  setAppointmentStatus(db, appointmentId, 'completed', null);
  statement(db, 'UPDATE treatments SET appointment_id = ? WHERE id = ?').run(appointmentId, treatmentId);
}

export interface Clash { kind: 'therapist' | 'client'; appointment: Appointment }

/**
 * Appointments that hold a slot overlapping [startsAt, endsAt) for the therapist or the client
 * (other than `exceptId`). `earliestStart` bounds the index range: nothing starting before it
 * can still be running at `startsAt` (appointments last at most eight hours).
 */
export function clashesWith(
  db: Db,
  q: { therapistId: number; clientId: number; startsAt: string; endsAt: string; earliestStart: string; exceptId: number | null },
): Clash[] {
  const params = { ...q, exceptId: q.exceptId ?? 0 };
  const overlapping = (column: 'therapist_id' | 'client_id', key: 'therapistId' | 'clientId') =>
    (
      statement(
        db,
        `${SELECT} WHERE a.${column} = @${key} AND a.starts_at > @earliestStart AND a.starts_at < @endsAt
           AND a.ends_at > @startsAt AND a.${HOLDS_SLOT} AND a.id <> @exceptId ORDER BY a.starts_at`,
      ).all(params) as Row[]
    ).map(toAppointment);
  return [
    ...overlapping('therapist_id', 'therapistId').map((appointment): Clash => ({ kind: 'therapist', appointment })),
    ...overlapping('client_id', 'clientId')
      .filter((a) => a.therapistId !== q.therapistId) // the same clash seen from the client's side
      .map((appointment): Clash => ({ kind: 'client', appointment })),
  ];
}

/** Clients with an appointment that still holds a slot from `from` (local wall-clock) on. */
export function clientsBookedFrom(db: Db, from: string): Set<number> {
  // Read from appointments_by_start alone (migration 8), only the appointments ahead. Without
  // statistics the planner prefers scanning the whole client index, every appointment ever booked.
  const rows = statement(db, `SELECT DISTINCT client_id FROM appointments INDEXED BY appointments_by_start WHERE starts_at >= ? AND ${HOLDS_SLOT}`).all(from) as { client_id: number }[];
  return new Set(rows.map((r) => r.client_id));
}
