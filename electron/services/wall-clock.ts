import { addDays, dayNumber } from '../../shared/guidance';

// Clinic-local wall-clock times `YYYY-MM-DDTHH:mm`: never instants, so a daylight-saving change
// cannot move an appointment. Arithmetic is on minutes of the day plus calendar days.

export const SLOT_MINUTES = 15;

export const dateOf = (wallClock: string): string => wallClock.slice(0, 10);
export const timeOf = (wallClock: string): string => wallClock.slice(11, 16);

/** Minutes since midnight of `HH:mm`. */
export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

const pad = (n: number) => String(n).padStart(2, '0');
const timeOfMinutes = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/** The wall-clock time `minutes` after (or before) `wallClock`, carrying over midnight. */
export function addMinutes(wallClock: string, minutes: number): string {
  const total = minutesOf(timeOf(wallClock)) + minutes;
  const days = Math.floor(total / 1440);
  return `${days === 0 ? dateOf(wallClock) : addDays(dateOf(wallClock), days)}T${timeOfMinutes(total - days * 1440)}`;
}

/** ISO weekday, 1 = Monday .. 7 = Sunday (1970-01-01, day 0, was a Thursday). */
export function weekdayOf(date: string): number {
  return ((dayNumber(date) + 3) % 7 + 7) % 7 + 1;
}

/** "10:00–11:00" for the clash message and the day sheet; the end says 24:00 at midnight. */
export function timeSpan(startsAt: string, endsAt: string): string {
  const end = dateOf(endsAt) > dateOf(startsAt) && timeOf(endsAt) === '00:00' ? '24:00' : timeOf(endsAt);
  return `${timeOf(startsAt)}–${end}`;
}
