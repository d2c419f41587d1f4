// guidanceFor: the phase and massage-intensity ceiling of one client on one day
// (docs/phase-rules.md). Pure and allocation-light: recall lists call it for every client.

import type { Distance, Phase } from '../vocabulary';
import { INTENSITIES } from '../vocabulary';
import { planRaces, type RacePlan } from './blocks';
import { dayNumber, formatDay, isoDateOf } from './days';
import { NEVER, summariseHistory, treatedBetween, type HistorySummary } from './history';
import { INTENSITY_LABEL } from './intensity';
import { DUE_LABEL, PRIORITY_LABEL } from './labels';
import { bestDaysMessage, bestPeakDays } from './plan';
import {
  OFF_SEASON_HEADLINE,
  aRacesCloseWarning,
  adjustedWarning,
  bookingAdvice,
  noTreatmentHeadline,
  noTreatmentReason,
  raceRef,
  sentence,
  sorenessHeadline,
  tuneUpWarning,
  unfamiliarHeadline,
  unfamiliarReason,
  unfamiliarTaperClause,
  whenText,
  windowHeadline,
  windowReason,
  withClause,
  type Who,
} from './text';
import type { CeilingRule, Due, Guidance, GuidanceQuery, Warning, WindowKind } from './types';
import {
  AVOID,
  DEEP,
  LIGHT,
  TAPER_CUTOFF_DAYS,
  needsFamiliarTherapist,
  needsTreatmentThisBlock,
  tableCeiling,
  weekOfBlock,
  windowAt,
  windowPhase,
} from './windows';

/** Two A races closer than this are flagged for the coach. */
export const A_RACES_MIN_GAP_DAYS = 42;

/** Distances whose post-race recovery flush is booked in days 1 to 3. */
const RECOVERY_FLUSH_DISTANCES: ReadonlySet<Distance> = new Set<Distance>(['marathon', 'ultra', 'ultra-long']);
const RECOVERY_FLUSH_BY_DAY = 3;

/** Peak sessions: due 14 days after the last one, overdue from day 22. */
const PEAK_DUE_DAYS = 14;
const PEAK_OVERDUE_DAYS = 22;

export const UNFAMILIAR_IN_TAPER = 'Unfamiliar therapist in the taper: not recommended.';
export const TUNE_UP_INSIDE_TAPER = 'Tune-up inside taper: check with the coach';

/** One race's window holding the day, with its ceiling after the history rules. */
interface Held {
  readonly plan: RacePlan;
  readonly d: number;
  readonly kind: WindowKind;
  /** The phase the window gives; undefined for a C race's eve (settled point 5). */
  readonly phase: Phase | undefined;
  /** The table value, before history rules: it alone picks a B/C phase, so history never moves the phase. */
  readonly table: number;
  readonly ceiling: number;
  readonly rule: CeilingRule;
  /** The window needs a familiar therapist and the chosen one is not. */
  readonly unfamiliar: boolean;
}

/** Evaluate one race's window on the day, applying the rules that read history. */
function holdOf(plan: RacePlan, day: number, history: HistorySummary): Held | undefined {
  const kind = windowAt(plan, day);
  if (kind === undefined) return undefined;
  const table = tableCeiling(kind, plan);
  let ceiling = table;
  let rule: CeilingRule = 'window';
  const unfamiliar = history.familiarOn === NEVER && (needsFamiliarTherapist(kind) || isTaper(kind));
  if (ceiling > AVOID) {
    if (plan.block !== undefined && needsTreatmentThisBlock(kind) && history.lastBefore < plan.block.start) {
      ceiling = AVOID;
      rule = 'no-treatment-this-block';
    } else if (unfamiliar && needsFamiliarTherapist(kind)) {
      ceiling = AVOID;
      rule = 'unfamiliar-therapist';
    }
  }
  return { plan, d: day - plan.raceDay, kind, phase: windowPhase(kind, plan), table, ceiling, rule, unfamiliar };
}

function isTaper(kind: WindowKind): boolean {
  return kind === 'taper' || kind === 'taper-cutoff';
}

function isBlockPhase(phase: Phase | undefined): boolean {
  return phase === 'base' || phase === 'peak' || phase === 'taper' || phase === 'race-week';
}

/**
 * Deterministic order between two windows whatever order the races are listed in: the
 * nearer race first; at equal distance the later race (an upcoming race over a past one);
 * then the races' fixed order (planRaces).
 */
function before(a: Held, b: Held, plans: readonly RacePlan[]): boolean {
  const da = Math.abs(a.d);
  const db = Math.abs(b.d);
  if (da !== db) return da < db;
  if (a.plan.raceDay !== b.plan.raceDay) return a.plan.raceDay > b.plan.raceDay;
  return plans.indexOf(a.plan) < plans.indexOf(b.plan);
}

/**
 * The window that gives the phase: an A race's race day or post-race window first; else
 * the block of the next A race whose block holds the day; else a B or C race's window
 * (the one with the lowest table ceiling). A C race's eve gives no phase.
 */
function phaseWindow(held: readonly Held[], plans: readonly RacePlan[]): Held | undefined {
  let aRaceOrAfter: Held | undefined;
  let aBlock: Held | undefined;
  let other: Held | undefined;
  for (const h of held) {
    if (h.phase === undefined) continue;
    if (h.plan.priority === 'A') {
      // Race day beats a post-race window; between post-race windows the latest race wins.
      if (h.d >= 0) {
        if (aRaceOrAfter === undefined || before(h, aRaceOrAfter, plans)) aRaceOrAfter = h;
      } else if (isBlockPhase(h.phase) && (aBlock === undefined || before(h, aBlock, plans))) {
        aBlock = h; // the next A race: the nearest upcoming one
      }
    } else if (other === undefined || h.table < other.table || (h.table === other.table && before(h, other, plans))) {
      other = h;
    }
  }
  return aRaceOrAfter ?? aBlock ?? other;
}

/** The window with the lowest ceiling; ties go to the phase window, then by `before`. */
function ceilingWindow(held: readonly Held[], phaseHeld: Held | undefined, plans: readonly RacePlan[]): Held | undefined {
  let best: Held | undefined;
  for (const h of held) {
    if (best === undefined || h.ceiling < best.ceiling) best = h;
    else if (h.ceiling === best.ceiling && best !== phaseHeld && (h === phaseHeld || before(h, best, plans))) best = h;
  }
  return best;
}

function dueFor(h: Held, query: GuidanceQuery, history: HistorySummary, day: number): Due | undefined {
  const { plan, kind } = h;
  const raceId = plan.race.id;
  switch (kind) {
    case 'base': {
      const block = plan.block!;
      if (history.lastOnOrBefore >= block.start) return undefined;
      // Baseline assessment in the first quarter of the block: by the end of week ceil(L/4).
      const by = block.start + 7 * Math.ceil(block.weeks / 4) - 1;
      return due('baseline-assessment', by, by + 1, undefined, raceId);
    }
    case 'peak':
      return peakDue(plan, history.lastOnOrBefore, day);
    case 'taper':
    case 'taper-cutoff': {
      const block = plan.block!;
      const cutoff = plan.raceDay - TAPER_CUTOFF_DAYS;
      if (day > cutoff || history.lastOnOrBefore < block.start) return undefined;
      const taperStart = block.taperStart;
      if (treatedBetween(query.treatments, taperStart, cutoff, day) || bookedBetween(query, taperStart, cutoff)) return undefined;
      return due('taper-session', cutoff, cutoff + 1, undefined, raceId);
    }
    case 'post-race-flush':
    case 'post-race-light':
    case 'post-race-moderate': {
      const flushDone = history.lastOnOrBefore > plan.raceDay;
      if (RECOVERY_FLUSH_DISTANCES.has(plan.race.distance) && h.d <= RECOVERY_FLUSH_BY_DAY && !flushDone) {
        const by = plan.raceDay + RECOVERY_FLUSH_BY_DAY;
        return due('recovery-flush', by, by + 1, plan.raceDay + 1, raceId);
      }
      const open = plan.raceDay + plan.postRace.openFrom;
      return due('deeper-work', open, undefined, open, raceId);
    }
    default:
      return undefined;
  }
}

/**
 * Peak: due 14 days after the last session, overdue from day 22. With a training plan the
 * due day is the first best day (after a hard week's longest run) on or after the date and
 * at least 14 days after the last session; overdue stays at day 22.
 */
function peakDue(plan: RacePlan, last: number, day: number): Due {
  const raceId = plan.race.id;
  const overdueFrom = last === NEVER ? undefined : last + PEAK_OVERDUE_DAYS;
  const best = bestPeakDays(plan, last === NEVER ? day : Math.max(day, last + PEAK_DUE_DAYS));
  if (best !== undefined) {
    const result = due('peak-session', best.days[0]!, overdueFrom, undefined, raceId);
    result.bestDays = best.days.map(isoDateOf);
    result.message = bestDaysMessage(best);
    return result;
  }
  return last === NEVER ? due('peak-session', day, undefined, undefined, raceId) : due('peak-session', last + PEAK_DUE_DAYS, overdueFrom, undefined, raceId);
}

function bookedBetween(query: GuidanceQuery, from: number, to: number): boolean {
  const appointments = query.appointments;
  if (appointments === undefined) return false;
  for (const appointment of appointments) {
    const booked = dayNumber(appointment.date);
    if (booked >= from && booked <= to) return true;
  }
  return false;
}

function due(kind: Due['kind'], by: number, overdueFrom: number | undefined, from: number | undefined, raceId: string): Due {
  const result: Due = { kind, by: isoDateOf(by), raceId, message: `${DUE_LABEL[kind]} ${formatDay(by)}.` };
  if (overdueFrom !== undefined) result.overdueFrom = isoDateOf(overdueFrom);
  if (from !== undefined) result.from = isoDateOf(from);
  return result;
}

/**
 * Plan-level warnings. Race details adjusted and a tune-up inside the taper: on every day up
 * to the A race concerned. Two A races less than 6 weeks apart: from the earlier race's block
 * start to the later race's day, whichever is listed first (settled point 3).
 */
function planWarnings(plans: readonly RacePlan[], day: number, warnings: Warning[]): void {
  for (let i = 0; i < plans.length; i++) {
    const a = plans[i]!;
    if (a.adjustments !== undefined && day <= a.raceDay) {
      for (const note of a.adjustments) warnings.push({ code: 'race-details-adjusted', message: adjustedWarning(a, note) });
    }
    if (a.block === undefined) continue;
    for (let j = 0; j < plans.length; j++) {
      const other = plans[j]!;
      if (j === i) continue;
      if (other.priority !== 'A') {
        if (day <= a.raceDay && other.raceDay >= a.block.taperStart && other.raceDay <= a.raceDay) {
          warnings.push({ code: 'tune-up-inside-taper', message: tuneUpWarning(other, a) });
        }
      } else if (
        // plans are in date order, so `a` is the earlier race of the pair
        j > i &&
        other.raceDay - a.raceDay < A_RACES_MIN_GAP_DAYS &&
        day >= a.block.start &&
        day <= other.raceDay
      ) {
        warnings.push({ code: 'a-races-close', message: aRacesCloseWarning(a, other) });
      }
    }
  }
}

/** The guidance for one client on one day. */
export function guidanceFor(query: GuidanceQuery): Guidance {
  const day = dayNumber(query.date);
  const history = summariseHistory(query.treatments, query.date, day, query.therapistId);
  const plans = planRaces(query.races);
  const held: Held[] = [];
  for (const plan of plans) {
    const h = holdOf(plan, day, history);
    if (h !== undefined) held.push(h);
  }

  const phaseHeld = phaseWindow(held, plans);
  const setter = ceilingWindow(held, phaseHeld, plans);
  let ceiling = setter?.ceiling ?? DEEP;
  let rule: CeilingRule = setter?.rule ?? 'off-season';
  const sore = query.sore === true && ceiling > LIGHT;
  if (sore) {
    ceiling = LIGHT;
    rule = 'soreness';
  }
  const ceilingHeld = sore ? undefined : setter;
  const phase: Phase = phaseHeld?.phase ?? 'off-season';

  const who: Who = {
    client: query.clientName ?? 'this client',
    therapist: query.therapistId === undefined ? undefined : query.therapists?.[query.therapistId],
    therapistGiven: query.therapistId !== undefined,
    familiarOn: history.familiarOn === NEVER ? undefined : history.familiarOn,
  };
  const treatedToday = history.lastOnOrBefore === day;
  let unfamiliarInTaper = false;
  let familiarityAsked = false;
  for (const h of held) {
    if (isTaper(h.kind) || needsFamiliarTherapist(h.kind)) {
      familiarityAsked = true;
      if (h.unfamiliar && isTaper(h.kind)) unfamiliarInTaper = true;
    }
  }

  // Headline: from the race (or rule) that set the ceiling.
  let headline: string;
  if (sore) {
    headline = sorenessHeadline(phase, phaseHeld?.plan);
  } else if (setter === undefined) {
    headline = OFF_SEASON_HEADLINE;
  } else if (setter.rule === 'no-treatment-this-block') {
    headline = noTreatmentHeadline(setter.plan, setter.d, who.client, treatedToday);
  } else if (setter.rule === 'unfamiliar-therapist') {
    headline = unfamiliarHeadline(setter.kind, setter.plan, setter.d, who);
  } else {
    headline = windowHeadline(setter.kind, setter.plan, setter.d, weekOf(setter, day), who);
  }
  // In the taper with an unfamiliar therapist the headline itself says so (settled point 9).
  if (unfamiliarInTaper && setter?.rule !== 'unfamiliar-therapist') headline = withClause(headline, unfamiliarTaperClause(who));

  // Reasons: the deciding rule first, then the window, booking advice, then the other races.
  const reasons: string[] = [];
  if (query.sore === true) reasons.push('Sore or tender to the touch today: light / maintenance at most, whatever the phase.');
  if (setter !== undefined) {
    if (setter.rule === 'no-treatment-this-block') reasons.push(noTreatmentReason(setter.plan, treatedToday));
    if (setter.unfamiliar && needsFamiliarTherapist(setter.kind)) reasons.push(unfamiliarReason(who));
    reasons.push(windowReason(setter.kind, setter.plan, setter.d, weekOf(setter, day)));
  }
  if (phaseHeld !== undefined && phaseHeld !== setter) reasons.push(windowReason(phaseHeld.kind, phaseHeld.plan, phaseHeld.d, weekOf(phaseHeld, day)));
  const advice = bookingAdvice(setter?.kind);
  if (advice !== undefined) reasons.push(advice);
  for (const h of held) {
    if (h === setter || h === phaseHeld) continue;
    reasons.push(sentence(`Also ${raceRef(h.plan)}, a ${PRIORITY_LABEL[h.plan.priority]} ${whenText(h.d)}: ${INTENSITY_LABEL[INTENSITIES[h.ceiling]!].toLowerCase()}.`));
  }
  if (held.length === 0) {
    const next = nextRace(plans, day);
    if (next !== undefined) reasons.push(`Next race: ${raceRef(next)}, ${whenText(day - next.raceDay)}.`);
  }

  const warnings: Warning[] = [];
  for (const h of held) {
    if (h.kind === 'taper-cutoff') {
      warnings.push({ code: 'past-taper-cutoff', message: `Past the 10-day cut-off for ${raceRef(h.plan)}.` });
      break;
    }
  }
  if (unfamiliarInTaper) warnings.push({ code: 'unfamiliar-therapist-taper', message: UNFAMILIAR_IN_TAPER });
  if (familiarityAsked && query.therapistId === undefined) {
    warnings.push({ code: 'no-therapist-chosen', message: `No therapist chosen, so the guidance assumes one who has not treated ${who.client} in the past year.` });
  }
  planWarnings(plans, day, warnings);

  const dueNow =
    (ceilingHeld && dueFor(ceilingHeld, query, history, day)) ?? (phaseHeld && dueFor(phaseHeld, query, history, day));

  const result: Guidance = { phase, ceiling: INTENSITIES[ceiling]!, ceilingRule: rule, headline, reasons, warnings };
  if (ceilingHeld !== undefined) {
    result.raceId = ceilingHeld.plan.race.id;
    result.daysToRace = ceilingHeld.d;
    result.window = ceilingHeld.kind;
  }
  if (phaseHeld !== undefined) result.phaseRaceId = phaseHeld.plan.race.id;
  if (phaseHeld?.plan.block !== undefined && isBlockPhase(phaseHeld.phase)) {
    result.weekOfBlock = weekOfBlock(phaseHeld.plan, day);
    result.blockWeeks = phaseHeld.plan.block.weeks;
  }
  if (dueNow !== undefined) result.due = dueNow;
  return result;
}

function weekOf(h: Held, day: number): number {
  return h.plan.block !== undefined && isBlockPhase(h.phase) ? weekOfBlock(h.plan, day) : 0;
}

function nextRace(plans: readonly RacePlan[], day: number): RacePlan | undefined {
  for (const plan of plans) if (plan.raceDay > day) return plan; // plans are in date order
  return undefined;
}
