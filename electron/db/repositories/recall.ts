import type { RecallContact } from '../../../shared/api/types';
import type { Db } from '../native';
import { statement } from '../sql';

// The recall list's "contacted" log, which keeps two people from ringing the same client.
// (The list itself reads through front-desk.ts.)

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
