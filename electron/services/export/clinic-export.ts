import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { ClinicExport } from '../../../shared/api/exports';
import type { Db } from '../../db/native';
import { statement } from '../../db/sql';
import type { JobProgress } from '../progress';
import { readmeText } from './readme';
import { openSnapshot } from './snapshot';
import { countRows, exportTables, schemaTables, selectRows, type ExportTable } from './tables';
import { ZipFile } from './zip-file';

// The full export: everything the clinic keeps, as one .zip of one CSV per table, fettle.json
// (everything in one document) and README.txt (what every file and column is). Read from one
// snapshot, in chunks, reporting progress and yielding between them; written under a partial
// name and renamed when whole.

/** Rows per chunk: between chunks progress is reported and the window's calls are answered. */
export const ROWS_PER_CHUNK = 250;

export const JSON_FORMAT = { format: 'fettle-export', formatVersion: 1 } as const;

/** What a cell holds in the export: text, a number, or nothing. Binary data becomes base64. */
export type Cell = string | number | null;
function cell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return value.toString();
  if (Buffer.isBuffer(value)) return value.toString('base64');
  throw new Error(`A database value of type ${typeof value} cannot be exported.`);
}

/** RFC 4180: fields with a comma, quote, CR or LF quoted, quotes doubled, CRLF line ends. */
export function csvText(rows: Cell[][], header: string[] | null): string {
  return stringify(header ? [header, ...rows] : rows, {
    record_delimiter: 'windows',
    // csv-stringify quotes a field holding the whole CRLF only; a lone LF or CR must be quoted too.
    quoted_match: /[\r\n]/,
  });
}

/** A UTF-8 byte-order mark, so spreadsheets read accented names correctly. */
const BOM = '\uFEFF';

export interface ExportOptions {
  appVersion: string;
  /** Reports progress (and yields to the event loop) between chunks. */
  step: (progress: JobProgress) => Promise<void>;
  now?: Date;
}

/** Adds `.zip` when the person typed a name without it. */
export const withExtension = (file: string, ext: string): string => (path.extname(file).toLowerCase() === ext ? file : `${file}${ext}`);

/** Writes the clinic's full export to `target` (a .zip) and says what it holds. */
export async function exportClinic(db: Db, target: string, options: ExportOptions): Promise<ClinicExport> {
  const snapshot = openSnapshot(db);
  let zip: ZipFile | null = null;
  try {
    const reader = snapshot.db;
    const tables = exportTables(reader);
    const rows = new Map(tables.map((t) => [t.name, (statement(reader, countRows(t)).get() as { n: number }).n]));
    const total = 2 * [...rows.values()].reduce((a, b) => a + b, 0);
    let done = 0;
    const advance = async (phase: string, n: number) => {
      done += n;
      await options.step({ phase, done, total });
    };
    await options.step({ phase: 'Starting', done: 0, total });
    zip = new ZipFile(target);
    const exportedAt = (options.now ?? new Date()).toISOString();
    const schemaVersion = reader.pragma('user_version', { simple: true }) as number;

    const readme = zip.entry('README.txt');
    readme.write(readmeText({ exportedAt, schemaVersion, appVersion: options.appVersion, tables, leftOut: schemaTables(reader), rows }));
    readme.end();

    // The CSVs, then fettle.json: one entry at a time, so nothing waits in memory for another.
    for (const table of tables) {
      const csv = zip.entry(`${table.name}.csv`);
      csv.write(BOM + csvText([], table.columns.map((c) => c.name)));
      for (const chunk of chunksOf(reader, table)) {
        csv.write(csvText(chunk, null));
        await advance(`Writing ${table.name}.csv`, chunk.length);
      }
      csv.end();
    }

    const json = zip.entry('fettle.json');
    const head = { ...JSON_FORMAT, exportedAt, schemaVersion, appVersion: options.appVersion };
    json.write(`${JSON.stringify(head).slice(0, -1)},"tables":{`);
    for (const [t, table] of tables.entries()) {
      json.write(`${t > 0 ? ',' : ''}\n${JSON.stringify(table.name)}:[`);
      let first = true;
      for (const chunk of chunksOf(reader, table)) {
        const text = chunk.map((row) => JSON.stringify(Object.fromEntries(table.columns.map((c, i) => [c.name, row[i]])))).join(',\n');
        json.write(`${first ? '\n' : ',\n'}${text}`);
        first = false;
        await advance(`Writing fettle.json (${table.name})`, chunk.length);
      }
      json.write(']');
    }
    json.write('\n}}\n');
    json.end();

    await options.step({ phase: 'Saving the zip', done: total, total });
    zip.finish();
    return { file: target, tables: tables.map((t) => ({ name: t.name, rows: rows.get(t.name) ?? 0 })) };
  } catch (error) {
    zip?.abandon();
    throw error;
  } finally {
    snapshot.close();
  }
}

/** A table's rows, ROWS_PER_CHUNK at a time, as cells in the export's column order. */
function* chunksOf(reader: Db, table: ExportTable): Generator<Cell[][]> {
  // One pass over the table (no OFFSET re-scans). The open iterator keeps the reader busy while
  // the caller awaits between chunks, which is fine: nothing else uses the snapshot's connection.
  const rows = statement(reader, selectRows(table)).raw(true).iterate() as IterableIterator<unknown[]>;
  try {
    let chunk: Cell[][] = [];
    for (const row of rows) {
      chunk.push(row.map(cell));
      if (chunk.length === ROWS_PER_CHUNK) {
        yield chunk;
        chunk = [];
      }
    }
    if (chunk.length > 0) yield chunk;
  } finally {
    rows.return?.();
  }
}
