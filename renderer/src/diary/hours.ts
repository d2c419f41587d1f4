import type { DayHours, OpeningHours } from '../../../shared/api/types';
import { minutesOf } from './time';

// Opening and working hours as the grid needs them: which quarter hours are closed, and how
// much of the day to show.

type Span = { start: number; end: number };

const spanOf = (days: readonly DayHours[], weekday: number): Span | null => {
  const day = days.find((d) => d.weekday === weekday);
  return day?.start && day.end ? { start: minutesOf(day.start), end: minutesOf(day.end) } : null;
};

/** The span someone works on an ISO weekday: a therapist's own hours, or the clinic's. */
export function workingSpan(hours: OpeningHours, weekday: number, therapistId: number | null): Span | null {
  const own = therapistId === null ? undefined : hours.therapists.find((t) => t.therapistId === therapistId);
  const clinic = spanOf(hours.clinic, weekday);
  if (!own) return clinic;
  const theirs = spanOf(own.days, weekday);
  // Bookable only where both the therapist works and the clinic is open (main checks both).
  if (!theirs || !clinic) return null;
  const span = { start: Math.max(theirs.start, clinic.start), end: Math.min(theirs.end, clinic.end) };
  return span.end > span.start ? span : null;
}

/** The hours the grid shows: every opening and working hour of the week, widened to hold `extra` times. */
export function visibleHours(hours: OpeningHours | undefined, extra: readonly { start: number; end: number }[]): { from: number; to: number } {
  const spans: Span[] = [...extra];
  if (hours) {
    for (const d of [...hours.clinic, ...hours.therapists.filter((t) => t.active).flatMap((t) => t.days)]) {
      if (d.start && d.end) spans.push({ start: minutesOf(d.start), end: minutesOf(d.end) });
    }
  }
  if (spans.length === 0) return { from: 8 * 60, to: 20 * 60 };
  const from = Math.floor(Math.min(...spans.map((s) => s.start)) / 60) * 60;
  const to = Math.min(24 * 60, Math.ceil(Math.max(...spans.map((s) => s.end)) / 60) * 60);
  return { from, to };
}
