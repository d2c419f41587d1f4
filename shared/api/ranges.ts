import { formatDate } from '../guidance/days';

// Limits on dates that depend on today. Zod schemas check the shape of every input; these
// check that a date is sensible for what it describes, in main before any service runs
// (the dispatcher) and in the forms as the person types (the same functions). A value out of
// range is refused with a message next to its field, never clamped.

export type FieldProblems = Record<string, string>;

/** `YYYY-MM-DD` shifted by whole years, day clamped to the month (29/02 → 28/02). */
export function addYears(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const md = iso.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}

const EARLIEST_BIRTH = '1900-01-01';
/** Races are entered at most this many years before or after today. */
export const RACE_YEARS = 5;

const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

function notAfterToday(problems: FieldProblems, field: string, label: string, value: unknown, today: string, earliest = EARLIEST_BIRTH) {
  if (!isDate(value)) return;
  if (value > today) problems[field] = `${label}: cannot be after today (${formatDate(today)}).`;
  else if (value < earliest) problems[field] = `${label}: must be on or after ${formatDate(earliest)}.`;
}

export function clientDateProblems(input: { dateOfBirth?: unknown; consentDate?: unknown }, today: string): FieldProblems {
  const problems: FieldProblems = {};
  notAfterToday(problems, 'dateOfBirth', 'Date of birth', input.dateOfBirth, today);
  notAfterToday(problems, 'consentDate', 'Consent date', input.consentDate, today);
  return problems;
}

export function raceDateProblems(input: { date?: unknown; planStart?: unknown }, today: string): FieldProblems {
  const problems: FieldProblems = {};
  const earliest = addYears(today, -RACE_YEARS);
  const latest = addYears(today, RACE_YEARS);
  if (isDate(input.date) && (input.date < earliest || input.date > latest)) {
    problems.date = `Race date: must be within ${RACE_YEARS} years of today (${formatDate(earliest)} to ${formatDate(latest)}).`;
  }
  if (isDate(input.planStart) && isDate(input.date) && input.planStart < addYears(input.date, -2)) {
    problems.planStart = 'Plan start: must be within two years before the race.';
  }
  return problems;
}

export function treatmentDateProblems(input: { date?: unknown; nextBooking?: unknown }, today: string): FieldProblems {
  const problems: FieldProblems = {};
  notAfterToday(problems, 'date', 'Date', input.date, today, addYears(today, -10));
  if (isDate(input.nextBooking) && isDate(input.date)) {
    const latest = addYears(today, 2);
    if (input.nextBooking < input.date) problems.nextBooking = 'Next recommended booking: must be after the treatment date.';
    else if (input.nextBooking > latest) problems.nextBooking = `Next recommended booking: must be before ${formatDate(latest)}.`;
  }
  return problems;
}
