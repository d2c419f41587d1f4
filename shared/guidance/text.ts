// The words: short, concrete, read aloud at the front desk. Advice is framed as the
// clinic's practice norms, never as a proven effect on race performance.

import { formatDate, formatDay } from './days';
import type { RacePlan } from './blocks';
import { DISTANCE_LABEL, PRIORITY_LABEL } from './labels';
import type { WindowKind } from './types';

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
  return plan.race.priority === 'A' ? 'Race' : PRIORITY_LABEL[plan.race.priority].replace(/^./, (c) => c.toUpperCase());
}

/** "Race in 5 days (26/04/2026)", "Tune-up race Riverside 10k tomorrow (25/09/2026)". */
function raceLead(plan: RacePlan, d: number): string {
  const name = plan.race.name;
  const noun = raceNoun(plan);
  const subject = name ? (plan.race.priority === 'A' ? name : `${noun} ${name}`) : noun;
  return `${subject} ${whenText(d)} (${formatDate(plan.race.date)})`;
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
  const noun = raceNoun(plan);
  const on = formatDate(plan.race.date);
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
      return plan.race.priority === 'C'
        ? `${raceLead(plan, d)}: moderate at most, no deep tissue.`
        : `${raceLead(plan, d)}: avoid massage.`;
    case 'race-day':
      return `${noun} day${plan.race.name ? ` for ${plan.race.name}` : ''} (${on}): gentle flush only, and only after the finish.`;
    case 'post-race-flush':
    case 'post-race-light':
    case 'post-race-moderate': {
      const level = kind === 'post-race-flush' ? 'gentle flush only' : kind === 'post-race-light' ? 'light work only' : 'moderate at most';
      return `${dayCount(d)} after ${ref}: ${level}; deep tissue OK from ${formatDay(plan.raceDay + plan.postRace.openFrom)}.`;
    }
  }
}

function dayCount(d: number): string {
  return d === 1 ? '1 day' : `${d} days`;
}

/** Headline when the chosen therapist is not familiar in race week or a mini-taper. */
export function unfamiliarHeadline(plan: RacePlan, d: number, who: Who): string {
  const start = `${raceLead(plan, d)}: avoid massage`;
  if (!who.therapistGiven) {
    return `${start}, as no therapist is chosen; a gentle flush is OK only with a therapist who has treated ${who.client} in the past year.`;
  }
  return `${start}, as ${who.therapist ?? 'the chosen therapist'} has not treated ${who.client} in the past year.`;
}

export const NO_TREATMENT_THIS_BLOCK = 'no massage this block: skip it rather than add a new stimulus now';

export function noTreatmentHeadline(plan: RacePlan, d: number, client: string): string {
  return `${raceLead(plan, d)}: avoid massage, as ${client} has had no massage this block; skip it rather than add a new stimulus now.`;
}

export const OFF_SEASON_HEADLINE =
  'Off-season: deep tissue OK; the best time for injury work, new techniques or a new therapist.';

export function sorenessHeadline(context: string | undefined): string {
  return `Sore or tender to the touch today: light / maintenance at most${context ? ` (${context})` : ''}.`;
}

/** Why the window has its ceiling, as the clinic's practice norm. */
export function windowReason(kind: WindowKind, plan: RacePlan, d: number, week: number): string {
  const ref = raceRef(plan);
  switch (kind) {
    case 'base':
      return `Week ${week} of the ${plan.block!.weeks}-week block for ${ref} is base training (weeks 1 to ${plan.block!.baseWeeks}): deep tissue is OK.`;
    case 'peak':
      return `Week ${week} of the ${plan.block!.weeks}-week block for ${ref} is peak training: deep tissue is OK.`;
    case 'taper':
      return `${ref} is ${-d} days away, in the taper: practice norm is moderate work at most and no deep tissue.`;
    case 'taper-cutoff':
      return `${ref} is ${-d} days away, past the 10-day cut-off for regular sessions: light maintenance only.`;
    case 'race-week':
      return `${ref} is ${-d} days away, in race week: practice norm is a gentle flush with a familiar therapist, or nothing; deep or badly timed work can leave legs flat, bruised, heavy and sluggish.`;
    case 'race-eve':
      return plan.race.priority === 'C'
        ? `${ref} is a training race tomorrow: moderate at most the day before.`
        : `${ref} is tomorrow: no massage the day before a race.`;
    case 'mini-taper-light':
      return `${ref} is a tune-up race ${whenText(d)}: its mini-taper allows light maintenance only.`;
    case 'mini-taper-flush':
      return `${ref} is a tune-up race ${whenText(d)}: gentle flush only in the last two days.`;
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
      const halved = plan.race.priority === 'C' ? ' (a training race: the recovery windows are halved)' : '';
      return `${dayCount(d)} after ${ref}${halved}: practice norm is light work first and deeper later if needed; ${nextLevel} from ${formatDay(plan.raceDay + next)}.`;
    }
  }
}

/** Booking advice of the window (the table's third column). */
export function bookingAdvice(kind: WindowKind | undefined): string | undefined {
  switch (kind) {
    case undefined:
      return 'Booking: the best time for injury work, new techniques or a new therapist.';
    case 'base':
      return 'Booking: a baseline assessment early in the block; otherwise for carried-over niggles, a return from injury, or known hotspots (calves, hips, hamstrings).';
    case 'peak':
      return 'Booking: every 14 to 21 days, ideally within 48 hours after the longest run; also when tightness alters the gait or the legs feel heavy.';
    case 'taper':
      return 'Booking: the last regular session no later than 10 days before the race; familiar therapist and techniques only.';
    case 'taper-cutoff':
      return 'Booking: light maintenance only from here to the race.';
    case 'race-week':
    case 'mini-taper-flush':
    case 'mini-taper-light':
      return 'Booking: only a short flush with a therapist the client knows, or nothing.';
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
