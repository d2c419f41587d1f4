// The engine's query and result shapes (docs/phase-rules.md, "Engine contract"), plus the
// optional fields that let the guidance text name races, therapists and the client.

import type { Distance, Intensity, IsoDate, Phase, PlanUnit, Priority, SessionKind } from '../vocabulary';

/**
 * One dated session of a runner's training plan (docs/phase-rules.md, "Training plans").
 * Distances are computed in km whatever unit the plan was written in.
 */
export interface PlanSessionInput {
  date: IsoDate;
  /** The session's distance in km; absent or null when the plan gives a duration only. */
  distanceKm?: number | null;
  /** The session's duration in minutes. */
  durationMin?: number | null;
  /** Absent: a run. `rest`, `cross` and `other` are not running and carry no load. */
  kind?: SessionKind | null;
  title?: string;
  /** The unit the plan was written in, for display ("18 mi"); km when absent. */
  unit?: PlanUnit;
}

export interface RaceInput {
  id: string;
  date: IsoDate;
  distance: Distance;
  priority: Priority;
  /** Own plan start: L = whole weeks from here to the race, rounded up. A races only. */
  planStart?: IsoDate;
  /** Own taper length T in days, race week included (7..28). A races only. */
  taperDays?: number;
  /** Shown in the guidance text, e.g. "London Marathon". */
  name?: string;
  /** The runner's training plan for this race (A races: it pairs peak sessions with the hardest weeks). */
  plan?: readonly PlanSessionInput[];
}

export interface TreatmentInput {
  date: IsoDate;
  therapistId: string;
  intensity: Intensity;
}

/** A booked session that has not happened yet (only the taper booking rule reads these). */
export interface AppointmentInput {
  date: IsoDate;
  therapistId?: string;
}

export interface GuidanceQuery {
  /** The day the guidance is for, `YYYY-MM-DD` in the clinic's local time. */
  date: IsoDate;
  races: readonly RaceInput[];
  /** The treatment history on file; entries dated after `date` are ignored by every rule. */
  treatments: readonly TreatmentInput[];
  /** Booked sessions; count as "booked" for the taper booking rule. */
  appointments?: readonly AppointmentInput[];
  /** Who would treat. None given: assumed unfamiliar, and the guidance says so. */
  therapistId?: string;
  /** The therapist records that the client is sore or tender to the touch today. */
  sore?: boolean;
  /** Therapist names by id, for the text ("only with Sam, ..."). */
  therapists?: Readonly<Record<string, string>>;
  /** The client's first name, for the text; "this client" when absent. */
  clientName?: string;
}

/**
 * Every warning code the engine gives: part of the contract (docs/phase-rules.md, settled
 * point 8). New codes may be added; these keep their meaning.
 */
export const WARNING_CODES = [
  'race-details-adjusted',
  'tune-up-inside-taper',
  'a-races-close',
  'past-taper-cutoff',
  'unfamiliar-therapist-taper',
  'no-therapist-chosen',
] as const;

export type WarningCode = (typeof WARNING_CODES)[number];

export interface Warning {
  code: WarningCode;
  message: string;
}

export type DueKind = 'baseline-assessment' | 'peak-session' | 'taper-session' | 'recovery-flush' | 'deeper-work';

export interface Due {
  kind: DueKind;
  /** The date to book by; for `deeper-work`, the first day it is allowed (same as `from`). */
  by: IsoDate;
  /** The first day the booking counts as overdue. */
  overdueFrom?: IsoDate;
  /** The first day the session may take place (post-race kinds). */
  from?: IsoDate;
  /** The race the booking is for. */
  raceId?: string;
  /**
   * Peak session with a training plan: the best days to book (the day after and the second
   * day after a hard week's longest run), from `by` on.
   */
  bestDays?: IsoDate[];
  /** One line for the booking screen, e.g. "Book the taper session by 16/03/2026." */
  message: string;
}

/**
 * The dated window of one race that holds a day. A-race block: base, peak, taper
 * (d <= -11, moderate), taper-cutoff (-10..-8, light), race-week (-7..-2), race-eve (-1).
 * B race: mini-taper-light (-5..-3), mini-taper-flush (-2..-1). C race: race-eve (-1).
 * Every priority: race-day, then post-race-flush, post-race-light, post-race-moderate.
 */
export type WindowKind =
  | 'base'
  | 'peak'
  | 'taper'
  | 'taper-cutoff'
  | 'race-week'
  | 'race-eve'
  | 'mini-taper-light'
  | 'mini-taper-flush'
  | 'race-day'
  | 'post-race-flush'
  | 'post-race-light'
  | 'post-race-moderate';

/**
 * What set the ceiling: the race window's own table value, one of the two history rules
 * that lower it, the soreness override, or nothing at all (off-season).
 */
export type CeilingRule = 'window' | 'unfamiliar-therapist' | 'no-treatment-this-block' | 'soreness' | 'off-season';

export interface Guidance {
  phase: Phase;
  /** The lowest ceiling over every race and rule. */
  ceiling: Intensity;
  /** The race that set the ceiling; absent in the off-season and when soreness alone set it. */
  raceId?: string;
  /** d = date - race date for `raceId` (negative before the race). */
  daysToRace?: number;
  /** Week n of the A block that gives a block phase (base, peak, taper, race-week). */
  weekOfBlock?: number;
  /** L, the length in weeks of that block. */
  blockWeeks?: number;
  /** The race whose window gives `phase` (may differ from `raceId`). */
  phaseRaceId?: string;
  /** The window of `raceId` that holds the date. */
  window?: WindowKind;
  ceilingRule: CeilingRule;
  /** One sentence a receptionist can read aloud. */
  headline: string;
  /** Why, in plain words: the deciding rule first, then booking advice, then other races. */
  reasons: string[];
  warnings: Warning[];
  due?: Due;
}
