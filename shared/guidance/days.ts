// Calendar-day arithmetic. A clinic date `YYYY-MM-DD` becomes an integer day number
// (days since 1970-01-01, the same value as Date.UTC(y, m - 1, d) / 86 400 000) once,
// and every rule then works on integers. No Date object and no time zone is involved,
// so a daylight-saving change can never move a phase boundary.

import type { IsoDate } from '../vocabulary';

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function badDate(value: unknown): RangeError {
  return new RangeError(`Expected a calendar date written YYYY-MM-DD (e.g. 2026-03-29), got ${JSON.stringify(value)}.`);
}

/** Digit value of one character, or -1 when it is not 0-9. */
function digit(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : -1;
}

/**
 * Day number of a `YYYY-MM-DD` calendar date. Throws a RangeError naming the bad value
 * for anything else (wrong shape, month 13, 30 February...). Hot path: no allocation.
 */
export function dayNumber(iso: IsoDate): number {
  if (typeof iso !== 'string' || iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) {
    throw badDate(iso);
  }
  const y0 = digit(iso, 0), y1 = digit(iso, 1), y2 = digit(iso, 2), y3 = digit(iso, 3);
  const m0 = digit(iso, 5), m1 = digit(iso, 6), d0 = digit(iso, 8), d1 = digit(iso, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) throw badDate(iso);
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1) throw badDate(iso);
  const monthDays = month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;
  if (day > monthDays) throw badDate(iso);
  return daysFromCivil(year, month, day);
}

/** Proleptic Gregorian date to day number (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Day number back to `YYYY-MM-DD` (H. Hinnant's civil_from_days). */
export function isoDateOf(dayNum: number): IsoDate {
  const z = dayNum + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** The calendar date `days` after (or before, when negative) `iso`. */
export function addDays(iso: IsoDate, days: number): IsoDate {
  return isoDateOf(dayNumber(iso) + days);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** en-GB display form dd/MM/yyyy of a `YYYY-MM-DD` date: plain slicing, no parsing. */
export function formatDate(iso: IsoDate): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** en-GB display form dd/MM/yyyy of a day number. */
export function formatDay(dayNum: number): string {
  return formatDate(isoDateOf(dayNum));
}
