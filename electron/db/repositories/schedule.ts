import type { AppointmentType, DayHours } from '../../../shared/api/types';
import type { Intensity } from '../../../shared/vocabulary';
import type { Db } from '../native';
import { statement } from '../sql';

// The diary's settings: appointment types, clinic opening hours, therapist working hours.

interface TypeRow { id: number; name: string; duration_min: number; intensity: Intensity; active: number }
const toType = (r: TypeRow): AppointmentType => ({ id: r.id, name: r.name, durationMin: r.duration_min, intensity: r.intensity, active: r.active === 1 });

export function listAppointmentTypes(db: Db): AppointmentType[] {
  return (statement(db, 'SELECT id, name, duration_min, intensity, active FROM appointment_types ORDER BY active DESC, name COLLATE NOCASE').all() as TypeRow[]).map(toType);
}

export function getAppointmentType(db: Db, id: number): AppointmentType | undefined {
  const row = statement(db, 'SELECT id, name, duration_min, intensity, active FROM appointment_types WHERE id = ?').get(id) as TypeRow | undefined;
  return row && toType(row);
}

export function findAppointmentTypeByName(db: Db, name: string): AppointmentType | undefined {
  const row = statement(db, 'SELECT id, name, duration_min, intensity, active FROM appointment_types WHERE name = ? COLLATE NOCASE').get(name) as TypeRow | undefined;
  return row && toType(row);
}

export function insertAppointmentType(db: Db, t: { name: string; durationMin: number; intensity: Intensity }): AppointmentType {
  const { lastInsertRowid } = statement(db, 'INSERT INTO appointment_types (name, duration_min, intensity) VALUES (?, ?, ?)').run(t.name, t.durationMin, t.intensity);
  return getAppointmentType(db, Number(lastInsertRowid))!;
}

export function updateAppointmentType(db: Db, id: number, t: { name?: string | undefined; durationMin?: number | undefined; intensity?: Intensity | undefined; active?: boolean | undefined }): void {
  statement(
    db,
    `UPDATE appointment_types SET name = coalesce(@name, name), duration_min = coalesce(@durationMin, duration_min),
       intensity = coalesce(@intensity, intensity), active = coalesce(@active, active) WHERE id = @id`,
  ).run({ id, name: t.name ?? null, durationMin: t.durationMin ?? null, intensity: t.intensity ?? null, active: t.active === undefined ? null : Number(t.active) });
}

export interface HoursRow { weekday: number; start: string | null; end: string | null }

/** The clinic's open days; a weekday with no row is closed. */
export function clinicHours(db: Db): HoursRow[] {
  return statement(db, 'SELECT weekday, opens AS start, closes AS end FROM clinic_hours ORDER BY weekday').all() as HoursRow[];
}

export function replaceClinicHours(db: Db, days: readonly DayHours[]): void {
  statement(db, 'DELETE FROM clinic_hours').run();
  const insert = statement(db, 'INSERT INTO clinic_hours (weekday, opens, closes) VALUES (?, ?, ?)');
  for (const d of days) if (d.start !== null && d.end !== null) insert.run(d.weekday, d.start, d.end);
}

/** Every therapist's own week, by therapist; therapists who work the clinic's hours have none. */
export function therapistHours(db: Db): Map<number, HoursRow[]> {
  const rows = statement(db, 'SELECT therapist_id, weekday, starts AS start, ends AS end FROM therapist_hours ORDER BY therapist_id, weekday').all() as (HoursRow & { therapist_id: number })[];
  const byTherapist = new Map<number, HoursRow[]>();
  for (const { therapist_id, ...day } of rows) {
    let days = byTherapist.get(therapist_id);
    if (!days) byTherapist.set(therapist_id, (days = []));
    days.push(day);
  }
  return byTherapist;
}

/** A therapist's own week (a day with no hours is a day off), or null: the clinic's hours. */
export function replaceTherapistHours(db: Db, therapistId: number, days: readonly DayHours[] | null): void {
  statement(db, 'DELETE FROM therapist_hours WHERE therapist_id = ?').run(therapistId);
  if (days === null) return;
  const insert = statement(db, 'INSERT INTO therapist_hours (therapist_id, weekday, starts, ends) VALUES (?, ?, ?, ?)');
  for (const d of days) insert.run(therapistId, d.weekday, d.start, d.end);
}
