// Test helpers. Dates are shifted with an implementation independent of the engine's
// (Date.UTC arithmetic), so the tests do not trust the code they test.

import { guidanceFor, type Guidance, type GuidanceQuery, type RaceInput, type TreatmentInput } from '../../shared/guidance';
import type { Distance, Intensity, Priority } from '../../shared/vocabulary';

const DAY_MS = 86_400_000;

/** The calendar date `days` after `iso` (negative: before). */
export function shift(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/** dd/MM/yyyy, the way the guidance text writes dates. */
export function dmy(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

export const RANK: Readonly<Record<Intensity, number>> = { avoid: 0, flush: 1, light: 2, moderate: 3, deep: 4 };

export function race(id: string, date: string, distance: Distance, priority: Priority, extra: Partial<RaceInput> = {}): RaceInput {
  return { id, date, distance, priority, ...extra };
}

export function treated(date: string, therapistId = 'sam', intensity: Intensity = 'moderate'): TreatmentInput {
  return { date, therapistId, intensity };
}

/** Guidance with defaults: therapist Sam, no treatments unless given. */
export function ask(query: Partial<GuidanceQuery> & Pick<GuidanceQuery, 'date' | 'races'>): Guidance {
  return guidanceFor({ treatments: [], therapistId: 'sam', therapists: { sam: 'Sam', jo: 'Jo' }, ...query });
}

/** The race dates the tables run at: the Sunday of each Europe/London clock change in 2026. */
export const DST_RACE_DATES = ['2026-03-29', '2026-10-25'] as const;
