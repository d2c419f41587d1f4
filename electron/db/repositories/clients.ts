import type { Client } from '../../../shared/api/types';
import { clientSearchKey, clientSortName } from '../../../shared/search';
import type { Db } from '../native';
import { statement, writeTransaction } from '../sql';

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

export interface SearchOptions { includeArchived: boolean; offset: number; limit: number }

/**
 * Clients whose search key holds every term, ordered by surname. Terms are pre-folded
 * (see shared/search.ts): letters and digits only. The meaning is the plain one, every term a
 * substring of `search_key`, answered from the indexes migration 7 keeps (client_search for
 * terms of 3 or more characters, client_search_short for shorter ones, client_search_counts
 * for the total of a single short term or of none) rather than by reading every client.
 */
export function searchClients(db: Db, terms: string[], options: SearchOptions): { total: number; rows: ClientRow[] } {
  const total = countMatches(db, terms, options.includeArchived);
  if (total === 0 || options.offset >= total) return { total, rows: [] };
  const rows = terms.length > 0 && total <= FETCH_AT_MOST ? fetchMatches(db, terms, options) : walkList(db, terms, options);
  return { total, rows };
}

/** Below this length a term has no trigram, and is looked up in client_search_short. */
const TRIGRAM = 3;

/**
 * Up to this many matches are fetched by id and sorted (about 0.3 µs each, so about a
 * millisecond at most); more are found by reading the list in order until the window is full,
 * which takes few steps when so many clients match (measured at 100,000 clients,
 * bench/clients.bench.ts).
 */
const FETCH_AT_MOST = 4000;

/** How many clients hold `term` (a single short term, or '' for every client): one row. */
function heldBy(db: Db, term: string, includeArchived: boolean): number {
  const row = statement(db, 'SELECT active, archived FROM client_search_counts WHERE term = ?').get(term) as { active: number; archived: number } | undefined;
  return row ? row.active + (includeArchived ? row.archived : 0) : 0;
}

/**
 * Where the matches come from, as SQL over `f` (an index whose rowid is the client id) and `c`
 * (the client): the trigram index when any term is long enough, with shorter terms tested on
 * the clients it finds; the short-term index otherwise. Each term is a quoted phrase (a trigram
 * phrase matches exactly where the term is a substring); only active clients unless asked.
 */
function matchSource(terms: string[], includeArchived: boolean): { from: string; where: string; params: Record<string, unknown>; testsClient: boolean } {
  const long = terms.filter((t) => t.length >= TRIGRAM);
  const short = terms.filter((t) => t.length < TRIGRAM);
  const match = (ts: string[]) => {
    const all = ts.map((t) => `"${t.replaceAll('"', '""')}"`).join(' AND ');
    return includeArchived ? all : `active : (${all})`;
  };
  if (long.length === 0) {
    return { from: 'client_search_short AS f', where: 'client_search_short MATCH @match', params: { match: match(short) }, testsClient: false };
  }
  return {
    from: 'client_search AS f',
    where: ['client_search MATCH @match', ...short.map((_, i) => `c.search_key LIKE @s${i}`)].join(' AND '),
    params: { match: match(long), ...Object.fromEntries(short.map((t, i) => [`s${i}`, `%${t}%`])) },
    testsClient: short.length > 0,
  };
}

function countMatches(db: Db, terms: string[], includeArchived: boolean): number {
  if (terms.length === 0 || (terms.length === 1 && terms[0]!.length < TRIGRAM)) return heldBy(db, terms[0] ?? '', includeArchived);
  const { from, where, params, testsClient } = matchSource(terms, includeArchived);
  const sql = `SELECT count(*) AS n FROM ${from}${testsClient ? ' JOIN clients AS c ON c.id = f.rowid' : ''} WHERE ${where}`;
  return (statement(db, sql).get(params) as { n: number }).n;
}

/**
 * The window of matches in list order, then those clients whole. The sort names come from the
 * narrow index of sort names by id (thousands of matches sort in about a millisecond), which
 * SQLite would pass over for the table; unless a short term must be tested on the whole key.
 */
function fetchMatches(db: Db, terms: string[], options: SearchOptions): ClientRow[] {
  const { from, where, params, testsClient } = matchSource(terms, options.includeArchived);
  const clients = testsClient ? 'clients AS c' : 'clients AS c INDEXED BY clients_sort_name_by_id';
  const window = `SELECT c.id FROM ${from} JOIN ${clients} ON c.id = f.rowid WHERE ${where} ORDER BY c.sort_name, c.id LIMIT @limit OFFSET @offset`;
  return statement(db, `SELECT * FROM clients WHERE id IN (${window}) ORDER BY sort_name, id`)
    .all({ ...params, limit: options.limit, offset: options.offset }) as ClientRow[];
}

/**
 * The list read in order (the clients_list index), each key tested, until the window is full:
 * for many matches (or none asked for), where it fills in few steps. `%` and `_` cannot occur in terms.
 */
function walkList(db: Db, terms: string[], options: SearchOptions): ClientRow[] {
  const where = [options.includeArchived ? '1' : 'archived_at IS NULL', ...terms.map((_, i) => `search_key LIKE @t${i}`)].join(' AND ');
  const params: Record<string, unknown> = Object.fromEntries(terms.map((t, i) => [`t${i}`, `%${t}%`]));
  return statement(db, `SELECT * FROM clients WHERE ${where} ORDER BY sort_name, id LIMIT @limit OFFSET @offset`).all({
    ...params,
    limit: options.limit,
    offset: options.offset,
  }) as ClientRow[];
}

/**
 * One bounded step of merging the search indexes' segments, about `pages` pages written in each
 * (a few tens of milliseconds). Each saved client adds a small segment that FTS5 merges only
 * partly; merged into one, searches at 100,000 clients take about a third less time
 * (bench/clients.bench.ts). A negative page count makes FTS5 merge across levels, as 'optimize'
 * does, but a step at a time. Returns whether there was anything left to merge.
 */
export function mergeSearchIndexes(db: Db, pages: number): boolean {
  const changes = statement(db, 'SELECT total_changes() AS n');
  const merged = (table: 'client_search' | 'client_search_short') =>
    writeTransaction(db, () => {
      const before = (changes.get() as { n: number }).n;
      statement(db, `INSERT INTO ${table} (${table}, rank) VALUES ('merge', ?)`).run(-Math.abs(pages));
      // The command itself counts as one change; more means pages were merged.
      return (changes.get() as { n: number }).n - before > 1;
    });
  const search = merged('client_search');
  const short = merged('client_search_short');
  return search || short;
}
