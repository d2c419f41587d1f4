// A training plan from a spreadsheet's CSV: one row per session, the columns mapped to date,
// distance, duration, kind, title and description (guessed from the headers in the preview,
// or as the person mapped them). Read with csv-parse; comma, semicolon or tab separated.

import { parse } from 'csv-parse/sync';
import type { PlanColumnMapping } from '../../../shared/api/types';
import type { PlanUnit } from '../../../shared/vocabulary';
import { readDate, readDistance, readDistanceCell, readDurationCell, readDuration, readKind } from './amounts';
import { entryFromWords, type PlanEntry, type PlanFileReading } from './entries';

const FIELDS = ['date', 'distance', 'duration', 'kind', 'description', 'title'] as const;
type Field = (typeof FIELDS)[number];

/** Header words for each field, tried in FIELDS order so "Session type" is a kind before it is a title. */
const HEADER_WORDS: Readonly<Record<Field, RegExp>> = {
  date: /\b(date|day|when)\b/i,
  distance: /\b(dist(ance)?|km|kms|kilomet(re|er)s|miles?|mileage|mi|how far)\b/i,
  duration: /\b(dur(ation)?|time|mins?|minutes|hours)\b/i,
  kind: /\b(kind|type|category|sport)\b/i,
  description: /\b(desc(ription)?|notes?|details?|comments?|instructions?)\b/i,
  title: /\b(title|session|workout|name|summary|activity|planned|what)\b/i,
};

const NO_MAPPING: PlanColumnMapping = { date: null, distance: null, duration: null, kind: null, title: null, description: null };

/** Guess which column holds what from the headers; each column is used once. */
export function guessMapping(columns: readonly string[]): PlanColumnMapping {
  const mapping: PlanColumnMapping = { ...NO_MAPPING };
  const used = new Set<number>();
  for (const field of FIELDS) {
    const index = columns.findIndex((header, i) => !used.has(i) && HEADER_WORDS[field].test(header));
    if (index >= 0) {
      mapping[field] = index;
      used.add(index);
    }
  }
  // No title header: the first column left over names the session.
  if (mapping.title === null) {
    const rest = columns.findIndex((_, i) => !used.has(i));
    if (rest >= 0) mapping.title = rest;
  }
  return mapping;
}

/** Guess which column holds what from a first row of data (a file with no header row). */
function guessFromData(row: readonly string[]): PlanColumnMapping {
  const mapping: PlanColumnMapping = { ...NO_MAPPING };
  row.forEach((cell, i) => {
    if (mapping.date === null && readDate(cell)) mapping.date = i;
    else if (mapping.distance === null && /^[-−]?\d+([.,]\d+)?\s*(km|k|mi|miles?)?$/i.test(cell.trim())) mapping.distance = i;
    else if (mapping.title === null && /[a-z]/i.test(cell)) mapping.title = i;
  });
  return mapping;
}

/** The plan's unit for bare numbers: named by the distance header, else km. */
function guessUnit(header: string | undefined): PlanUnit {
  if (header === undefined) return 'km';
  return /\b(mi|miles?|mileage)\b/i.test(header) && !/\bkm\b|kilomet/i.test(header) ? 'mi' : 'km';
}

interface Row {
  cells: string[];
  line: number;
}

function readRows(text: string): Row[] {
  const records = parse(text, {
    bom: true,
    delimiter: [',', ';', '\t'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    trim: true,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  // info.lines is the line a record ends on; a quoted cell may span lines, so count back to its first.
  return records.map(({ record, info }) => ({ cells: record, line: info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0) }));
}

const cellOf = (row: Row, index: number | null) => (index === null ? '' : (row.cells[index] ?? '').trim());

/** Reads a CSV plan into entries with their line numbers; nothing is checked against a race yet. */
export function readCsvPlan(text: string, given: { mapping?: PlanColumnMapping | null; unit?: PlanUnit | null } = {}): PlanFileReading {
  let rows: Row[];
  try {
    rows = readRows(text);
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return empty([{ line, message: `Line ${line}: the file could not be read as CSV (${(error as Error).message}). Save it from the spreadsheet as CSV and try again.` }]);
  }
  if (rows.length === 0) return empty([{ line: 1, message: 'Line 1: the file is empty. Choose the CSV file of the plan.' }]);

  const headerless = rows[0]!.cells.some((cell) => readDate(cell) !== undefined);
  const columns = headerless ? rows[0]!.cells.map((_, i) => `Column ${i + 1}`) : rows[0]!.cells;
  const mapping = given.mapping ?? (headerless ? guessFromData(rows[0]!.cells) : guessMapping(columns));
  const unit = given.unit ?? guessUnit(mapping.distance === null || headerless ? undefined : columns[mapping.distance]);
  const reading: PlanFileReading = { columns, mapping, unit, entries: [], errors: [], notes: [] };
  if (mapping.date === null) {
    reading.errors.push({ line: 1, message: 'Line 1: no column holds the dates. Choose the date column in the mapping.' });
    return reading;
  }

  for (const row of headerless ? rows : rows.slice(1)) {
    if (row.cells.every((cell) => cell.trim() === '')) continue;
    const title = cellOf(row, mapping.title);
    const description = cellOf(row, mapping.description);
    const words = [title, description].filter(Boolean).join(' ');
    const entry: PlanEntry = entryFromWords(row.line, cellOf(row, mapping.date), title, words);
    entry.unit = unit; // the plan's unit, unless the distance is written in another
    const distanceCell = cellOf(row, mapping.distance);
    if (distanceCell !== '') {
      const distance = readDistanceCell(distanceCell, unit);
      if (distance === undefined) entry.problems.push(`the distance "${distanceCell}" is not a distance; write it like 32 km, 18 mi or a number in ${unit}`);
      else setDistance(entry, distance.km, distance.unit);
    } else {
      // No distance column, or an empty cell: the title and description may say ("6 x 800m").
      const distance = readDistance(words);
      if (distance) setDistance(entry, distance.km, distance.unit);
    }
    const durationCell = cellOf(row, mapping.duration);
    if (durationCell !== '') {
      const minutes = readDurationCell(durationCell);
      if (minutes === undefined) entry.problems.push(`the duration "${durationCell}" is not a duration; write minutes, or hours and minutes like 1:15`);
      else entry.durationMin = minutes;
    } else if (entry.distanceKm === null) {
      entry.durationMin = readDuration(words) ?? null;
    }
    const kindCell = cellOf(row, mapping.kind);
    entry.kind = (kindCell !== '' ? readKind(kindCell) : undefined) ?? entry.kind;
    reading.entries.push(entry);
  }
  return reading;
}

function setDistance(entry: PlanEntry, km: number, unit: PlanUnit): void {
  entry.distanceKm = km;
  entry.unit = unit;
}

function empty(errors: PlanFileReading['errors']): PlanFileReading {
  return { columns: [], mapping: { ...NO_MAPPING }, unit: 'km', entries: [], errors, notes: [] };
}
