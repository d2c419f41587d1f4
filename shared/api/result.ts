// Errors cross the IPC boundary as values, never as thrown stack traces.

/**
 * `unavailable`: the clinic's storage cannot do it now (the database could not be opened, the
 * disk is full, the folder is read-only or locked): the message says why; `storage:status`
 * tells whether the start-up screen is needed.
 * `signed-out`: no one is signed in, or the session locked after the idle time: sign in again.
 */
export type ErrorCode = 'invalid' | 'forbidden' | 'not-found' | 'conflict' | 'unavailable' | 'signed-out' | 'unknown-call' | 'internal';

export interface Failure {
  ok: false;
  code: ErrorCode;
  /** A human sentence that says what is wrong and what to do next. */
  message: string;
  /** Per-field messages, keyed by the field's path (e.g. `dateOfBirth`, `races.0.date`). */
  fields?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | Failure;

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export function failure(code: ErrorCode, message: string, fields?: Record<string, string>): Failure {
  return fields ? { ok: false, code, message, fields } : { ok: false, code, message };
}
