import type { Db } from '../db/native';
import type { ErrorCode } from '../../shared/api/result';
import { formatDate } from '../../shared/guidance/days';

/** What every service gets: the database and the clinic's clock (today's local calendar date). */
export interface ServiceContext {
  db: Db;
  today(): string;
  /** The local wall-clock time now, `YYYY-MM-DDTHH:mm`. */
  now(): string;
}

/** A refusal the user can act on; its message is shown as-is. */
export class ClinicError extends Error {
  override name = 'ClinicError';
  constructor(
    readonly code: Exclude<ErrorCode, 'internal' | 'unknown-call'>,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what: string): ClinicError =>
  new ClinicError('not-found', `That ${what} no longer exists. It may have been removed; refresh and try again.`);

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Refuses an edit made on an out-of-date copy: someone saved `what` (at `savedAt`, an ISO
 * instant) after this person opened it. Their change stays; this one is not written.
 */
export function staleEdit(what: string, savedAt: string, today: string = localDate(new Date())): ClinicError {
  const at = new Date(savedAt);
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  const day = localDate(at);
  const when = day === today ? `at ${time}` : `on ${formatDate(day)} at ${time}`;
  return new ClinicError('conflict', `Someone else saved this ${what} ${when}; reload to see their changes, then make yours again.`);
}

const localDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** The real clock, in the laptop's local time zone. */
export function systemClock(): Pick<ServiceContext, 'today' | 'now'> {
  return {
    today: () => localDate(new Date()),
    now: () => {
      const d = new Date();
      return `${localDate(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    },
  };
}

/** A clock stopped at one local date (tests, the sample clinic, unpackaged runs with FETTLE_TEST_TODAY). */
export function fixedClock(today: string, time = '09:00'): Pick<ServiceContext, 'today' | 'now'> {
  return { today: () => today, now: () => `${today}T${time}` };
}
