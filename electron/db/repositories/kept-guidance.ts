import type { Intensity, Phase } from '../../../shared/vocabulary';
import type { Db } from '../native';
import { statement } from '../sql';
import { getSetting } from './settings';

// The phase engine's kept answers (migration 10) and the queue of clients whose answers a change
// has dropped. The triggers of migration 10 do all the forgetting; this module stores and reads.

/**
 * The version of the phase engine's rules the kept answers were worked out by. Raise it with any
 * change to the engine that can change a phase, a ceiling or what is due: answers kept under
 * other rules are then set aside and worked out again.
 */
export const KEPT_RULES = '1';

/** Whether the kept answers are the current rules', and the day the recall answers are complete for. */
export function keptState(db: Db): { current: boolean; recallFor: string | null } {
  return { current: getSetting(db, 'kept_guidance_rules') === KEPT_RULES, recallFor: getSetting(db, 'recall_kept_for') };
}

export interface KeptPhase { appointmentId: number; clientId: number; phase: Phase; ceiling: Intensity }

/** Up to `limit` queued clients, lowest id first. */
export function queuedClients(db: Db, limit: number): number[] {
  return statement(db, 'SELECT client_id FROM guidance_queue ORDER BY client_id LIMIT ?').pluck().all(limit) as number[];
}

export function unqueue(db: Db, clientIds: readonly number[]): void {
  statement(db, 'DELETE FROM guidance_queue WHERE client_id IN (SELECT value FROM json_each(?))').run(JSON.stringify(clientIds));
}

/**
 * Queues every client with an appointment, for new rules: their answers are worked out again and
 * overwrite the old ones, which nobody reads meanwhile (they name other rules). Nothing is
 * deleted: at a chain's size dropping a million answers at once held the database for 2.6 s.
 */
export function queueAll(db: Db): void {
  statement(db, 'INSERT OR IGNORE INTO guidance_queue (client_id) SELECT DISTINCT client_id FROM appointments').run();
}

/** The client, therapist and start of an appointment: all its phase and ceiling depend on besides the client's races and history. */
export interface AppointmentDay { client_id: number; therapist_id: number; starts_at: string }

/** Every appointment of the given clients (cancelled ones too: the diary can show them). */
export function appointmentsOfClients(db: Db, clientIds: readonly number[]): (AppointmentDay & { id: number })[] {
  return statement(
    db,
    `SELECT a.id, a.client_id, a.therapist_id, a.starts_at FROM json_each(?) AS ids
     CROSS JOIN appointments a ON a.client_id = ids.value`,
  ).all(JSON.stringify(clientIds)) as (AppointmentDay & { id: number })[];
}

export function keepPhases(db: Db, kept: readonly KeptPhase[]): void {
  const insert = statement(
    db,
    `INSERT OR REPLACE INTO appointment_guidance (appointment_id, client_id, phase, ceiling, rules)
     VALUES (@appointmentId, @clientId, @phase, @ceiling, @rules)`,
  );
  for (const k of kept) insert.run({ ...k, rules: KEPT_RULES });
}

/** What the recall list needs kept of the engine's answer for a client on a day; null when nothing is due. */
export function keepRecall(db: Db, onDate: string, answers: ReadonlyMap<number, unknown>): void {
  const insert = statement(db, 'INSERT OR REPLACE INTO recall_due (client_id, on_date, entry, rules) VALUES (?, ?, ?, ?)');
  for (const [clientId, entry] of answers) insert.run(clientId, onDate, entry === null ? null : JSON.stringify(entry), KEPT_RULES);
}

export function lastClientId(db: Db): number {
  return statement(db, 'SELECT coalesce(max(id), 0) FROM clients').pluck().get() as number;
}

/** Drops answers kept for other days, or by other rules, among clients in (after, upTo]. */
export function dropOldRecall(db: Db, onDate: string, after: number, upTo: number): void {
  statement(db, 'DELETE FROM recall_due WHERE client_id > ? AND client_id <= ? AND (on_date <> ? OR rules <> ?)').run(after, upTo, onDate, KEPT_RULES);
}

/** The clients with something due on `onDate`, as kept: [client id, entry]. */
export function keptRecall(db: Db, onDate: string): [number, unknown][] {
  const rows = statement(db, 'SELECT client_id, entry FROM recall_due WHERE on_date = ? AND entry IS NOT NULL AND rules = ?').all(onDate, KEPT_RULES) as {
    client_id: number;
    entry: string;
  }[];
  return rows.map((r) => [r.client_id, JSON.parse(r.entry) as unknown]);
}
