// The training block of an A race and the post-race windows of every race, resolved once
// per race into day numbers so the per-day rules are plain integer comparisons.

import type { Distance, Priority } from '../vocabulary';
import { dayNumber, formatDate } from './days';
import type { RaceInput } from './types';

/** Default block length L (weeks) and taper T (days, race week included) by distance. */
export const BLOCK_DEFAULTS: Readonly<Record<Distance, { readonly weeks: number; readonly taperDays: number }>> = {
  '5k': { weeks: 8, taperDays: 10 },
  '10k': { weeks: 8, taperDays: 10 },
  half: { weeks: 12, taperDays: 14 },
  marathon: { weeks: 16, taperDays: 14 },
  ultra: { weeks: 20, taperDays: 21 },
  'ultra-long': { weeks: 20, taperDays: 21 },
};

export const MIN_TAPER_DAYS = 7;
export const MAX_TAPER_DAYS = 28;

/** Days in each post-race window (flush, light, moderate) by distance, as in the table. */
export const POST_RACE_DAYS: Readonly<Record<Distance, { readonly flush: number; readonly light: number; readonly moderate: number }>> = {
  '5k': { flush: 1, light: 1, moderate: 0 },
  '10k': { flush: 1, light: 2, moderate: 2 },
  half: { flush: 2, light: 3, moderate: 5 },
  marathon: { flush: 3, light: 4, moderate: 6 },
  ultra: { flush: 4, light: 5, moderate: 6 },
  'ultra-long': { flush: 6, light: 4, moderate: 6 },
};

/** Last day (d after the race) of each post-race window; `openFrom` is the first unlimited day. */
export interface PostRaceEnds {
  readonly flushEnd: number;
  readonly lightEnd: number;
  readonly moderateEnd: number;
  readonly openFrom: number;
}

function endsOf(flush: number, light: number, moderate: number): PostRaceEnds {
  return { flushEnd: flush, lightEnd: flush + light, moderateEnd: flush + light + moderate, openFrom: flush + light + moderate + 1 };
}

const FULL_POST_RACE = {} as Record<Distance, PostRaceEnds>;
const HALVED_POST_RACE = {} as Record<Distance, PostRaceEnds>;
for (const distance of Object.keys(POST_RACE_DAYS) as Distance[]) {
  const { flush, light, moderate } = POST_RACE_DAYS[distance];
  FULL_POST_RACE[distance] = endsOf(flush, light, moderate);
  // A C race is a training run: each window halved, rounded up, laid end to end from d1.
  HALVED_POST_RACE[distance] = endsOf(Math.ceil(flush / 2), Math.ceil(light / 2), Math.ceil(moderate / 2));
}

/** Post-race window ends for a race: the full table for A and B races, halved for C. */
export function postRaceEnds(distance: Distance, priority: Priority): PostRaceEnds {
  return priority === 'C' ? HALVED_POST_RACE[distance] : FULL_POST_RACE[distance];
}

/** An A race's block in day numbers. */
export interface Block {
  /** S = race date - 7L. Nothing of the race holds a day before S. */
  readonly start: number;
  /** L in weeks. */
  readonly weeks: number;
  /** T in days, race week included. */
  readonly taperDays: number;
  /** The first taper day: race - T, or S when the block is shorter than the taper. */
  readonly taperStart: number;
  /** ceil(L/2): base runs through this week. */
  readonly baseWeeks: number;
}

/** A race resolved once per query: day numbers and its block (A races only). */
export interface RacePlan {
  readonly race: RaceInput;
  /** The priority the rules use: an A race sharing its day with a longer A race counts as B. */
  readonly priority: Priority;
  readonly raceDay: number;
  readonly block: Block | undefined;
  readonly postRace: PostRaceEnds;
  /** Why a plan start, taper length or priority on the race was not used as given. */
  readonly adjustments: readonly string[] | undefined;
}

const NO_ADJUSTMENTS: readonly string[] | undefined = undefined;

/** A taper override the rules accept: a whole number of days from 7 to 28. */
function validTaper(days: number): boolean {
  return Number.isInteger(days) && days >= MIN_TAPER_DAYS && days <= MAX_TAPER_DAYS;
}

/**
 * Resolve a race's dates and (for an A race) its block: L and T with their overrides
 * (docs/phase-rules.md, settled points 1 and 2). A bad override is ignored, never stretched
 * or clamped; a plan start later than the taper simply gives a short block.
 * `demotedBy`: the longer A race on the same day, when this A race counts as B (settled point 7).
 */
export function planRace(race: RaceInput, demotedBy?: RaceInput): RacePlan {
  const raceDay = dayNumber(race.date);
  const priority: Priority = demotedBy !== undefined ? 'B' : race.priority;
  const postRace = postRaceEnds(race.distance, priority);
  if (priority !== 'A') {
    const adjustments =
      demotedBy === undefined
        ? NO_ADJUSTMENTS
        : [`it is on the same day as ${demotedBy.name ?? `the ${demotedBy.distance}`}, the longer goal race, so it counts as a tune-up race`];
    return { race, priority, raceDay, block: undefined, postRace, adjustments };
  }

  const defaults = BLOCK_DEFAULTS[race.distance];
  let adjustments: string[] | undefined;
  let weeks = defaults.weeks;
  if (race.planStart !== undefined) {
    const planDays = raceDay - dayNumber(race.planStart);
    if (planDays > 0) weeks = Math.ceil(planDays / 7);
    else (adjustments ??= []).push(`the plan start ${formatDate(race.planStart)} is not before the race, so the default ${weeks}-week block is used`);
  }
  let taperDays = defaults.taperDays;
  if (race.taperDays !== undefined) {
    if (validTaper(race.taperDays)) taperDays = race.taperDays;
    else (adjustments ??= []).push(`a taper of ${String(race.taperDays)} days is not a whole number from 7 to 28, so the default ${taperDays} days is used`);
  }
  const start = raceDay - 7 * weeks;
  const block: Block = { start, weeks, taperDays, taperStart: Math.max(start, raceDay - taperDays), baseWeeks: Math.ceil(weeks / 2) };
  return { race, priority, raceDay, block, postRace, adjustments };
}

const DISTANCE_RANK: Readonly<Record<Distance, number>> = { '5k': 0, '10k': 1, half: 2, marathon: 3, ultra: 4, 'ultra-long': 5 };

function compareText(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}

/**
 * One fixed order of races, whatever order they are listed in (settled point 3): by date;
 * on one day A before B before C and the longer distance first; then every other field.
 */
function byRaceOrder(x: RacePlan, y: RacePlan): number {
  if (x.raceDay !== y.raceDay) return x.raceDay - y.raceDay;
  const a = x.race;
  const b = y.race;
  if (a.priority !== b.priority) return a.priority < b.priority ? -1 : 1;
  if (a.distance !== b.distance) return DISTANCE_RANK[b.distance] - DISTANCE_RANK[a.distance];
  return (
    compareText(a.id, b.id) ||
    compareText(a.name, b.name) ||
    compareText(a.planStart, b.planStart) ||
    (a.taperDays ?? 0) - (b.taperDays ?? 0) ||
    (a.plan?.length ?? 0) - (b.plan?.length ?? 0)
  );
}

/**
 * Every race of a client resolved and put in one fixed order. Of two A races on the same day
 * the longer distance stays the A race (equal distances: the smaller id); the other counts
 * as B (settled point 7).
 */
export function planRaces(races: readonly RaceInput[]): RacePlan[] {
  const plans: RacePlan[] = [];
  for (let i = 0; i < races.length; i++) plans.push(planRace(races[i]!));
  if (plans.length < 2) return plans;
  // Races on file usually come in date order already: sort only when they do not.
  for (let i = 1; i < plans.length; i++) {
    if (byRaceOrder(plans[i - 1]!, plans[i]!) > 0) {
      plans.sort(byRaceOrder);
      break;
    }
  }
  let goal: RacePlan | undefined; // the A race of the current day
  for (let i = 0; i < plans.length; i++) {
    const plan = plans[i]!;
    if (goal !== undefined && goal.raceDay !== plan.raceDay) goal = undefined;
    if (plan.race.priority !== 'A') continue;
    if (goal === undefined) goal = plan;
    else plans[i] = planRace(plan.race, goal.race);
  }
  return plans;
}
