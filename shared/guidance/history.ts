// What the treatment history on file says on a given day. Only treatments dated BEFORE
// the day count for the ceiling rules (a session logged today cannot make more massage
// acceptable today); the booking rules also count a session on the day itself as done.

import { dayNumber } from './days';
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

/** One pass over the history: parse each date once, keep only the three latest days needed. */
export function summariseHistory(
  treatments: readonly TreatmentInput[],
  day: number,
  therapistId: string | undefined,
): HistorySummary {
  let lastBefore = NEVER;
  let lastOnOrBefore = NEVER;
  let familiarOn = NEVER;
  const familiarFrom = day - FAMILIAR_WITHIN_DAYS;
  for (let i = 0; i < treatments.length; i++) {
    const treatment = treatments[i]!;
    const treated = dayNumber(treatment.date);
    if (treated > day) continue;
    if (treated > lastOnOrBefore) lastOnOrBefore = treated;
    if (treated === day) continue;
    if (treated > lastBefore) lastBefore = treated;
    if (treated >= familiarFrom && treated > familiarOn && therapistId !== undefined && treatment.therapistId === therapistId) {
      familiarOn = treated;
    }
  }
  return { lastBefore, lastOnOrBefore, familiarOn };
}

/** Is there a treatment on file in [from, to], counting only those on or before `day`? */
export function treatedBetween(treatments: readonly TreatmentInput[], from: number, to: number, day: number): boolean {
  const last = Math.min(to, day);
  for (let i = 0; i < treatments.length; i++) {
    const treated = dayNumber(treatments[i]!.date);
    if (treated >= from && treated <= last) return true;
  }
  return false;
}
