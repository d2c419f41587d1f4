// What the treatment history on file says on a given day. Only treatments dated BEFORE
// the day count for the ceiling rules (a session logged today cannot make more massage
// acceptable today); the booking rules also count a session on the day itself as done.
//
// Hot path: a client may have hundreds of treatments and recall lists evaluate every
// client, so the scan compares `YYYY-MM-DD` strings (their order is the calendar order)
// and parses only the few dates it keeps.

import type { IsoDate } from '../vocabulary';
import { dayNumber, isoDateOf } from './days';
import type { TreatmentInput } from './types';

/** Sentinel day number for "no such treatment": earlier than any real date. */
export const NEVER = -1e9;

/** A therapist is familiar after treating the client within this many days before the date. */
export const FAMILIAR_WITHIN_DAYS = 365;

export interface HistorySummary {
  /** Latest treatment strictly before the day, or NEVER. */
  readonly lastBefore: number;
  /** Latest treatment on or before the day, or NEVER (booking rules). */
  readonly lastOnOrBefore: number;
  /** Latest treatment by the chosen therapist in the 365 days before the day, or NEVER. */
  readonly familiarOn: number;
}

/** Cheap shape check so string order is calendar order; a bad date gets dayNumber's message. */
function checkShape(date: string): void {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) dayNumber(date);
}

/** One pass over the history, keeping only the three latest dates the rules need. */
export function summariseHistory(
  treatments: readonly TreatmentInput[],
  date: IsoDate,
  day: number,
  therapistId: string | undefined,
): HistorySummary {
  let lastBefore = '';
  let familiarOn = '';
  let treatedToday = false;
  const familiarFrom = isoDateOf(day - FAMILIAR_WITHIN_DAYS);
  for (let i = 0; i < treatments.length; i++) {
    const treatment = treatments[i]!;
    const treated = treatment.date;
    checkShape(treated);
    if (treated < date) {
      if (treated > lastBefore) lastBefore = treated;
      if (treatment.therapistId === therapistId && treated > familiarOn && treated >= familiarFrom) familiarOn = treated;
    } else if (treated === date) {
      treatedToday = true;
    }
  }
  const lastBeforeDay = lastBefore === '' ? NEVER : dayNumber(lastBefore);
  return {
    lastBefore: lastBeforeDay,
    lastOnOrBefore: treatedToday ? day : lastBeforeDay,
    familiarOn: familiarOn === '' || therapistId === undefined ? NEVER : dayNumber(familiarOn),
  };
}

/** Is there a treatment on file in [from, to], counting only those on or before `day`? */
export function treatedBetween(treatments: readonly TreatmentInput[], from: number, to: number, day: number): boolean {
  const first = isoDateOf(from);
  const last = isoDateOf(Math.min(to, day));
  for (let i = 0; i < treatments.length; i++) {
    const treated = treatments[i]!.date;
    if (treated >= first && treated <= last) return true;
  }
  return false;
}
