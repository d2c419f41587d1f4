// The training block of an A race and the post-race windows of every race, resolved once
// per race into day numbers so the per-day rules are plain integer comparisons.

import type { Distance, Priority } from '../vocabulary';
import { dayNumber } from './days';
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
  /** S = race date - 7L. */
  readonly start: number;
  /** L in weeks. */
  readonly weeks: number;
  /** T in days, race week included. */
  readonly taperDays: number;
  /** ceil(L/2): base runs through this week. */
  readonly baseWeeks: number;
}

/** A race resolved once per query: day numbers and its block (A races only). */
export interface RacePlan {
  readonly race: RaceInput;
  readonly raceDay: number;
  readonly block: Block | undefined;
  readonly postRace: PostRaceEnds;
  /** Why a plan start or taper length on the race was not used as given. */
  readonly adjustments: readonly string[] | undefined;
}

const NO_ADJUSTMENTS: readonly string[] | undefined = undefined;

/** Resolve a race's dates and (for an A race) its block: L and T with their overrides. */
export function planRace(race: RaceInput): RacePlan {
  const raceDay = dayNumber(race.date);
  const postRace = postRaceEnds(race.distance, race.priority);
  if (race.priority !== 'A') return { race, raceDay, block: undefined, postRace, adjustments: NO_ADJUSTMENTS };

  const defaults = BLOCK_DEFAULTS[race.distance];
  let adjustments: string[] | undefined;
  let weeks = defaults.weeks;
  if (race.planStart !== undefined) {
    const planDays = raceDay - dayNumber(race.planStart);
    if (planDays > 0) weeks = Math.ceil(planDays / 7);
    else (adjustments ??= []).push(`plan start ${race.planStart} is not before the race, so the default ${weeks}-week block is used`);
  }
  let taperDays = defaults.taperDays;
  if (race.taperDays !== undefined) {
    if (!Number.isFinite(race.taperDays)) {
      (adjustments ??= []).push(`taper length ${String(race.taperDays)} is not a number, so the default ${taperDays} days is used`);
    } else {
      // Out of range: the nearest allowed length (a taper is 7 to 28 days).
      taperDays = Math.min(MAX_TAPER_DAYS, Math.max(MIN_TAPER_DAYS, Math.round(race.taperDays)));
      if (taperDays !== race.taperDays) (adjustments ??= []).push(`taper length ${race.taperDays} days is read as ${taperDays} days (allowed: 7 to 28)`);
    }
  }
  // A late plan start must not cut the taper short: the block is at least as long as the taper.
  const taperWeeks = Math.ceil(taperDays / 7);
  if (weeks < taperWeeks) {
    (adjustments ??= []).push(`the block is lengthened to ${taperWeeks} weeks so the ${taperDays}-day taper fits`);
    weeks = taperWeeks;
  }
  const block: Block = { start: raceDay - 7 * weeks, weeks, taperDays, baseWeeks: Math.ceil(weeks / 2) };
  return { race, raceDay, block, postRace, adjustments };
}
