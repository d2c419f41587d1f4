import type { ImportField, ImportLineMessage, ImportMapping, ImportRow } from '../../../shared/api/client-import';
import { addYears, clientDateProblems, RACE_YEARS } from '../../../shared/api/ranges';
import { clientInput, raceInput } from '../../../shared/api/schemas';
import { formatDate } from '../../../shared/guidance';
import type { IsoDate } from '../../../shared/vocabulary';
import type { ClientFields } from '../../db/repositories/clients';
import type { RaceFields } from '../../db/repositories/races';
import { checkDateSpan, readArchived, readDate, readHotspots, readNumber, readPriority, readRaceDistance, readYesNo } from './cells';
import { yieldToEventLoop } from '../progress';
import { foldHeading } from './mapping';
import type { Sheet, SheetRow } from './sheet';

// Every line of an import checked, nothing written: each client row read through the mapping
// and held to the same rules as the client form (the same schema and date limits), its race
// too; duplicates by name and date of birth (case-folded) within the file and against the
// clients already on file; and a Fettle export's races.csv matched to its clients by id.
// The same checks run for the preview and again in main at commit: the preview is never trusted.

/** Told how far the check has got (rows of both files); it lets the event loop turn before the next chunk. */
export type CheckProgress = (done: number, total: number) => Promise<void>;

export type RaceDraft = Omit<RaceFields, 'clientId'> & { line: number };

export interface ClientDraft {
  line: number;
  fields: ClientFields;
  archived: boolean;
  /** Who this client is for duplicates: folded names and date of birth. */
  key: string;
  races: RaceDraft[];
}

export interface CheckedImport {
  rows: ImportRow[];
  errors: ImportLineMessage[];
  notes: ImportLineMessage[];
  /** The clients to write: every line without a problem that is not left out. */
  clients: ClientDraft[];
  races: number;
  leftOut: number;
}

export interface CheckInput {
  sheet: Sheet;
  mapping: ImportMapping;
  races: Sheet | null;
  /** Keys (clientKey) of the clients on file, and whether each is archived. */
  existing: ReadonlyMap<string, { archived: boolean }>;
  today: IsoDate;
  exclude?: ReadonlySet<number>;
  excludeRaces?: ReadonlySet<number>;
}

/** Rows checked between two turns of the event loop, so main answers the window (and progress polls). */
const CHUNK = 500;
const nextChunk = (progress: CheckProgress | undefined, done: number, total: number) => (progress ? progress(done, total) : yieldToEventLoop());

const foldName = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
export const clientKey = (firstName: string, lastName: string, dateOfBirth: string | null) =>
  `${foldName(firstName)}\u0000${foldName(lastName)}\u0000${dateOfBirth ?? ''}`;

/** Zod's messages end with a full stop; a line's problems are joined with semicolons. */
const bare = (message: string) => message.replace(/\.$/, '');
const EARLIEST = '1900-01-01';

/** "Ann Smith, born 01/02/1980" or "Ann Smith (no date of birth)". */
const who = (f: ClientFields) => `${f.firstName} ${f.lastName}${f.dateOfBirth ? `, born ${formatDate(f.dateOfBirth)},` : ' (no date of birth)'}`;

interface ReadRow extends ClientDraft {
  /** The client's id in the file it came from (a Fettle export's), which its races name. */
  sourceId: string;
  problems: string[];
}

function readClientRow(row: SheetRow, mapping: ImportMapping, today: IsoDate): ReadRow {
  const cell = (field: ImportField) => {
    const index = mapping[field];
    return index === undefined ? '' : (row.cells[index] ?? '').trim();
  };
  const problems: string[] = [];
  const dateOfBirth = readDate('Date of birth', cell('dateOfBirth'), problems);
  const consentDate = readDate('Consent date', cell('consentDate'), problems);
  const input = {
    firstName: cell('firstName'),
    lastName: cell('lastName'),
    dateOfBirth: dateOfBirth ?? null,
    phone: cell('phone'),
    email: cell('email'),
    emergencyContactName: cell('emergencyContactName'),
    emergencyContactPhone: cell('emergencyContactPhone'),
    gp: cell('gp'),
    medicalAlerts: cell('medicalAlerts'),
    hotspots: readHotspots(cell('hotspots'), problems) ?? [],
    consentTreatment: readYesNo('Consent to treatment', cell('consentTreatment'), problems) ?? false,
    consentData: readYesNo('Consent to keep data', cell('consentData'), problems) ?? false,
    consentDate: consentDate ?? null,
    notes: cell('notes'),
  };
  const parsed = clientInput.safeParse(input);
  if (!parsed.success) problems.push(...parsed.error.issues.map((issue) => bare(issue.message)));
  problems.push(...Object.values(clientDateProblems(input, today)).map(bare));
  const fields: ClientFields = parsed.success ? { ...parsed.data, usualTherapistId: null } : { ...input, usualTherapistId: null };
  const draft: ReadRow = {
    line: row.line,
    fields,
    archived: readArchived(cell('archived'), problems) ?? false,
    key: clientKey(fields.firstName, fields.lastName, fields.dateOfBirth),
    races: [],
    sourceId: cell('sourceId'),
    problems,
  };
  const race = readRace(row.line, {
    name: cell('raceName'),
    date: cell('raceDate'),
    distance: cell('raceDistance'),
    distanceKm: cell('raceDistanceKm'),
    priority: cell('racePriority'),
  }, today, problems);
  if (race) draft.races.push(race);
  return draft;
}

interface RaceCells {
  name: string;
  date: string;
  distance: string;
  distanceKm?: string;
  priority?: string;
  planStart?: string;
  taperDays?: string;
  goalTime?: string;
  notes?: string;
}

/** A race from its cells, held to the race form's rules; null when every cell is empty. */
function readRace(line: number, cells: RaceCells, today: IsoDate, problems: string[]): RaceDraft | null {
  if (Object.values(cells).every((v) => v === undefined || v === '')) return null;
  const before = problems.length;
  if (cells.date === '') problems.push('Race date is missing');
  if (cells.distance === '') problems.push('Race distance is missing');
  const date = readDate('Race date', cells.date, problems);
  checkDateSpan('Race date', date, { earliest: EARLIEST, latest: addYears(today, RACE_YEARS) }, problems);
  const planStart = readDate('Plan start', cells.planStart ?? '', problems);
  const distance = readRaceDistance(cells.distance, problems);
  const distanceKm = readNumber('Race distance in km', cells.distanceKm ?? '', problems);
  const priority = readPriority(cells.priority ?? '', problems);
  const taperDays = readNumber('Taper length', cells.taperDays ?? '', problems);
  const input = {
    clientId: 1, // a placeholder: the client is written first
    name: cells.name,
    date: date ?? '',
    distance: distance?.distance ?? 'marathon', // a missing or unreadable one is reported above
    distanceKm: distanceKm ?? distance?.km ?? null,
    priority: priority ?? 'A',
    planStart: planStart ?? null,
    taperDays: taperDays ?? null,
    goalTime: cells.goalTime ?? '',
    notes: cells.notes ?? '',
  };
  const parsed = raceInput.safeParse(input);
  if (!parsed.success) {
    // The date and distance were read (and any problem reported) above.
    const issues = parsed.error.issues.filter((issue) => issue.path[0] !== 'date' && issue.path[0] !== 'distance');
    problems.push(...issues.map((issue) => bare(issue.message)));
  }
  if (problems.length > before || !parsed.success) return null;
  const { clientId: _placeholder, ...race } = parsed.data;
  return { ...race, line };
}

/** Every line of the clients' file (and races file) checked: errors, notes and what would be written. */
export async function checkImport(input: CheckInput, progress?: CheckProgress): Promise<CheckedImport> {
  const { sheet, mapping, today } = input;
  const exclude = input.exclude ?? new Set<number>();
  const total = sheet.rows.length + (input.races?.rows.length ?? 0);
  const read: ReadRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (let i = 0; i < sheet.rows.length; i++) {
    if (i % CHUNK === 0 && i > 0) await nextChunk(progress, i, total);
    const row = readClientRow(sheet.rows[i]!, mapping, today);
    // Duplicates are judged over the whole file, left-out lines too, so the preview and the commit agree.
    if (row.fields.firstName && row.fields.lastName) {
      const earlier = firstLineOf.get(row.key);
      const onFile = input.existing.get(row.key);
      if (onFile) row.problems.push(`${who(row.fields)} is already a client${onFile.archived ? ' (archived)' : ''}`);
      else if (earlier !== undefined) row.problems.push(`${who(row.fields)} is also on line ${earlier}`);
      else firstLineOf.set(row.key, row.line);
    }
    read.push(row);
  }
  const notes: ImportLineMessage[] = [];
  const raceErrors = input.races ? await attachRacesFile(input, read, total, notes, progress) : [];
  await nextChunk(progress, total, total);

  const errors: ImportLineMessage[] = [];
  const clients: ClientDraft[] = [];
  let races = 0;
  for (const row of read) {
    if (exclude.has(row.line)) continue;
    if (row.problems.length > 0) {
      errors.push({ source: 'clients', line: row.line, message: `Line ${row.line}: ${row.problems.join('; ')}.` });
    } else {
      const { problems: _none, sourceId: _id, ...client } = row;
      clients.push(client);
      races += client.races.length;
    }
  }
  errors.push(...raceErrors);
  return {
    rows: read.map((r) => ({
      line: r.line,
      firstName: r.fields.firstName,
      lastName: r.fields.lastName,
      dateOfBirth: r.fields.dateOfBirth,
      email: r.fields.email,
      phone: r.fields.phone,
      races: r.races.length,
      problems: r.problems,
    })),
    errors,
    notes,
    clients,
    races,
    leftOut: read.filter((r) => exclude.has(r.line)).length + (input.races?.rows.filter((r) => input.excludeRaces?.has(r.line)).length ?? 0),
  };
}

/** The races file's column for each race field, by a Fettle export's headings. */
const RACE_HEADINGS = {
  clientId: 'clientid', name: 'name', date: 'date', distance: 'distance', distanceKm: 'distancekm', priority: 'priority',
  planStart: 'planstart', taperDays: 'taperdays', goalTime: 'goaltime', notes: 'notes', removedAt: 'removedat',
} as const;

/**
 * Reads a Fettle export's races.csv and gives each race to the client whose export id it names.
 * A removed race is left out with a note; a race of a left-out client goes with it.
 */
async function attachRacesFile(input: CheckInput, read: ReadRow[], total: number, notes: ImportLineMessage[], progress?: CheckProgress): Promise<ImportLineMessage[]> {
  const races = input.races!;
  const where = (line: number) => `${races.name} line ${line}`;
  const folded = races.header.cells.map(foldHeading);
  const column = Object.fromEntries(Object.entries(RACE_HEADINGS).map(([field, heading]) => [field, folded.indexOf(heading)])) as Record<keyof typeof RACE_HEADINGS, number>;
  const missing = (['clientId', 'name', 'date', 'distance'] as const).filter((f) => column[f] < 0);
  if (missing.length > 0) {
    const names = missing.map((f) => f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)); // the export's own headings: client_id
    const message = `${where(races.header.line)}: the races file has no ${names.join(', ')} column; choose the races.csv of a Fettle export.`;
    return [{ source: 'races', line: races.header.line, message }];
  }
  const idColumn = input.mapping.sourceId;
  const bySourceId = new Map<string, ReadRow>();
  if (idColumn !== undefined) for (const row of read) if (row.sourceId !== '') bySourceId.set(row.sourceId, row);
  const excludeRaces = input.excludeRaces ?? new Set<number>();
  const errors: ImportLineMessage[] = [];
  const offset = input.sheet.rows.length;
  for (let i = 0; i < races.rows.length; i++) {
    if (i % CHUNK === 0 && i > 0) await nextChunk(progress, offset + i, total);
    const row = races.rows[i]!;
    const cell = (field: keyof typeof RACE_HEADINGS) => (column[field] < 0 ? '' : (row.cells[column[field]] ?? '').trim());
    if (excludeRaces.has(row.line)) continue;
    if (cell('removedAt') !== '') {
      notes.push({ source: 'races', line: row.line, message: `${where(row.line)}: a removed race, so it is left out.` });
      continue;
    }
    const problems: string[] = [];
    const client = bySourceId.get(cell('clientId'));
    if (!client) problems.push(`no client in ${input.sheet.name} has the id “${cell('clientId')}”`);
    const race = readRace(row.line, {
      name: cell('name'), date: cell('date'), distance: cell('distance'), distanceKm: cell('distanceKm'), priority: cell('priority'),
      planStart: cell('planStart'), taperDays: cell('taperDays'), goalTime: cell('goalTime'), notes: cell('notes'),
    }, input.today, problems);
    if (problems.length > 0) errors.push({ source: 'races', line: row.line, message: `${where(row.line)}: ${problems.join('; ')}.` });
    else if (client && race) client.races.push(race);
  }
  return errors;
}
