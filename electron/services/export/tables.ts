import type { Db } from '../../db/native';
import { statement } from '../../db/sql';

// Which tables and columns a full export holds, read from the database itself (sqlite_master and
// its pragmas), so a table or column added by a later migration is exported without anyone
// remembering to list it. Left out are only what is rebuilt from other data (the search index)
// and secrets (password and PIN hashes): both are named in the README the export carries.

export interface ExportColumn {
  name: string;
  /** The declared type (TEXT, INTEGER, REAL, BLOB, or empty). */
  type: string;
  notNull: boolean;
  /** The table and column this one points at, when it is a foreign key. */
  references: { table: string; column: string } | null;
  /** Part of the primary key. */
  primaryKey: boolean;
}

export interface ExportTable {
  name: string;
  /** The columns written, in the table's own order and with its own names. */
  columns: ExportColumn[];
  /** Columns left out, and why (secrets). */
  withheld: { name: string; why: string }[];
  /** Rows left out by key (secrets kept in a key/value table), as SQL on the `key` column. */
  withheldKeys: string | null;
  /** `ORDER BY` for a stable row order: the primary key, or the rowid. */
  orderBy: string;
}

/** Tables rebuilt from other data, left out with the reason the README gives. */
export const DERIVED_TABLES: Readonly<Record<string, string>> = {
  client_search_counts: 'counts of the pieces of names in the search index; rebuilt from clients.search_key',
  appointment_guidance: "each appointment's phase and ceiling as the app keeps them ahead; worked out again from races and treatments",
  recall_due: 'what the recall list has due on a day, as the app keeps it ahead; worked out again from races, treatments and plans',
  guidance_queue: 'clients whose kept phase answers are still to be worked out again',
};

const SEARCH_INDEX_WHY = 'the client search index (an SQLite full-text index); rebuilt from clients.search_key';

/** A secret's hash is no one's data to carry around in a spreadsheet; sign-in secrets are set again after a move. */
const isSecretColumn = (name: string) => /(_hash|_salt)$/i.test(name);
const SECRET_WHY = 'a sign-in secret’s hash; never exported (set sign-in secrets again after moving)';
/** In a key/value table (settings), rows whose key names a secret. */
const SECRET_KEYS_SQL = `"key" NOT LIKE '%\\_hash' ESCAPE '\\' AND "key" NOT LIKE '%\\_salt' ESCAPE '\\'`;

export const quoteName = (name: string): string => `"${name.replace(/"/g, '""')}"`;

interface TableListRow { name: string; type: string; schema: string }
interface ColumnRow { name: string; type: string; notnull: number; pk: number; hidden: number }
interface ForeignKeyRow { table: string; from: string; to: string | null }

/** Every table of the clinic's schema as sqlite_master lists it, with the reason when one is left out. */
export function schemaTables(db: Db): { name: string; leftOut: string | null }[] {
  const kinds = new Map(
    (statement(db, 'PRAGMA main.table_list').all() as TableListRow[]).filter((t) => t.schema === 'main').map((t) => [t.name, t.type]),
  );
  const names = (statement(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  return names
    .filter((name) => !name.startsWith('sqlite_'))
    .map((name) => {
      const kind = kinds.get(name);
      const leftOut = kind === 'virtual' || kind === 'shadow' ? SEARCH_INDEX_WHY : (DERIVED_TABLES[name] ?? null);
      return { name, leftOut };
    });
}

/** The tables a full export writes, in name order, each with its columns and row order. */
export function exportTables(db: Db): ExportTable[] {
  return schemaTables(db)
    .filter((t) => t.leftOut === null)
    .map(({ name }) => describeTable(db, name));
}

function describeTable(db: Db, name: string): ExportTable {
  const all = (statement(db, `PRAGMA main.table_xinfo(${quoteName(name)})`).all() as ColumnRow[]).filter((c) => c.hidden === 0);
  const keys = statement(db, `PRAGMA main.foreign_key_list(${quoteName(name)})`).all() as ForeignKeyRow[];
  const columns: ExportColumn[] = [];
  const withheld: ExportTable['withheld'] = [];
  for (const c of all) {
    if (isSecretColumn(c.name)) {
      withheld.push({ name: c.name, why: SECRET_WHY });
      continue;
    }
    const key = keys.find((k) => k.from === c.name);
    columns.push({
      name: c.name,
      type: c.type,
      notNull: c.notnull === 1,
      primaryKey: c.pk > 0,
      references: key ? { table: key.table, column: key.to ?? 'id' } : null,
    });
  }
  const pk = all.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  const withoutRowid = (statement(db, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) as { sql: string }).sql
    .replace(/\s+/g, ' ')
    .toUpperCase()
    .includes('WITHOUT ROWID');
  const orderBy = withoutRowid ? pk.map((c) => quoteName(c.name)).join(', ') : 'rowid';
  const isKeyValue = all.some((c) => c.name === 'key') && all.some((c) => c.name === 'value');
  return { name, columns, withheld, withheldKeys: isKeyValue ? SECRET_KEYS_SQL : null, orderBy };
}

/** `SELECT` of an export table's rows (its written columns, in order). */
export function selectRows(table: ExportTable): string {
  const where = table.withheldKeys ? ` WHERE ${table.withheldKeys}` : '';
  return `SELECT ${table.columns.map((c) => quoteName(c.name)).join(', ')} FROM ${quoteName(table.name)}${where} ORDER BY ${table.orderBy}`;
}

export function countRows(table: ExportTable): string {
  const where = table.withheldKeys ? ` WHERE ${table.withheldKeys}` : '';
  return `SELECT count(*) AS n FROM ${quoteName(table.name)}${where}`;
}
