import type { z } from 'zod';
import { engineRace } from '../../shared/api/engine-input';
import type { planFile, planImport, planSessionInput, planSessionUpdate } from '../../shared/api/schemas';
import type { PlanDetail, PlanImportResult, PlanPreview, PlanSession, Race } from '../../shared/api/types';
import { KM_PER_MILE, blockOfRace, dayNumber, formatDate, formatDay, isRunning, isoDateOf, planChart } from '../../shared/guidance';
import * as plans from '../db/repositories/plans';
import { getRace } from '../db/repositories/races';
import { ClinicError, notFound, type ServiceContext } from './context';
import { readCsvPlan } from './plan-import/csv';
import { checkPlan } from './plan-import/entries';
import { readIcsPlan } from './plan-import/ics';

// A race's training plan (docs/phase-rules.md, "Training plans"): kept per race, imported from
// a CSV or .ics file after a preview, or typed session by session. The phase engine reads it
// to pair peak sessions with the hardest weeks.

function requireRace(ctx: ServiceContext, raceId: number): Race {
  const race = getRace(ctx.db, raceId);
  if (!race) throw notFound('race');
  return race;
}

function blockOf(race: Race): PlanDetail['block'] {
  const block = blockOfRace(engineRace(race));
  return { start: isoDateOf(block.start), end: race.date, weeks: block.weeks };
}

/** The race's sessions and the weekly-load chart across its block. */
export function planDetail(ctx: ServiceContext, raceId: number): PlanDetail {
  const race = requireRace(ctx, raceId);
  const sessions = plans.planOfRace(ctx.db, raceId);
  return { race, block: blockOf(race), sessions, chart: planChart(engineRace(race, sessions)) };
}

function readPlanFile(input: z.output<typeof planFile>, race: Race, exclude?: ReadonlySet<number>): PlanPreview {
  const reading = input.format === 'csv' ? readCsvPlan(input.text, { mapping: input.mapping, unit: input.unit }) : readIcsPlan(input.text);
  return checkPlan(reading, race, input.format, exclude);
}

/** What a file would import, line by line, with its errors and notes. Writes nothing. */
export function previewPlan(ctx: ServiceContext, input: z.output<typeof planFile>): PlanPreview {
  return readPlanFile(input, requireRace(ctx, input.raceId));
}

/**
 * Replaces the race's plan with the file's sessions, all in one transaction. Refused while any
 * line has an error that is not excluded; the refusal lists the lines.
 */
export function importPlan(ctx: ServiceContext, input: z.output<typeof planImport>): PlanImportResult {
  const race = requireRace(ctx, input.raceId);
  const preview = readPlanFile(input, race, new Set(input.exclude));
  if (preview.errors.length > 0) {
    const shown = preview.errors.slice(0, 5).map((e) => e.message).join(' ');
    const more = preview.errors.length > 5 ? ` And ${preview.errors.length - 5} more.` : '';
    const count = preview.errors.length === 1 ? 'one line that cannot be imported' : `${preview.errors.length} lines that cannot be imported`;
    throw new ClinicError(
      'invalid',
      `The plan has ${count}, so nothing was imported. ${shown}${more} Fix the file, or leave those lines out, and import again.`,
      Object.fromEntries(preview.errors.map((e) => [`lines.${e.line}`, e.message])),
    );
  }
  if (preview.sessions.length === 0) {
    throw new ClinicError('invalid', 'The file has no sessions to import, so the plan was left as it was. Choose the file with the plan’s sessions.');
  }
  plans.replacePlan(ctx.db, race.id, preview.sessions, input.format);
  return { imported: preview.sessions.length, skipped: preview.notes, plan: planDetail(ctx, race.id) };
}

type SessionInput = z.output<typeof planSessionInput>;

/** A session typed by hand: in the race's block, and a run has a distance or a duration. */
function sessionFields(race: Race, input: Omit<SessionInput, 'raceId'>): plans.PlanSessionFields {
  const block = blockOf(race);
  if (input.date < block.start || input.date > race.date) {
    const message = `The plan for ${race.name} runs from ${formatDay(dayNumber(block.start))} to the race on ${formatDate(race.date)}: choose a date in that span.`;
    throw new ClinicError('invalid', `Date: ${message}`, { date: message });
  }
  if (isRunning(input.kind) && input.distance === null && input.durationMin === null) {
    const message = 'Give a distance or a duration for a run.';
    throw new ClinicError('invalid', `Distance: ${message}`, { distance: message });
  }
  const distanceKm = input.distance === null ? null : Math.round((input.unit === 'mi' ? input.distance * KM_PER_MILE : input.distance) * 1e6) / 1e6;
  return { date: input.date, distanceKm, durationMin: input.durationMin, kind: input.kind, title: input.title, unit: input.unit };
}

export function addSession(ctx: ServiceContext, input: SessionInput): PlanSession {
  const race = requireRace(ctx, input.raceId);
  return plans.insertPlanSession(ctx.db, race.id, sessionFields(race, input), 'hand');
}

export function updateSession(ctx: ServiceContext, input: z.output<typeof planSessionUpdate>): PlanSession {
  const session = plans.getPlanSession(ctx.db, input.id);
  if (!session) throw notFound('session');
  plans.updatePlanSession(ctx.db, input.id, sessionFields(requireRace(ctx, session.raceId), input));
  return plans.getPlanSession(ctx.db, input.id)!;
}

export function removeSession(ctx: ServiceContext, id: number): { id: number } {
  if (!plans.deletePlanSession(ctx.db, id)) throw notFound('session');
  return { id };
}
