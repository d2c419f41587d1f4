import { z } from 'zod';
import type { IsoDate } from '../vocabulary';
import { fullPath, jobId } from './schemas';

// Importing clients and their races from a spreadsheet (issue 15): the fields a column can fill,
// the ready-made mappings, the calls' inputs and what they answer. Shared by main and the UI.

/** What a column of the file can hold. The race fields describe one race on the client's own row. */
export const IMPORT_FIELDS = [
  'firstName', 'lastName', 'dateOfBirth', 'email', 'phone', 'notes', 'medicalAlerts',
  'emergencyContactName', 'emergencyContactPhone', 'gp', 'hotspots',
  'consentTreatment', 'consentData', 'consentDate', 'archived',
  'sourceId', 'raceName', 'raceDate', 'raceDistance', 'raceDistanceKm', 'racePriority',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_FIELD_LABELS: Readonly<Record<ImportField, string>> = {
  firstName: 'First name',
  lastName: 'Last name',
  dateOfBirth: 'Date of birth',
  email: 'Email',
  phone: 'Phone',
  notes: 'Notes',
  medicalAlerts: 'Medical alerts',
  emergencyContactName: 'Emergency contact',
  emergencyContactPhone: 'Emergency contact phone',
  gp: 'GP',
  hotspots: 'Hotspots',
  consentTreatment: 'Consent to treatment',
  consentData: 'Consent to keep data',
  consentDate: 'Consent date',
  archived: 'Archived',
  sourceId: 'Client number (links races.csv)',
  raceName: 'Race name',
  raceDate: 'Race date',
  raceDistance: 'Race distance',
  raceDistanceKm: 'Race distance in km',
  racePriority: 'Race priority',
};

/** Ready-made mappings: each matches the usual column headings of one kind of file. */
export const IMPORT_PRESETS = ['plain', 'practice', 'fettle'] as const;
export type ImportPreset = (typeof IMPORT_PRESETS)[number];

export const IMPORT_PRESET_LABELS: Readonly<Record<ImportPreset, string>> = {
  plain: 'Plain spreadsheet',
  practice: 'Practice software export',
  fettle: 'Fettle export',
};

/** Which column (0-based, in the file's order) fills each field; a field left out is not imported. */
export type ImportMapping = Partial<Record<ImportField, number>>;

const columnIndex = z.number().int().min(0).max(500);
export const importMapping = z.partialRecord(z.enum(IMPORT_FIELDS), columnIndex);

const lines = z.array(z.number().int().positive()).max(200_000).default([]);

export const clientImportPreview = z.strictObject({
  file: fullPath('File'),
  /** A Fettle export's races.csv. Left out: the races.csv beside a clients.csv is used; null: none. */
  racesFile: fullPath('Races file').nullable().optional(),
  /** Given: used as it is. Otherwise the preset's; otherwise the last import's, if it fits; otherwise guessed. */
  mapping: importMapping.nullable().default(null),
  preset: z.enum(IMPORT_PRESETS, { error: 'Mapping: choose a ready-made mapping.' }).nullable().default(null),
  /** Names this run for jobs:progress; the renderer makes it up. */
  job: jobId.optional(),
});

export const clientImportCommit = z.strictObject({
  file: fullPath('File'),
  racesFile: fullPath('Races file').nullable().default(null),
  mapping: importMapping,
  /** Lines of the file (as the preview numbered them) left out, their errors with them. */
  exclude: lines,
  /** Lines of the races file left out. */
  excludeRaces: lines,
  job: jobId.optional(),
});

/** Which file a line is in: the clients' file, or a Fettle export's races.csv. */
export type ImportSource = 'clients' | 'races';

export interface ImportLineMessage {
  source: ImportSource;
  /** The file's own line number: the header is line 1 (a spreadsheet's row number). */
  line: number;
  /** Starts with where it is: "Line 4: …" or "races.csv line 4: …". */
  message: string;
}

/** One row of the clients' file as the preview shows it. */
export interface ImportRow {
  line: number;
  firstName: string;
  lastName: string;
  dateOfBirth: IsoDate | null;
  email: string;
  phone: string;
  /** Races that come with this client (its own row's, and the races file's). */
  races: number;
  /** What stops this line, in words that follow "Line n: "; empty when it can be imported. */
  problems: string[];
}

export interface ClientImportPreviewResult {
  file: string;
  fileName: string;
  format: 'csv' | 'xlsx';
  /** How the file was read, in words: "UTF-8", "UTF-16 (little-endian)", "Excel workbook". */
  encoding: string;
  /** The header row's cells, in order ("Column 3" for an empty heading). */
  columns: string[];
  mapping: ImportMapping;
  mappingSource: 'given' | 'preset' | 'remembered' | 'guessed';
  /** The ready-made mapping used or recognised; null for one made by hand. */
  preset: ImportPreset | null;
  /** Why the mapping cannot be used yet (the names are not mapped); no line is checked until it is. */
  mappingProblem: string | null;
  racesFile: string | null;
  rows: ImportRow[];
  /** Every problem, the clients' lines first, each by line number. */
  errors: ImportLineMessage[];
  /** Lines left out on purpose (a removed race in an export), not errors. */
  notes: ImportLineMessage[];
  /** Clients and races the lines without errors hold. */
  counts: { clients: number; races: number };
}

export interface ClientImportResult {
  clients: number;
  races: number;
  /** Lines of either file left out as asked. */
  leftOut: number;
}
