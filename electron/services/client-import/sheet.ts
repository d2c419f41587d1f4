import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { ClinicError } from '../context';
import { decodeFile } from './decode';

// A chosen file as rows of text cells, each with the file's own line number (the header row is
// line 1 unless blank lines come first; a spreadsheet's row number for a workbook). CSV is read
// with csv-parse (comma, semicolon or tab separated: the header line tells which); .xlsx workbooks with read-excel-file
// (the first sheet).

export interface SheetRow {
  line: number;
  cells: string[];
}

export interface Sheet {
  name: string;
  format: 'csv' | 'xlsx';
  encoding: string;
  header: SheetRow;
  rows: SheetRow[];
}

/** Large enough for a chain's client list (about 100,000 rows); larger is surely the wrong file. */
const MAX_BYTES = 50 * 1024 * 1024;

export async function readSheetFile(file: string): Promise<Sheet> {
  const name = path.basename(file);
  const bytes = await readBytes(file, name);
  const decoded = decodeFile(bytes, name);
  const rows = decoded.kind === 'xlsx' ? await workbookRows(bytes, name) : csvRows(decoded.text, name);
  const [header, ...rest] = rows.filter((row) => row.cells.some((cell) => cell !== ''));
  if (!header) throw new ClinicError('invalid', `${name} has no rows. Choose the file with the clients in it.`);
  return {
    name,
    format: decoded.kind === 'xlsx' ? 'xlsx' : 'csv',
    encoding: decoded.kind === 'xlsx' ? 'Excel workbook' : decoded.encoding,
    header,
    rows: rest,
  };
}

async function readBytes(file: string, name: string): Promise<Uint8Array> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw new ClinicError('not-found', `${name} could not be found at ${file}. It may have been moved or the drive unplugged; choose it again.`);
  }
  if (stat.isDirectory()) throw new ClinicError('invalid', `${name} is a folder. Choose the CSV file or .xlsx workbook inside it.`);
  if (stat.size > MAX_BYTES) {
    throw new ClinicError('invalid', `${name} is ${Math.round(stat.size / 1024 / 1024)} MB; an import file can be at most 50 MB. Split it into smaller files.`);
  }
  try {
    return await fs.readFile(file);
  } catch {
    throw new ClinicError('invalid', `${name} could not be read (no permission, or another program holds it). Close it elsewhere and choose it again.`);
  }
}

/**
 * The file's separator: whichever of comma, semicolon and tab its first line (outside quotes)
 * holds most of. One only: a semicolon inside a comma-separated file's cell is text.
 */
function separatorOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/)).replace(/"[^"]*"/g, '');
  const count = (c: string) => firstLine.split(c).length - 1;
  return [';', '\t'].reduce((best, c) => (count(c) > count(best) ? c : best), ',');
}

/** Records with the line each starts on (info.lines is where it ends; a quoted cell may span lines). */
export function csvRows(text: string, name: string): SheetRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: separatorOf(text),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    throw new ClinicError('invalid', `${name} could not be read as CSV at line ${line} (${(error as Error).message}). Check that line's quotes, or save the file again as CSV.`);
  }
  return records.map(({ record, info }) => ({
    line: info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0),
    cells: record,
  }));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A workbook cell as text: a date cell as its ISO date (read-excel-file gives UTC midnight). */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

async function workbookRows(bytes: Uint8Array, name: string): Promise<SheetRow[]> {
  let data: unknown[][];
  try {
    data = await readSheet(Buffer.from(bytes));
  } catch (error) {
    throw new ClinicError('invalid', `${name} could not be read as an Excel workbook (${(error as Error).message}). Save it again as .xlsx or as CSV UTF-8 and choose that file.`);
  }
  return data.map((cells, i) => ({ line: i + 1, cells: cells.map(cellText) }));
}
