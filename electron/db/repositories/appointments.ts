import type { Appointment } from '../../../shared/api/types';
import type { Db } from '../native';

interface Row {
  id: number; client_id: number; first_name: string; last_name: string; therapist_id: number; therapist_name: string;
  starts_at: string; duration_min: number; status: Appointment['status'];
}

const toAppointment = (r: Row): Appointment => ({
  id: r.id, clientId: r.client_id, clientName: `${r.first_name} ${r.last_name}`, therapistId: r.therapist_id,
  therapistName: r.therapist_name, startsAt: r.starts_at, durationMin: r.duration_min, status: r.status,
});

const SELECT = `SELECT a.id, a.client_id, c.first_name, c.last_name, a.therapist_id, th.name AS therapist_name,
  a.starts_at, a.duration_min, a.status
  FROM appointments a JOIN clients c ON c.id = a.client_id JOIN therapists th ON th.id = a.therapist_id`;

/** Booked appointments of a client from a local date-time on. */
export function upcomingAppointmentsOfClient(db: Db, clientId: number, from: string): Appointment[] {
  return (db.prepare(`${SELECT} WHERE a.client_id = ? AND a.starts_at >= ? AND a.status = 'booked' ORDER BY a.starts_at`).all(clientId, from) as Row[]).map(toAppointment);
}

export interface NewAppointment { clientId: number; therapistId: number; startsAt: string; durationMin: number; status?: Appointment['status'] }

export function insertAppointment(db: Db, a: NewAppointment): number {
  return Number(
    db
      .prepare('INSERT INTO appointments (client_id, therapist_id, starts_at, duration_min, status) VALUES (?, ?, ?, ?, ?)')
      .run(a.clientId, a.therapistId, a.startsAt, a.durationMin, a.status ?? 'booked').lastInsertRowid,
  );
}
