import type { RecallContact } from '../../../shared/api/types';
import type { Intensity } from '../../../shared/vocabulary';
import type { Db } from '../native';
import { statement } from '../sql';

// Set-based reads for the recall list, and the "contacted" log that keeps two people from
// ringing the same client.

interface ContactRow { id: number; client_id: number; contacted_on: string; note: string; contacted_by: string }
const toContact = (r: ContactRow): RecallContact => ({ id: r.id, clientId: r.client_id, date: r.contacted_on, note: r.note, by: r.contacted_by });

export function insertRecallContact(db: Db, c: { clientId: number; date: string; note: string; by: string }): RecallContact {
  const { lastInsertRowid } = statement(db, 'INSERT INTO recall_contacts (client_id, contacted_on, note, contacted_by) VALUES (?, ?, ?, ?)').run(c.clientId, c.date, c.note, c.by);
  return toContact(statement(db, 'SELECT * FROM recall_contacts WHERE id = ?').get(lastInsertRowid) as ContactRow);
}

/** The latest contact of each given client (by date, then by entry). */
export function latestContacts(db: Db, clientIds: readonly number[]): Map<number, RecallContact> {
  const rows = statement(
    db,
    `SELECT r.* FROM json_each(?) AS ids
     JOIN recall_contacts r ON r.id = (SELECT id FROM recall_contacts WHERE client_id = ids.value ORDER BY contacted_on DESC, id DESC LIMIT 1)`,
  ).all(JSON.stringify(clientIds)) as ContactRow[];
  return new Map(rows.map((r) => [r.client_id, toContact(r)]));
}

export interface CandidateRow {
  id: number; first_name: string; last_name: string; phone: string; email: string; usual_therapist_id: number | null;
}

/**
 * Clients on the books with a race whose windows can hold `today`: raced since `recentFrom`
 * (post-race windows), or racing by `blockUntil` (the longest default block), or inside a
 * plan that started earlier. Only these can have a booking due.
 */
export function recallCandidates(db: Db, q: { today: string; recentFrom: string; blockUntil: string }): CandidateRow[] {
  return statement(
    db,
    `SELECT c.id, c.first_name, c.last_name, c.phone, c.email, c.usual_therapist_id FROM clients c
     WHERE c.archived_at IS NULL AND c.id IN (
       SELECT client_id FROM races WHERE date BETWEEN @recentFrom AND @blockUntil AND removed_at IS NULL
       UNION SELECT client_id FROM races WHERE date > @blockUntil AND plan_start <= @today AND removed_at IS NULL)`,
  ).all(q) as CandidateRow[];
}

export interface HistoryRow { client_id: number; date: string; therapist_id: number; intensity: Intensity }

/**
 * What the booking rules read of each client's history, and no more: every treatment from
 * `from` to `today`, plus the latest one before `from`. (The rules look back at most 28 days
 * for a taper session, and otherwise only at the latest treatment.)
 */
export function recentHistory(db: Db, clientIds: readonly number[], from: string, today: string): HistoryRow[] {
  const ids = JSON.stringify(clientIds);
  const recent = statement(
    db,
    `SELECT t.client_id, t.date, t.therapist_id, t.intensity FROM json_each(@ids) AS ids
     CROSS JOIN treatments t ON t.client_id = ids.value AND t.date >= @from AND t.date <= @today`,
  ).all({ ids, from, today }) as HistoryRow[];
  const before = statement(
    db,
    `SELECT ids.value AS client_id, t.date, t.therapist_id, t.intensity FROM json_each(@ids) AS ids
     CROSS JOIN treatments t ON t.rowid = (SELECT rowid FROM treatments WHERE client_id = ids.value AND date < @from ORDER BY date DESC LIMIT 1)`,
  ).all({ ids, from }) as HistoryRow[];
  return [...before, ...recent];
}
