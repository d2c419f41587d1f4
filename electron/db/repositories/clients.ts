import type { Client } from '../../../shared/api/types';
import { clientSearchKey, clientSortName } from '../../../shared/search';
import type { Db } from '../native';
import { statement } from '../sql';

export interface ClientRow {
  id: number;
  first_name: string;
  last_name: string;
  date_of_birth: string | null;
  phone: string;
  email: string;
  emergency_contact_name: string;
  emergency_contact_phone: string;
  gp: string;
  medical_alerts: string;
  hotspots: string;
  usual_therapist_id: number | null;
  consent_treatment: number;
  consent_data: number;
  consent_date: string | null;
  notes: string;
  archived_at: string | null;
  updated_at: string;
}

/** What a person types about a client: everything but the id and what the app keeps itself. */
export type ClientFields = Omit<Client, 'id' | 'archived' | 'updatedAt'>;

export function toClient(r: ClientRow): Client {
  return {
    id: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    dateOfBirth: r.date_of_birth,
    phone: r.phone,
    email: r.email,
    emergencyContactName: r.emergency_contact_name,
    emergencyContactPhone: r.emergency_contact_phone,
    gp: r.gp,
    medicalAlerts: r.medical_alerts,
    hotspots: JSON.parse(r.hotspots) as string[],
    usualTherapistId: r.usual_therapist_id,
    consentTreatment: r.consent_treatment === 1,
    consentData: r.consent_data === 1,
    consentDate: r.consent_date,
    notes: r.notes,
    archived: r.archived_at !== null,
    updatedAt: r.updated_at,
  };
}

/** A client with every field empty: the column list, and a base for tests and seeds. */
export const BLANK_CLIENT: ClientFields = {
  firstName: '', lastName: '', dateOfBirth: null, phone: '', email: '', emergencyContactName: '',
  emergencyContactPhone: '', gp: '', medicalAlerts: '', hotspots: [], usualTherapistId: null,
  consentTreatment: false, consentData: false, consentDate: null, notes: '',
};

/** The columns a person's fields fill, the search key and sort name derived from them included. */
function toParams(c: ClientFields) {
  return {
    first_name: c.firstName,
    last_name: c.lastName,
    date_of_birth: c.dateOfBirth,
    phone: c.phone,
    email: c.email,
    emergency_contact_name: c.emergencyContactName,
    emergency_contact_phone: c.emergencyContactPhone,
    gp: c.gp,
    medical_alerts: c.medicalAlerts,
    hotspots: JSON.stringify(c.hotspots),
    usual_therapist_id: c.usualTherapistId,
    consent_treatment: Number(c.consentTreatment),
    consent_data: Number(c.consentData),
    consent_date: c.consentDate,
    notes: c.notes,
    search_key: clientSearchKey(c),
    sort_name: clientSortName(c),
  };
}

const COLUMNS = Object.keys(toParams(BLANK_CLIENT));
const INSERT = `INSERT INTO clients (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => '@' + c).join(', ')})`;
const UPDATE = `UPDATE clients SET ${COLUMNS.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @next WHERE id = @id AND updated_at = @seen`;

export function getClient(db: Db, id: number): Client | undefined {
  const row = statement(db, 'SELECT * FROM clients WHERE id = ?').get(id) as ClientRow | undefined;
  return row && toClient(row);
}

export function insertClient(db: Db, client: ClientFields): Client {
  const { lastInsertRowid } = statement(db, INSERT).run(toParams(client));
  return getClient(db, Number(lastInsertRowid))!;
}

/**
 * Writes every field of a client, but only over the version `seen` (its `updated_at`), stamping
 * `next`. False when the client has been saved since (or is gone): nothing is written.
 */
export function updateClient(db: Db, id: number, client: ClientFields, version: { seen: string; next: string }): boolean {
  return statement(db, UPDATE).run({ ...toParams(client), id, ...version }).changes === 1;
}

export function setArchived(db: Db, id: number, archived: boolean, next: string): void {
  statement(
    db,
    `UPDATE clients SET archived_at = CASE WHEN @archived THEN coalesce(archived_at, strftime('%Y-%m-%dT%H:%M:%fZ')) END, updated_at = @next
     WHERE id = @id`,
  ).run({ id, archived: Number(archived), next });
}

/**
 * Clients whose search key holds every term, ordered by surname. Terms are pre-folded
 * (see shared/search.ts) and bound as LIKE patterns; `%` and `_` cannot occur in them.
 * One statement per number of terms, so the cache stays small.
 */
export function searchClients(
  db: Db,
  terms: string[],
  options: { includeArchived: boolean; offset: number; limit: number },
): { total: number; rows: ClientRow[] } {
  const where = [options.includeArchived ? '1' : 'archived_at IS NULL', ...terms.map((_, i) => `search_key LIKE @t${i}`)].join(' AND ');
  const params: Record<string, unknown> = Object.fromEntries(terms.map((t, i) => [`t${i}`, `%${t}%`]));
  const total = (statement(db, `SELECT count(*) AS n FROM clients WHERE ${where}`).get(params) as { n: number }).n;
  const rows = statement(db, `SELECT * FROM clients WHERE ${where} ORDER BY sort_name, id LIMIT @limit OFFSET @offset`).all({
    ...params,
    limit: options.limit,
    offset: options.offset,
  }) as ClientRow[];
  return { total, rows };
}
