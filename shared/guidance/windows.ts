// Which window of one race holds a day, and that window's ceiling from the tables
// (before the history rules). Ceilings are intensity ranks: avoid 0 ... deep 4.

import type { Phase } from '../vocabulary';
import type { RacePlan } from './blocks';
import type { WindowKind } from './types';

export const AVOID = 0;
export const FLUSH = 1;
export const LIGHT = 2;
export const MODERATE = 3;
export const DEEP = 4;

/** The last regular session of a taper is no later than this many days before the race. */
export const TAPER_CUTOFF_DAYS = 10;

/**
 * The phase a window gives; a B mini-taper counts as race week. A C race's eve gives no phase
 * of its own (settled point 5): `windowPhase` says so; this table is the A race's eve.
 */
export const WINDOW_PHASE: Readonly<Record<WindowKind, Phase>> = {
  base: 'base',
  peak: 'peak',
  taper: 'taper',
  'taper-cutoff': 'taper',
  'race-week': 'race-week',
  'race-eve': 'race-week',
  'mini-taper-light': 'race-week',
  'mini-taper-flush': 'race-week',
  'race-day': 'race-day',
  'post-race-flush': 'post-race',
  'post-race-light': 'post-race',
  'post-race-moderate': 'post-race',
};

/** The table value of a window, before history rules (race week assumes a familiar therapist). */
export function tableCeiling(kind: WindowKind, plan: RacePlan): number {
  switch (kind) {
    case 'base':
    case 'peak':
      return DEEP;
    case 'taper':
      return MODERATE;
    case 'taper-cutoff':
    case 'mini-taper-light':
    case 'post-race-light':
      return LIGHT;
    case 'race-week':
    case 'mini-taper-flush':
    case 'race-day':
    case 'post-race-flush':
      return FLUSH;
    case 'race-eve':
      // A C race is a training run: the day before it only rules out deep work.
      return plan.priority === 'C' ? MODERATE : AVOID;
    case 'post-race-moderate':
      return MODERATE;
  }
}

/** The window of `plan`'s race holding `day`, or undefined when none does. */
export function windowAt(plan: RacePlan, day: number): WindowKind | undefined {
  const d = day - plan.raceDay;
  if (d > 0) {
    const ends = plan.postRace;
    if (d <= ends.flushEnd) return 'post-race-flush';
    if (d <= ends.lightEnd) return 'post-race-light';
    if (d <= ends.moderateEnd) return 'post-race-moderate';
    return undefined;
  }
  if (d === 0) return 'race-day';
  switch (plan.priority) {
    case 'A': {
      const block = plan.block!;
      if (day < block.start) return undefined;
      if (d === -1) return 'race-eve';
      if (d >= -7) return 'race-week';
      if (d >= -block.taperDays) return d >= -TAPER_CUTOFF_DAYS ? 'taper-cutoff' : 'taper';
      return weekOfBlock(plan, day) <= block.baseWeeks ? 'base' : 'peak';
    }
    case 'B':
      if (d >= -2) return 'mini-taper-flush';
      if (d >= -5) return 'mini-taper-light';
      return undefined;
    case 'C':
      return d === -1 ? 'race-eve' : undefined;
  }
}

/** The phase a race's window gives, or undefined for a C race's eve (it changes no phase). */
export function windowPhase(kind: WindowKind, plan: RacePlan): Phase | undefined {
  return kind === 'race-eve' && plan.priority === 'C' ? undefined : WINDOW_PHASE[kind];
}

/** Week n of an A block: floor((date - S) / 7) + 1. */
export function weekOfBlock(plan: RacePlan, day: number): number {
  return Math.floor((day - plan.block!.start) / 7) + 1;
}

/** Windows in which the chosen therapist must be familiar, else avoid (race week, B mini-taper). */
export function needsFamiliarTherapist(kind: WindowKind): boolean {
  return kind === 'race-week' || kind === 'mini-taper-light' || kind === 'mini-taper-flush';
}

/** A-block windows in which a block without any treatment means avoid (taper and race week). */
export function needsTreatmentThisBlock(kind: WindowKind): boolean {
  return kind === 'taper' || kind === 'taper-cutoff' || kind === 'race-week' || kind === 'race-eve';
}
