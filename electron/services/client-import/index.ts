import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type {
  ClientImportPreviewResult, ClientImportResult, ImportMapping, ImportPreset, clientImportCommit, clientImportPreview,
} from '../../../shared/api/client-import';
import { IMPORT_FIELD_LABELS, IMPORT_PRESETS } from '../../../shared/api/client-import';
import { clientIdentities } from '../../db/repositories/client-import';
import { insertClient, setArchived } from '../../db/repositories/clients';
import { insertRace } from '../../db/repositories/races';
import { getSetting, setSetting } from '../../db/repositories/settings';
import { writeTransaction } from '../../db/sql';
import { ClinicError, type ServiceContext } from '../context';
import { runJob, type JobProgress } from '../progress';
import { checkImport, clientKey, type CheckedImport, type CheckProgress } from './check';
import { guessPreset, parseRemembered, presetMapping, recallMapping, rememberMapping } from './mapping';
import { readSheetFile, type Sheet } from './sheet';

// Importing clients and their races (issue 15): a preview that writes nothing, then a commit
// that checks every line again and writes all of it in one transaction, or nothing.

const SETTING = 'client_import_mapping';

type Step = (progress: JobProgress) => Promise<void>;

/** Runs `work` under the renderer's job id, so jobs:progress can follow it; quietly without one. */
const asJob = <T>(job: string | undefined, work: (step: Step | undefined) => Promise<T>): Promise<T> => (job ? runJob(job, work) : work(undefined));

const checking = (step: Step | undefined): CheckProgress | undefined => step && ((done, total) => step({ phase: 'Checking rows', done, total }));

async function readClientsFile(file: string, step: Step | undefined): Promise<Sheet> {
  await step?.({ phase: 'Reading the file', done: 0, total: 0 });
  return readSheetFile(file);
}

const columnsOf = (sheet: Sheet) => sheet.header.cells.map((cell, i) => cell || `Column ${i + 1}`);

/** Why the mapping cannot be used at all (names not mapped, a column the file does not have), or null. */
function mappingProblem(mapping: ImportMapping, columns: readonly string[]): string | null {
  const missing = (['firstName', 'lastName'] as const).filter((f) => mapping[f] === undefined);
  if (missing.length > 0) return `Choose the column that holds the ${missing.map((f) => IMPORT_FIELD_LABELS[f].toLowerCase()).join(' and the ')}.`;
  const beyond = Object.entries(mapping).find(([, index]) => index >= columns.length);
  if (beyond) return `${IMPORT_FIELD_LABELS[beyond[0] as keyof typeof IMPORT_FIELD_LABELS]}: the file has no column ${beyond[1] + 1}. Choose its column again.`;
  return null;
}

/** The mapping to use: as given; else the preset's; else the last import's, when it fits; else the best preset. */
function chooseMapping(ctx: ServiceContext, input: z.output<typeof clientImportPreview>, columns: readonly string[]) {
  if (input.mapping) return { mapping: input.mapping, mappingSource: 'given' as const, preset: presetOf(input.mapping, columns) };
  if (input.preset) return { mapping: presetMapping(input.preset, columns), mappingSource: 'preset' as const, preset: input.preset };
  const remembered = parseRemembered(getSetting(ctx.db, SETTING));
  const recalled = remembered && recallMapping(remembered, columns);
  if (recalled) return { mapping: recalled, mappingSource: 'remembered' as const, preset: presetOf(recalled, columns) };
  const guess = guessPreset(columns);
  return { mapping: guess.mapping, mappingSource: 'guessed' as const, preset: guess.preset };
}

/** The ready-made mapping this one is, if any. */
function presetOf(mapping: ImportMapping, columns: readonly string[]): ImportPreset | null {
  const same = (a: ImportMapping, b: ImportMapping) => Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([f, i]) => b[f as keyof ImportMapping] === i);
  return IMPORT_PRESETS.find((preset) => same(mapping, presetMapping(preset, columns))) ?? null;
}

/** A Fettle export's races.csv beside its clients.csv, when the clients carry their export ids. */
function racesBeside(file: string, mapping: ImportMapping): string | null {
  if (mapping.sourceId === undefined) return null;
  const beside = path.join(path.dirname(file), 'races.csv');
  return path.resolve(beside) !== path.resolve(file) && fs.existsSync(beside) ? beside : null;
}

async function readRaces(racesFile: string | null, mapping: ImportMapping): Promise<Sheet | null> {
  if (racesFile === null) return null;
  if (mapping.sourceId === undefined) {
    throw new ClinicError(
      'invalid',
      `${path.basename(racesFile)} links races to clients by the export's client id, but no column is mapped to “${IMPORT_FIELD_LABELS.sourceId}”. Map the id column, or leave the races file out.`,
    );
  }
  return readSheetFile(racesFile);
}

function existingClients(ctx: ServiceContext): Map<string, { archived: boolean }> {
  return new Map(clientIdentities(ctx.db).map((c) => [clientKey(c.first_name, c.last_name, c.date_of_birth), { archived: c.archived === 1 }]));
}

/** What the file would import, line by line, with every problem by line number. Writes nothing. */
export function previewClientImport(ctx: ServiceContext, input: z.output<typeof clientImportPreview>): Promise<ClientImportPreviewResult> {
  return asJob(input.job, (step) => preview(ctx, input, step));
}

async function preview(ctx: ServiceContext, input: z.output<typeof clientImportPreview>, step: Step | undefined): Promise<ClientImportPreviewResult> {
  const sheet = await readClientsFile(input.file, step);
  const columns = columnsOf(sheet);
  const { mapping, mappingSource, preset } = chooseMapping(ctx, input, columns);
  const racesFile = input.racesFile === undefined ? racesBeside(input.file, mapping) : input.racesFile;
  const base = {
    file: input.file, fileName: sheet.name, format: sheet.format, encoding: sheet.encoding, columns, mapping, mappingSource, preset,
    racesFile: mapping.sourceId === undefined ? null : racesFile,
  };
  const problem = mappingProblem(mapping, columns);
  if (problem) return { ...base, mappingProblem: problem, rows: [], errors: [], notes: [], counts: { clients: 0, races: 0 } };
  const races = await readRaces(base.racesFile, mapping);
  const checked = await checkImport({ sheet, mapping, races, existing: existingClients(ctx), today: ctx.today() }, checking(step));
  return { ...base, mappingProblem: null, rows: checked.rows, errors: checked.errors, notes: checked.notes, counts: { clients: checked.clients.length, races: checked.races } };
}

/** The refusal for lines that stop an import: the first few named, all of them in `fields`. */
function linesRefusal(checked: CheckedImport): ClinicError {
  const errors = checked.errors;
  const shown = errors.slice(0, 5).map((e) => e.message).join(' ');
  const more = errors.length > 5 ? ` And ${errors.length - 5} more.` : '';
  const count = errors.length === 1 ? 'one line that cannot be imported' : `${errors.length} lines that cannot be imported`;
  return new ClinicError(
    'invalid',
    `The file has ${count}, so nothing was imported. ${shown}${more} Fix the file, or leave those lines out, and import again.`,
    Object.fromEntries(errors.map((e) => [`${e.source}.${e.line}`, e.message])),
  );
}

/**
 * Reads and checks the file again (the preview is not trusted), then writes every client and
 * race in one transaction; refused, writing nothing, while any line not left out has a problem.
 * The mapping is remembered for the next import.
 */
export function commitClientImport(ctx: ServiceContext, input: z.output<typeof clientImportCommit>): Promise<ClientImportResult> {
  return asJob(input.job, (step) => commit(ctx, input, step));
}

async function commit(ctx: ServiceContext, input: z.output<typeof clientImportCommit>, step: Step | undefined): Promise<ClientImportResult> {
  const sheet = await readClientsFile(input.file, step);
  const columns = columnsOf(sheet);
  const problem = mappingProblem(input.mapping, columns);
  if (problem) throw new ClinicError('invalid', `Nothing was imported. ${problem}`);
  const races = await readRaces(input.racesFile, input.mapping);
  const checked = await checkImport(
    { sheet, mapping: input.mapping, races, existing: existingClients(ctx), today: ctx.today(), exclude: new Set(input.exclude), excludeRaces: new Set(input.excludeRaces) },
    checking(step),
  );
  if (checked.errors.length > 0) throw linesRefusal(checked);
  if (checked.clients.length === 0) throw new ClinicError('invalid', 'Every line is left out, so there is nothing to import. Keep at least one line.');

  const writing = (done: number) => step?.({ phase: 'Writing clients and races', done, total: checked.clients.length });
  // One transaction cannot pause for the event loop: the window is told before it starts.
  await writing(0);
  writeTransaction(ctx.db, () => {
    // Someone may have added one of these clients since the lines were checked.
    const existing = existingClients(ctx);
    const taken = checked.clients.filter((c) => existing.has(c.key));
    if (taken.length > 0) {
      throw new ClinicError('conflict', `Nothing was imported: ${taken.map((c) => `line ${c.line}`).join(', ')} became clients while the file was checked. Preview the file again.`);
    }
    for (const draft of checked.clients) {
      const client = insertClient(ctx.db, draft.fields);
      if (draft.archived) setArchived(ctx.db, client.id, true, client.updatedAt);
      for (const { line: _line, ...race } of draft.races) insertRace(ctx.db, { ...race, clientId: client.id });
    }
    setSetting(ctx.db, SETTING, JSON.stringify(rememberMapping(input.mapping, columns, presetOf(input.mapping, columns))));
  });
  await writing(checked.clients.length);
  return { clients: checked.clients.length, races: checked.races, leftOut: checked.leftOut };
}
