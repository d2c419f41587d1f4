import type { Db } from '../../db/native';
import { statement } from '../../db/sql';
import { notFound } from '../context';
import { exportTables, quoteName, type ExportTable } from './tables';

// Everything Fettle holds about one client, for a subject access request: their own row, every
// row of any table that names them (client_id), and the rows hanging off those (a race's plan
// sessions, a note's amendments), found through the schema's foreign keys so a later table is
// included without anyone listing it. Secrets are left out as in the full export; so are the
// search helpers (search_key, sort_name), which only repeat the name, phone and email.

export type RecordRow = Record<string, unknown>;

export interface ClientRecord {
  format: 'fettle-client-record';
  formatVersion: 1;
  exportedAt: string;
  client: RecordRow;
  /** Names for the ids in the record (therapist_id, type_id), so it reads without the rest of the database. */
  therapists: Record<string, string>;
  appointmentTypes: Record<string, string>;
  races: RecordRow[];
  appointments: RecordRow[];
  treatments: RecordRow[];
  recallContacts: RecordRow[];
  /** Any other table with rows about the client (the audit trail, later tables), by table name. */
  otherRecords: Record<string, RecordRow[]>;
}

const SEARCH_HELPERS = new Set(['search_key', 'sort_name']);
/** Tables the record lays out by name; every other table naming the client goes under otherRecords. */
const NAMED = { races: 'races', appointments: 'appointments', treatments: 'treatments', recall_contacts: 'recallContacts' } as const;

const columnsOf = (table: ExportTable) => table.columns.map((c) => quoteName(c.name)).join(', ');

/** The client's record, read in one transaction (one consistent moment). */
export function clientRecord(db: Db, clientId: number, now: Date = new Date()): ClientRecord {
  return db.transaction(() => readRecord(db, clientId, now)).deferred();
}

function readRecord(db: Db, clientId: number, now: Date): ClientRecord {
  const tables = exportTables(db);
  const byName = new Map(tables.map((t) => [t.name, t]));
  const clients = byName.get('clients')!;
  const client = statement(db, `SELECT ${columnsOf(clients)} FROM clients WHERE id = ?`).get(clientId) as RecordRow | undefined;
  if (!client) throw notFound('client');
  for (const helper of SEARCH_HELPERS) delete client[helper];

  const rowsOf = (table: ExportTable, column: string, value: unknown): RecordRow[] =>
    statement(db, `SELECT ${columnsOf(table)} FROM ${quoteName(table.name)} WHERE ${quoteName(column)} = ? ORDER BY ${table.orderBy}`).all(value) as RecordRow[];

  /** Rows of other tables pointing at `row` of `table` (a race's plan sessions), nested by table name. */
  const withChildren = (table: ExportTable, row: RecordRow): RecordRow => {
    for (const child of tables) {
      if (child.columns.some((c) => c.name === 'client_id')) continue;
      for (const c of child.columns) {
        if (c.references?.table === table.name && c.references.column === 'id') row[child.name] = rowsOf(child, c.name, row.id);
      }
    }
    return row;
  };

  const record: ClientRecord = {
    format: 'fettle-client-record',
    formatVersion: 1,
    exportedAt: now.toISOString(),
    client,
    therapists: names(db, 'SELECT id, name FROM therapists'),
    appointmentTypes: byName.has('appointment_types') ? names(db, 'SELECT id, name FROM appointment_types') : {},
    races: [],
    appointments: [],
    treatments: [],
    recallContacts: [],
    otherRecords: {},
  };
  for (const table of tables) {
    if (!table.columns.some((c) => c.name === 'client_id')) continue;
    const rows = rowsOf(table, 'client_id', clientId).map((row) => withChildren(table, row));
    const named = NAMED[table.name as keyof typeof NAMED] as keyof ClientRecord | undefined;
    if (named) (record[named] as RecordRow[]) = rows;
    else if (rows.length > 0) record.otherRecords[table.name] = rows;
  }
  return record;
}

function names(db: Db, sql: string): Record<string, string> {
  return Object.fromEntries((statement(db, sql).all() as { id: number; name: string }[]).map((r) => [String(r.id), r.name]));
}
