// The runner's training plan, read the way docs/phase-rules.md ("Training plans") says:
// weekly load per block week, each week's longest run, the hardest weeks, and the best days
// for a peak session (the day after and the second day after a hard week's longest run).
//
// Loads are summed in whole thousandths (metres, or thousandths of a minute), so the sum is
// exact whatever order the sessions are listed in. The engine reads a plan only when a peak
// booking is due, into per-week working arrays it reuses from call to call.

import type { Distance, IsoDate, PlanUnit, SessionKind } from '../vocabulary';
import type { Block, RacePlan } from './blocks';
import { planRace } from './blocks';
import { dayNumber, formatDay, isoDateOf } from './days';
import { distanceForKm } from './distance';
import type { PlanSessionInput, RaceInput } from './types';

export const KM_PER_MILE = 1.609344;

/** Hard weeks: the three with the greatest load, and every week within 90 % of the largest. */
export const HARDEST_WEEKS = 3;
const HARD_SHARE_TENTHS = 9;

/** Sessions of kind rest, cross or other (cross-training, physio, nutrition...) are not running and carry no load. */
export function isRunning(kind: SessionKind | null | undefined): boolean {
  return kind !== 'rest' && kind !== 'cross' && kind !== 'other';
}

/** What a plan's load is counted in: km, or minutes when the plan gives durations only. */
export type LoadMeasure = 'km' | 'min';

function positive(value: number | null | undefined): value is number {
  return value != null && value > 0;
}

/** km when any running session has a distance; else minutes. */
export function loadMeasure(sessions: readonly PlanSessionInput[]): LoadMeasure {
  for (let i = 0; i < sessions.length; i++) {
    const s = sessions[i]!;
    if (isRunning(s.kind) && positive(s.distanceKm)) return 'km';
  }
  return 'min';
}

/** A session's load in thousandths of the measure (0 when it carries none). */
function loadOf(s: PlanSessionInput, measure: LoadMeasure): number {
  if (!isRunning(s.kind)) return 0;
  const value = measure === 'km' ? s.distanceKm : s.durationMin;
  return positive(value) ? Math.round(value * 1000) : 0;
}

/**
 * Does `a` beat `b` as a week's longest run? Greater load; ties go to the later date; then
 * any other field, so the choice never depends on the order the sessions are listed in.
 */
function longerRun(loadA: number, dayA: number, a: PlanSessionInput, loadB: number, dayB: number, b: PlanSessionInput): boolean {
  if (loadA !== loadB) return loadA > loadB;
  if (dayA !== dayB) return dayA > dayB;
  if ((a.title ?? '') !== (b.title ?? '')) return (a.title ?? '') > (b.title ?? '');
  if ((a.unit ?? 'km') !== (b.unit ?? 'km')) return a.unit === 'mi';
  if ((a.kind ?? '') !== (b.kind ?? '')) return (a.kind ?? '') > (b.kind ?? '');
  return (a.distanceKm ?? 0) + (a.durationMin ?? 0) > (b.distanceKm ?? 0) + (b.durationMin ?? 0);
}

/** The plan over one block: per week (index 0 = week 1), in the engine's integer units. */
export interface BlockLoad {
  readonly measure: LoadMeasure;
  /** Thousandths of a km (or a minute) per week. */
  readonly load: Float64Array;
  /** Index into the sessions of each week's longest run, or -1. */
  readonly longest: Int32Array;
  /** Day number of each week's longest run. */
  readonly longestDay: Int32Array;
  /** 1 for the hardest weeks. */
  readonly hardest: Uint8Array;
  /** Running sessions per week. */
  readonly sessions: Uint16Array;
}

/** Per-week working arrays, reused from call to call: the engine's path allocates none of its own. */
interface Scan {
  load: Float64Array;
  longest: Int32Array;
  longestDay: Int32Array;
  longestLoad: Float64Array;
  count: Uint16Array;
  hardest: Uint8Array;
}

function newScan(weeks: number): Scan {
  return {
    load: new Float64Array(weeks),
    longest: new Int32Array(weeks),
    longestDay: new Int32Array(weeks),
    longestLoad: new Float64Array(weeks),
    count: new Uint16Array(weeks),
    hardest: new Uint8Array(weeks),
  };
}

/** JavaScript runs one scan at a time and a scan calls nothing that scans, so one set serves all. */
let work = newScan(32);

/** Days in each month of a common year. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * Day numbers of many dates that mostly share a month with the one before (a plan's sessions):
 * a date in the same month as the last one read is counted on from it, so each month is parsed
 * once. Anything else, or any doubt, goes to dayNumber, which checks it in full.
 */
class MonthReader {
  private last = '';
  private lastDay = 0;
  private lastDate = 0;
  private monthLength = 0;

  reset(): MonthReader {
    this.last = '';
    return this;
  }

  dayOf(iso: string): number {
    const last = this.last;
    if (
      last !== '' &&
      iso.length === 10 &&
      iso.charCodeAt(6) === last.charCodeAt(6) &&
      iso.charCodeAt(5) === last.charCodeAt(5) &&
      iso.charCodeAt(3) === last.charCodeAt(3) &&
      iso.charCodeAt(2) === last.charCodeAt(2) &&
      iso.charCodeAt(1) === last.charCodeAt(1) &&
      iso.charCodeAt(0) === last.charCodeAt(0) &&
      iso.charCodeAt(4) === 45 &&
      iso.charCodeAt(7) === 45
    ) {
      const d0 = iso.charCodeAt(8) - 48;
      const d1 = iso.charCodeAt(9) - 48;
      const date = d0 * 10 + d1;
      if (d0 >= 0 && d0 <= 9 && d1 >= 0 && d1 <= 9 && date >= 1 && date <= this.monthLength) return this.lastDay + date - this.lastDate;
    }
    const day = dayNumber(iso); // throws, naming the value, for anything that is not a calendar date
    const year = Number(iso.slice(0, 4));
    const month = Number(iso.slice(5, 7));
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    this.last = iso;
    this.lastDay = day;
    this.lastDate = Number(iso.slice(8, 10));
    this.monthLength = month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!;
    return day;
  }
}

const reader = new MonthReader();

/** Weekly load, longest runs and hardest weeks into the shared working arrays (first `block.weeks` entries). */
function scanPlan(sessions: readonly PlanSessionInput[], block: Block): { scan: Scan; measure: LoadMeasure } {
  const weeks = block.weeks;
  if (work.load.length < weeks) work = newScan(weeks);
  const { load, longest, longestDay, longestLoad, count, hardest } = work;
  load.fill(0, 0, weeks);
  longest.fill(-1, 0, weeks);
  count.fill(0, 0, weeks);
  hardest.fill(0, 0, weeks);
  const measure = loadMeasure(sessions);
  const days = reader.reset();
  const start = block.start;
  for (let i = 0; i < sessions.length; i++) {
    const session = sessions[i]!;
    if (!isRunning(session.kind)) continue;
    const day = days.dayOf(session.date);
    const w = Math.floor((day - start) / 7);
    if (w < 0 || w >= weeks) continue; // outside the block (race day included): no block week
    const value = loadOf(session, measure);
    load[w]! += value;
    count[w]! += 1;
    if (value === 0) continue;
    const best = longest[w]!;
    const bestLoad = longestLoad[w]!;
    if (best < 0 || value > bestLoad || (value === bestLoad && longerRun(value, day, session, bestLoad, longestDay[w]!, sessions[best]!))) {
      longest[w] = i;
      longestDay[w] = day;
      longestLoad[w] = value;
    }
  }
  // The three largest loads (with repeats): a week at or above the third is among the three.
  let first = 0;
  let second = 0;
  let third = 0;
  for (let w = 0; w < weeks; w++) {
    const value = load[w]!;
    if (value > first) {
      third = second;
      second = first;
      first = value;
    } else if (value > second) {
      third = second;
      second = value;
    } else if (value > third) {
      third = value;
    }
  }
  for (let w = 0; w < weeks; w++) {
    const value = load[w]!;
    if (value > 0 && (value >= third || value * 10 >= first * HARD_SHARE_TENTHS)) hardest[w] = 1;
  }
  return { scan: work, measure };
}

/** Weekly load, longest runs and hardest weeks of a plan over a block (arrays of its own, one entry per week). */
export function blockLoad(sessions: readonly PlanSessionInput[], block: Block): BlockLoad {
  const { scan, measure } = scanPlan(sessions, block);
  const weeks = block.weeks;
  return {
    measure,
    load: scan.load.slice(0, weeks),
    longest: scan.longest.slice(0, weeks),
    longestDay: scan.longestDay.slice(0, weeks),
    hardest: scan.hardest.slice(0, weeks),
    sessions: scan.count.slice(0, weeks),
  };
}

/** The best days after one hard week's longest run, from `from` on and before the taper. */
export interface BestDays {
  readonly run: PlanSessionInput;
  readonly days: readonly number[];
}

function bestDaysAfter(runDay: number, from: number, block: Block): number[] {
  const days: number[] = [];
  for (let day = runDay + 1; day <= runDay + 2; day++) if (day >= from && day < block.taperStart) days.push(day);
  return days;
}

/**
 * Peak booking with a plan: the first hard week whose longest run leaves a best day on or
 * after `from` (the date, or 14 days after the last treatment if later), before the taper.
 */
export function bestPeakDays(plan: RacePlan, from: number): BestDays | undefined {
  const sessions = plan.race.plan;
  const block = plan.block;
  if (sessions === undefined || sessions.length === 0 || block === undefined) return undefined;
  const { scan } = scanPlan(sessions, block);
  for (let w = 0; w < block.weeks; w++) {
    if (scan.hardest[w] === 0 || scan.longest[w]! < 0) continue;
    const runDay = scan.longestDay[w]!;
    if (runDay + 2 < from || runDay + 1 >= block.taperStart) continue;
    const days = bestDaysAfter(runDay, from, block);
    if (days.length > 0) return { run: sessions[scan.longest[w]!]!, days };
  }
  return undefined;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** "Mon 16/03": day number 0 (01/01/1970) was a Thursday. */
export function shortDay(day: number): string {
  return `${WEEKDAYS[(((day + 4) % 7) + 7) % 7]!} ${formatDay(day).slice(0, 5)}`;
}

function oneDecimal(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** "32 km", "18 mi" (the unit the plan was written in), "2 h 30 min", "45 min". */
export function sessionAmount(s: PlanSessionInput): string {
  if (positive(s.distanceKm)) return s.unit === 'mi' ? `${oneDecimal(s.distanceKm / KM_PER_MILE)} mi` : `${oneDecimal(s.distanceKm)} km`;
  if (positive(s.durationMin)) {
    const minutes = Math.round(s.durationMin);
    const hours = Math.floor(minutes / 60);
    return hours === 0 ? `${minutes} min` : minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  }
  return '';
}

/** "Best days: Mon 16/03 or Tue 17/03, after the 32 km long run." */
export function bestDaysMessage(best: BestDays): string {
  const days = best.days.map(shortDay).join(' or ');
  const noun = best.run.kind === 'race' ? 'race' : 'long run';
  return `${best.days.length === 1 ? 'Best day' : 'Best days'}: ${days}, after the ${sessionAmount(best.run)} ${noun}.`;
}

// ---- For the chart and the import screens -------------------------------------------------

/** A week's longest run, as the chart marks it. */
export interface PlanRun {
  date: IsoDate;
  title: string;
  kind: SessionKind | null;
  distanceKm: number | null;
  durationMin: number | null;
  unit: PlanUnit;
  /** "32 km", "18 mi", "2 h 30 min". */
  amount: string;
}

export interface PlanWeek {
  /** Week n of the block, 1..L. */
  week: number;
  /** First and last day of the week: S + 7(n-1) to S + 7n - 1. */
  start: IsoDate;
  end: IsoDate;
  /** The week's load in the chart's unit (km, mi or min), to one decimal. */
  load: number;
  /** Running sessions that week. */
  sessions: number;
  longestRun: PlanRun | null;
  hardest: boolean;
  /** Hardest weeks: the day after and the second day after the longest run, before the taper. */
  bestDays: IsoDate[];
}

/** A plan session of kind race on another day than the race: offer it as a B race, never add it. */
export interface SuggestedRace {
  date: IsoDate;
  title: string;
  distanceKm: number | null;
  /** The distance category of `distanceKm`, when it has one. */
  distance: Distance | null;
}

export interface PlanChart {
  /** What the load counts: km, or minutes for a plan with durations only. */
  measure: LoadMeasure;
  /** The unit of `load`: the plan's own unit (km or mi), or min. */
  unit: 'km' | 'mi' | 'min';
  /** The largest weekly load, in `unit`. */
  maxLoad: number;
  /** Every week of the block, week 1 first. */
  weeks: PlanWeek[];
  suggestedRaces: SuggestedRace[];
}

/** mi when most of the plan's distances were written in miles, else km. */
function displayUnit(sessions: readonly PlanSessionInput[]): 'km' | 'mi' {
  let miles = 0;
  let km = 0;
  for (const s of sessions) {
    if (!positive(s.distanceKm)) continue;
    if (s.unit === 'mi') miles++;
    else km++;
  }
  return miles > km ? 'mi' : 'km';
}

/** The race's block, as the A race it would be: the chart and the import check use it for any priority. */
export function blockOfRace(race: RaceInput): Block {
  return planRace(race.priority === 'A' ? race : { ...race, priority: 'A' }).block!;
}

/** Sessions of kind race on another day than the race, as tune-ups to offer (date order). */
export function suggestedRaces(race: RaceInput): SuggestedRace[] {
  const found: SuggestedRace[] = [];
  for (const s of race.plan ?? []) {
    if (s.kind !== 'race' || s.date === race.date) continue;
    const km = positive(s.distanceKm) ? s.distanceKm : null;
    found.push({ date: s.date, title: s.title ?? '', distanceKm: km, distance: km === null ? null : distanceForKm(km) });
  }
  return found.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
}

/** Everything the weekly-load chart draws for a race's plan, week by week across its block. */
export function planChart(race: RaceInput): PlanChart {
  const sessions = race.plan ?? [];
  const block = blockOfRace(race);
  const loads = blockLoad(sessions, block);
  const unit = loads.measure === 'min' ? 'min' : displayUnit(sessions);
  const scale = unit === 'mi' ? 1000 * KM_PER_MILE : 1000;
  const weeks: PlanWeek[] = [];
  let maxLoad = 0;
  for (let w = 0; w < block.weeks; w++) {
    const start = block.start + 7 * w;
    const index = loads.longest[w]!;
    const run = index < 0 ? undefined : sessions[index]!;
    const hardest = loads.hardest[w] === 1;
    const load = Math.round((loads.load[w]! / scale) * 10) / 10;
    maxLoad = Math.max(maxLoad, load);
    weeks.push({
      week: w + 1,
      start: isoDateOf(start),
      end: isoDateOf(start + 6),
      load,
      sessions: loads.sessions[w]!,
      longestRun: run === undefined ? null : planRun(run),
      hardest,
      bestDays: hardest && run !== undefined ? bestDaysAfter(loads.longestDay[w]!, block.start, block).map(isoDateOf) : [],
    });
  }
  return { measure: loads.measure, unit, maxLoad, weeks, suggestedRaces: suggestedRaces(race) };
}

function planRun(s: PlanSessionInput): PlanRun {
  return {
    date: s.date,
    title: s.title ?? '',
    kind: s.kind ?? null,
    distanceKm: s.distanceKm ?? null,
    durationMin: s.durationMin ?? null,
    unit: s.unit ?? 'km',
    amount: sessionAmount(s),
  };
}

/**
 * A session that spans several days ("Training week 5: 53 km", a week-long calendar entry)
 * is a weekly summary, not a session: importers leave it out with a note.
 */
export function isWeeklySummary(entry: { days?: number; title?: string }): boolean {
  if (entry.days !== undefined && entry.days > 1) return true;
  const title = entry.title ?? '';
  return WEEKLY_SUMMARY_TITLE.test(title) || WEEKLY_TOTAL_TITLE.test(title);
}

/** "Week 5: 53 km", "Training week 5 - 33 miles", "Week 12 total". */
const WEEKLY_SUMMARY_TITLE = /^\s*(training\s+)?week\s*\d+\s*(total|summary)?\s*[:\-–]?\s*([\d.,]+\s*(km|k|mi|miles?|kilomet(re|er)s?)?)?\s*$/i;
/** "Weekly total 53 km", "Week total", "Weekly mileage: 40 mi". */
const WEEKLY_TOTAL_TITLE = /\b(weekly|week)\s+(total|summary|mileage|volume|load)\b/i;
