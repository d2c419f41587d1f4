// The dated spans of one race's windows, for drawing a timeline.

import type { Intensity, IsoDate, Phase } from '../vocabulary';
import { INTENSITIES } from '../vocabulary';
import { planRace, planRaces, type RacePlan } from './blocks';
import { isoDateOf } from './days';
import type { RaceInput, WindowKind } from './types';
import { AVOID, TAPER_CUTOFF_DAYS, tableCeiling, windowPhase } from './windows';

export interface Segment {
  kind: WindowKind;
  phase: Phase;
  /** First day of the span, inclusive. */
  start: IsoDate;
  /** Last day of the span, inclusive. */
  end: IsoDate;
  ceiling: Intensity;
  /** Race week and B mini-tapers: the ceiling holds only with a familiar therapist, else avoid. */
  needsFamiliarTherapist?: boolean;
}

export interface SegmentOptions {
  /**
   * Draw race week and B mini-tapers at their familiar-therapist ceiling. Default false:
   * like guidanceFor without a therapist, assume unfamiliar and draw them as avoid.
   */
  familiarTherapist?: boolean;
  /**
   * All the client's races. Given, an A race on the same day as a longer A race is drawn as
   * the tune-up race it counts as (docs/phase-rules.md, settled point 7).
   */
  races?: readonly RaceInput[];
}

/**
 * The race's windows in date order: for an A race base, peak, taper (d <= -11), taper past
 * the cut-off (-10..-8), race week, the day before, race day and the post-race windows; for
 * a B race its mini-taper, race day and post-race windows; for a C race the day before
 * (it changes no phase, so its phase is off-season), race day and its halved post-race
 * windows. Empty windows (e.g. no moderate taper with a 10-day taper) are left out, and an
 * A race's windows begin at its block start S (a block may be shorter than its taper).
 */
export function blockSegments(race: RaceInput, options: SegmentOptions = {}): Segment[] {
  const plan = (options.races && planRaces(options.races).find((p) => p.race.id === race.id)) || planRace(race);
  const familiar = options.familiarTherapist === true;
  const segments: Segment[] = [];
  const first = plan.block === undefined ? -Infinity : plan.block.start - plan.raceDay;
  const add = (kind: WindowKind, fromD: number, to: number): void => {
    const from = Math.max(fromD, first);
    if (to < from) return;
    const needsFamiliar = kind === 'race-week' || kind === 'mini-taper-light' || kind === 'mini-taper-flush';
    const rank = needsFamiliar && !familiar ? AVOID : tableCeiling(kind, plan);
    const segment: Segment = {
      kind,
      phase: windowPhase(kind, plan) ?? 'off-season',
      start: isoDateOf(plan.raceDay + from),
      end: isoDateOf(plan.raceDay + to),
      ceiling: INTENSITIES[rank]!,
    };
    if (needsFamiliar) segment.needsFamiliarTherapist = true;
    segments.push(segment);
  };

  const block = plan.block;
  if (block !== undefined) {
    const startD = block.start - plan.raceDay;
    const taperD = -block.taperDays;
    add('base', startD, Math.min(startD + 7 * block.baseWeeks - 1, taperD - 1));
    add('peak', startD + 7 * block.baseWeeks, taperD - 1);
    add('taper', taperD, -TAPER_CUTOFF_DAYS - 1);
    add('taper-cutoff', Math.max(taperD, -TAPER_CUTOFF_DAYS), -8);
    add('race-week', -7, -2);
    add('race-eve', -1, -1);
  } else if (plan.priority === 'B') {
    add('mini-taper-light', -5, -3);
    add('mini-taper-flush', -2, -1);
  } else {
    add('race-eve', -1, -1);
  }
  add('race-day', 0, 0);
  addPostRace(plan, add);
  return segments;
}

function addPostRace(plan: RacePlan, add: (kind: WindowKind, from: number, to: number) => void): void {
  const ends = plan.postRace;
  add('post-race-flush', 1, ends.flushEnd);
  add('post-race-light', ends.flushEnd + 1, ends.lightEnd);
  add('post-race-moderate', ends.lightEnd + 1, ends.moderateEnd);
}
