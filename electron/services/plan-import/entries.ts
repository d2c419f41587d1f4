// A plan file read into entries, then checked against the race it is for: every entry is a
// session, a note (weekly summary, excluded line) or an error naming its line
// (docs/phase-rules.md, "Reading plan files").

import { engineRace } from '../../../shared/api/engine-input';
import type { ParsedPlanSession, PlanColumnMapping, PlanLineMessage, PlanPreview, Race } from '../../../shared/api/types';
import { blockOfRace, dayNumber, distanceForKm, formatDate, formatDay, isWeeklySummary, isoDateOf } from '../../../shared/guidance';
import type { IsoDate, PlanUnit, SessionKind } from '../../../shared/vocabulary';
import { readDate, readKind } from './amounts';

/** One line's session as read, before it is checked against the race. */
export interface PlanEntry {
  line: number;
  dateText: string;
  date: IsoDate | undefined;
  title: string;
  kind: SessionKind | undefined;
  distanceKm: number | null;
  durationMin: number | null;
  unit: PlanUnit;
  /** A weekly summary, not a session (spans several days, or titled "Training week 5: 53 km"). */
  summary: boolean;
  /** Why the line cannot be read, in words that follow "Line n: ". */
  problems: string[];
}

/** What a reader makes of a whole file. */
export interface PlanFileReading {
  columns: string[];
  mapping: PlanColumnMapping | null;
  unit: PlanUnit;
  entries: PlanEntry[];
  /** Problems with the file as a whole (or a line that could not be split into cells). */
  errors: PlanLineMessage[];
  notes: PlanLineMessage[];
}

/** An entry from a line's date text, title and all its words (title and description). */
export function entryFromWords(line: number, dateText: string, title: string, words: string, days?: number): PlanEntry {
  return {
    line,
    dateText,
    date: readDate(dateText),
    title,
    // The title names the session; notes ("race tomorrow!") only when the title names no kind.
    kind: readKind(title) ?? readKind(words),
    distanceKm: null,
    durationMin: null,
    unit: 'km',
    summary: isWeeklySummary({ title, ...(days === undefined ? {} : { days }) }),
    problems: [],
  };
}

/** Six decimals: 18 mi is 28.968192 km exactly, without floating-point tails. */
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

function amountText(km: number, unit: PlanUnit): string {
  const value = unit === 'mi' ? km / 1.609344 : km;
  return `${Math.round(value * 100) / 100} ${unit}`;
}

/**
 * Checks each entry against the race: a readable date inside the race's block (S to race day),
 * no negative amounts. Lines in `exclude` are left out with a note. Nothing is written.
 */
export function checkPlan(reading: PlanFileReading, race: Race, format: 'csv' | 'ics', exclude: ReadonlySet<number> = new Set()): PlanPreview {
  const block = blockOfRace(engineRace(race));
  const raceDay = dayNumber(race.date);
  const raceName = race.name.trim() || 'the race';
  const preview: PlanPreview = {
    format,
    columns: reading.columns,
    mapping: reading.mapping,
    unit: reading.unit,
    block: { start: isoDateOf(block.start), end: race.date, weeks: block.weeks },
    sessions: [],
    errors: reading.errors.filter((e) => !exclude.has(e.line)),
    notes: [...reading.notes],
    suggestedRaces: [],
  };
  for (const entry of reading.entries) {
    if (exclude.has(entry.line)) {
      preview.notes.push({ line: entry.line, message: `Line ${entry.line}: left out, as asked.` });
      continue;
    }
    if (entry.summary) {
      preview.notes.push({ line: entry.line, message: `Line ${entry.line}: "${entry.title}" is a weekly summary, not a session, so it is left out.` });
      continue;
    }
    const problems = [...entry.problems];
    if (entry.date === undefined) {
      problems.unshift(entry.dateText === '' ? 'there is no date' : `the date "${entry.dateText}" cannot be read; write it as dd/mm/yyyy or yyyy-mm-dd`);
    } else {
      const day = dayNumber(entry.date);
      if (day < block.start) problems.push(`${formatDate(entry.date)} is before the block for ${raceName} starts on ${formatDay(block.start)}`);
      if (day > raceDay) problems.push(`${formatDate(entry.date)} is after the race on ${formatDate(race.date)}`);
    }
    if (entry.distanceKm !== null && entry.distanceKm < 0) problems.push(`the distance ${amountText(entry.distanceKm, entry.unit)} is negative`);
    if (entry.durationMin !== null && entry.durationMin < 0) problems.push(`the duration ${entry.durationMin} min is negative`);
    if (problems.length > 0) {
      preview.errors.push({ line: entry.line, message: `Line ${entry.line}: ${problems.join('; ')}.` });
      continue;
    }
    const session: ParsedPlanSession = {
      line: entry.line,
      date: entry.date!,
      distanceKm: entry.distanceKm !== null && entry.distanceKm > 0 ? round6(entry.distanceKm) : null,
      durationMin: entry.durationMin !== null && entry.durationMin > 0 ? round6(entry.durationMin) : null,
      kind: entry.kind ?? null,
      title: entry.title.slice(0, 200),
      unit: entry.unit,
    };
    preview.sessions.push(session);
    if (session.kind === 'race' && session.date !== race.date) {
      preview.suggestedRaces.push({
        line: entry.line,
        date: session.date,
        title: session.title,
        distanceKm: session.distanceKm,
        distance: session.distanceKm === null ? null : distanceForKm(session.distanceKm),
      });
    }
  }
  preview.errors.sort((a, b) => a.line - b.line);
  preview.notes.sort((a, b) => a.line - b.line);
  return preview;
}
