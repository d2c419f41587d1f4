import { addDays as addCalendarDays, format, parseISO, startOfWeek } from 'date-fns';

// The diary's times are clinic-local wall-clock strings, `YYYY-MM-DDTHH:mm` (main stores and
// checks them so). The calendar grid works in JavaScript Dates: these turn one into the other
// through the laptop's local fields only, never through instants, so the time zone the laptop
// is set to cannot shift an appointment.

export const SLOT_MINUTES = 15;

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm` → a local Date with those fields. */
export function toDate(wallClock: string): Date {
  const [y, m, d] = wallClock.slice(0, 10).split('-').map(Number) as [number, number, number];
  const hh = wallClock.length > 10 ? Number(wallClock.slice(11, 13)) : 0;
  const mm = wallClock.length > 10 ? Number(wallClock.slice(14, 16)) : 0;
  return new Date(y, m - 1, d, hh, mm);
}

/** A local Date → `YYYY-MM-DDTHH:mm`. */
export const toWallClock = (date: Date): string => format(date, "yyyy-MM-dd'T'HH:mm");

/** A local Date → `YYYY-MM-DD`. */
export const isoDay = (date: Date): string => format(date, 'yyyy-MM-dd');

export const dateOf = (wallClock: string): string => wallClock.slice(0, 10);
export const timeOf = (wallClock: string): string => wallClock.slice(11, 16);

/** Minutes since midnight of `HH:mm`. */
export const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

export const timeOfMinutes = (minutes: number): string => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/** Whole wall-clock minutes from `start` to `end` (a daylight-saving change does not count). */
export function wallMinutesBetween(start: Date, end: Date): number {
  const days = Math.round((Date.UTC(end.getFullYear(), end.getMonth(), end.getDate()) - Date.UTC(start.getFullYear(), start.getMonth(), start.getDate())) / 86_400_000);
  return days * 1440 + end.getHours() * 60 + end.getMinutes() - (start.getHours() * 60 + start.getMinutes());
}

/** The wall-clock end of an appointment as a Date (midnight: the next day's 00:00). */
export const endDate = (startsAt: string, durationMin: number): Date => {
  const start = toDate(startsAt);
  return new Date(start.getFullYear(), start.getMonth(), start.getDate(), 0, minutesOf(timeOf(startsAt)) + durationMin);
};

/** Every quarter hour of the day, "00:00" to "23:45": the time fields' choices. */
export const QUARTER_HOURS: readonly string[] = Array.from({ length: 96 }, (_, i) => timeOfMinutes(i * SLOT_MINUTES));

/** The Monday of the week holding `iso`. */
export const mondayOf = (iso: string): string => isoDay(startOfWeek(parseISO(iso), { weekStartsOn: 1 }));

export const plusDays = (iso: string, days: number): string => isoDay(addCalendarDays(parseISO(iso), days));

/** ISO weekday of a date: 1 = Monday .. 7 = Sunday. */
export const weekdayOf = (iso: string): number => ((parseISO(iso).getDay() + 6) % 7) + 1;

/**
 * A time typed by hand ("10:30", "1030", "10.30", "9", "930") as `HH:mm` when it falls on the
 * quarter hour; null for anything else.
 */
export function typedTime(text: string): string | null {
  const match = /^\s*(\d{1,2})(?:[:.]?(\d{2}))?\s*$/.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  if (hours > 23 || minutes % SLOT_MINUTES !== 0 || minutes > 45) return null;
  return timeOfMinutes(hours * 60 + minutes);
}
