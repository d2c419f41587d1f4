// The words: short, concrete, read aloud at the front desk. Advice is framed as the
// clinic's practice norms, never as a proven effect on race performance.
// Every headline, reason and warning is one sentence that starts with a capital letter,
// and no bracket ever stands inside another (docs/phase-rules.md, settled point 9).

import type { Phase } from '../vocabulary';
import { formatDate, formatDay } from './days';
import type { RacePlan } from './blocks';
import { DISTANCE_LABEL, PRIORITY_LABEL } from './labels';
import type { WindowKind } from './types';

/** The text with its first letter capitalised (a race name or "the marathon on ..." may lead). */
export function sentence(text: string): string {
  const first = text.charCodeAt(0);
  return first >= 97 && first <= 122 ? String.fromCharCode(first - 32) + text.slice(1) : text;
}

/** "London Marathon (26/04/2026)" or "the marathon on 26/04/2026". */
export function raceRef(plan: RacePlan): string {
  const race = plan.race;
  return race.name ? `${race.name} (${formatDate(race.date)})` : `the ${DISTANCE_LABEL[race.distance]} on ${formatDate(race.date)}`;
}

/** "in 5 days", "tomorrow", "today", "yesterday", "3 days ago". */
export function whenText(d: number): string {
  if (d === 0) return 'today';
  if (d === -1) return 'tomorrow';
  if (d === 1) return 'yesterday';
  return d < 0 ? `in ${-d} days` : `${d} days ago`;
}

/** "Race" with its priority when it is not the goal race: "Tune-up race", "Training race". */
function raceNoun(plan: RacePlan): string {
  return plan.priority === 'A' ? 'Race' : sentence(PRIORITY_LABEL[plan.priority]);
}

/** "Race in 5 days (26/04/2026)", "Tune-up race Riverside 10k tomorrow (25/09/2026)". */
function raceLead(plan: RacePlan, d: number): string {
  const name = plan.race.name;
  const noun = raceNoun(plan);
  const subject = name ? (plan.priority === 'A' ? name : `${noun} ${name}`) : noun;
  return sentence(`${subject} ${whenText(d)} (${formatDate(plan.race.date)})`);
}

export interface Who {
  /** The client's first name or "this client". */
  client: string;
  /** The chosen therapist's name, or undefined when none was given. */
  therapist: string | undefined;
  therapistGiven: boolean;
  /** The day the chosen therapist last treated the client within the year, or undefined. */
  familiarOn: number | undefined;
}

/** The headline for the window that set the ceiling, with its table value (no history rule). */
export function windowHeadline(kind: WindowKind, plan: RacePlan, d: number, week: number, who: Who): string {
  const ref = raceRef(plan);
  switch (kind) {
    case 'base':
      return `Base training, week ${week} of ${plan.block!.weeks}, for ${ref}: deep tissue OK.`;
    case 'peak':
      return `Peak training for ${ref}: deep tissue OK; the norm is a session every 14 to 21 days.`;
    case 'taper':
      return `Taper for ${ref}, ${-d} days to go: moderate at most, no deep tissue, familiar therapist and techniques only.`;
    case 'taper-cutoff':
      return `${raceLead(plan, d)}: light maintenance only, as this is past the 10-day cut-off.`;
    case 'race-week':
    case 'mini-taper-flush':
    case 'mini-taper-light': {
      const level = kind === 'mini-taper-light' ? 'light maintenance only' : 'gentle flush only';
      const with_ = who.therapist ?? 'the chosen therapist';
      return `${raceLead(plan, d)}: ${level}, and only with ${with_}, who treated ${who.client} on ${formatDay(who.familiarOn!)}.`;
    }
    case 'race-eve':
      return plan.priority === 'C' ? `${raceLead(plan, d)}: moderate at most, no deep tissue.` : `${raceLead(plan, d)}: avoid massage.`;
    case 'race-day': {
      const name = plan.race.name;
      return `${raceNoun(plan)} day${name ? ` for ${name}` : ''} (${formatDate(plan.race.date)}): gentle flush only, and only after the finish.`;
    }
    case 'post-race-flush':
    case 'post-race-light':
    case 'post-race-moderate': {
      const level = kind === 'post-race-flush' ? 'gentle flush only' : kind === 'post-race-light' ? 'light work only' : 'moderate at most';
      return `${dayCount(d)} after ${ref}: ${level}; deep tissue OK from ${formatDay(plan.raceDay + plan.postRace.openFrom)}.`;
    }
  }
}

/** "Day 3": a sentence never starts with a digit. */
function dayCount(d: number): string {
  return `Day ${d}`;
}

/** Headline when the chosen therapist is not familiar in race week or a B mini-taper. */
export function unfamiliarHeadline(kind: WindowKind, plan: RacePlan, d: number, who: Who): string {
  const start = `${raceLead(plan, d)}: avoid massage`;
  if (!who.therapistGiven) {
    const level = kind === 'mini-taper-light' ? 'light maintenance is' : 'a gentle flush is';
    return `${start}, as no therapist is chosen; ${level} OK only with a therapist who has treated ${who.client} in the past year.`;
  }
  return `${start}, as ${who.therapist ?? 'the chosen therapist'} has not treated ${who.client} in the past year.`;
}

/** Why the familiar-therapist rule applies (a reason; the no-therapist warning says the rest). */
export function unfamiliarReason(who: Who): string {
  return who.therapistGiven
    ? `${who.therapist ?? 'The chosen therapist'} has not treated ${who.client} in the 365 days before today, so is not a familiar therapist.`
    : `Only a therapist who has treated ${who.client} in the 365 days before today counts as familiar, and none is chosen.`;
}

/**
 * The clause a headline gains in the taper with an unfamiliar therapist: the headline itself
 * says so (settled point 9), the warning adds the code.
 */
export function unfamiliarTaperClause(who: Who): string {
  return who.therapistGiven
    ? `${who.therapist ?? 'the chosen therapist'} has not treated ${who.client} in the past year, and an unfamiliar therapist in the taper is not recommended`
    : 'no therapist is chosen, and an unfamiliar therapist in the taper is not recommended';
}

/** A sentence with one more clause before its full stop. */
export function withClause(text: string, clause: string): string {
  return `${text.slice(0, -1)}; ${clause}.`;
}

export const NO_TREATMENT_THIS_BLOCK = 'no massage this block: skip it rather than add a new stimulus now';
const NO_TREATMENT_BEFORE_TODAY = 'no massage before today in this block: skip it rather than add a new stimulus now';

/**
 * Headline of the "no treatment this block" rule. History means before the date (settled
 * point 6): when the only session in the block is today's, say "before today".
 */
export function noTreatmentHeadline(plan: RacePlan, d: number, client: string, treatedToday: boolean): string {
  const none = treatedToday ? 'no massage before today in this block' : 'no massage this block';
  return `${raceLead(plan, d)}: avoid massage, as ${client} has had ${none}; skip it rather than add a new stimulus now.`;
}

export function noTreatmentReason(plan: RacePlan, treatedToday: boolean): string {
  const since = `the block for ${raceRef(plan)} began on ${formatDay(plan.block!.start)}`;
  return treatedToday
    ? `Nothing logged before today since ${since}, so ${NO_TREATMENT_BEFORE_TODAY}.`
    : `No treatment logged since ${since}, so ${NO_TREATMENT_THIS_BLOCK}.`;
}

export const OFF_SEASON_HEADLINE =
  'Off-season: deep tissue OK; the best time for injury work, new techniques or a new therapist.';

const PHASE_CONTEXT: Readonly<Record<Phase, string>> = {
  'off-season': 'in the off-season',
  base: 'in base training for',
  peak: 'in peak training for',
  taper: 'in the taper for',
  'race-week': 'in race week for',
  'race-day': 'on race day for',
  'post-race': 'in the recovery after',
};

export function sorenessHeadline(phase: Phase, plan: RacePlan | undefined): string {
  const context = plan === undefined ? '' : `, ${PHASE_CONTEXT[phase]} ${raceRef(plan)}`;
  return `Sore or tender to the touch today: light / maintenance at most${context}.`;
}

/** Why the window has its ceiling, as the clinic's practice norm. */
export function windowReason(kind: WindowKind, plan: RacePlan, d: number, week: number): string {
  return sentence(windowReasonText(kind, plan, d, week));
}

function windowReasonText(kind: WindowKind, plan: RacePlan, d: number, week: number): string {
  const ref = raceRef(plan);
  switch (kind) {
    case 'base':
      return `Week ${week} of the ${plan.block!.weeks}-week block for ${ref} is base training, weeks 1 to ${plan.block!.baseWeeks}: deep tissue is OK.`;
    case 'peak':
      return `Week ${week} of the ${plan.block!.weeks}-week block for ${ref} is peak training: deep tissue is OK.`;
    case 'taper':
      return `${ref} is ${-d} days away, in the taper: practice norm is moderate work at most and no deep tissue.`;
    case 'taper-cutoff':
      return `${ref} is ${-d} days away; regular sessions stop 10 days before a race so the legs arrive fresh.`;
    case 'race-week':
      return `${ref} is ${-d} days away, in race week: practice norm is a gentle flush with a familiar therapist, or nothing; deep or badly timed work can leave legs flat, bruised, heavy and sluggish.`;
    case 'race-eve':
      return plan.priority === 'C'
        ? `${ref} is a training race tomorrow: moderate at most the day before.`
        : `${ref} is tomorrow: no massage the day before a race.`;
    case 'mini-taper-light':
      return `${ref} is a tune-up race ${whenText(d)}: its mini-taper allows light maintenance with a familiar therapist, or nothing.`;
    case 'mini-taper-flush':
      return `${ref} is a tune-up race ${whenText(d)}: a gentle flush with a familiar therapist in the last two days, or nothing.`;
    case 'race-day':
      return `${ref} is today: a short, light, circulatory flush after the finish only.`;
    case 'post-race-flush':
    case 'post-race-light':
    case 'post-race-moderate': {
      const ends = plan.postRace;
      const next =
        kind === 'post-race-flush' ? ends.flushEnd + 1 : kind === 'post-race-light' ? ends.lightEnd + 1 : ends.moderateEnd + 1;
      const nextLevel =
        kind === 'post-race-flush' && ends.lightEnd > ends.flushEnd
          ? 'light work'
          : kind !== 'post-race-moderate' && ends.moderateEnd > ends.lightEnd
            ? 'moderate work'
            : 'deep tissue';
      const halved = plan.priority === 'C' ? ', a training race, so the recovery windows are halved' : '';
      return `${dayCount(d)} after ${ref}${halved}: practice norm is light work first and deeper later if needed; ${nextLevel} from ${formatDay(plan.raceDay + next)}.`;
    }
  }
}

/** Booking advice of the window (the table's third column), naming the window's own ceiling. */
export function bookingAdvice(kind: WindowKind | undefined): string | undefined {
  switch (kind) {
    case undefined:
      return 'Booking: the best time for injury work, new techniques or a new therapist.';
    case 'base':
      return 'Booking: a baseline assessment early in the block; otherwise for carried-over niggles, a return from injury, or known hotspots such as calves, hips and hamstrings.';
    case 'peak':
      return 'Booking: every 14 to 21 days, ideally within 48 hours after the longest run; also when tightness alters the gait or the legs feel heavy.';
    case 'taper':
      return 'Booking: the last regular session no later than 10 days before the race; familiar therapist and techniques only.';
    case 'taper-cutoff':
      return 'Booking: no more regular sessions before the race; keep any visit short and familiar.';
    case 'race-week':
    case 'mini-taper-flush':
      return 'Booking: only a short flush with a therapist the client knows, or nothing.';
    case 'mini-taper-light':
      return 'Booking: light maintenance at most, only with a therapist the client knows, or nothing.';
    case 'race-eve':
      return undefined;
    case 'race-day':
      return 'Booking: after the finish only; short, light, circulatory.';
    case 'post-race-flush':
    case 'post-race-light':
    case 'post-race-moderate':
      return 'Booking: light work first for circulation, stiffness and movement; deeper later if needed.';
  }
}

export function tuneUpWarning(tuneUp: RacePlan, goal: RacePlan): string {
  return `Tune-up inside taper: check with the coach, as ${raceRef(tuneUp)} falls in the taper for ${raceRef(goal)}.`;
}

export function aRacesCloseWarning(earlier: RacePlan, later: RacePlan): string {
  return `Two goal races less than 6 weeks apart, ${raceRef(earlier)} and ${raceRef(later)}: check with the coach.`;
}

export function adjustedWarning(plan: RacePlan, note: string): string {
  return sentence(`${raceRef(plan)}: ${note}.`);
}
