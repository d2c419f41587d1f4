import type { FieldValues, UseFormSetError } from 'react-hook-form';
import { ApiError } from '../api';
import { applyServerErrors } from '../components/forms';

/**
 * Main's refusal of a booking or a move, placed in a form that holds date and time apart: a
 * clash is said once, in the form's summary (it names the other appointment, not one field);
 * a problem with `startsAt` goes next to the time.
 */
export function placeSlotErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, knownFields: readonly string[]): string {
  if (!(error instanceof ApiError)) return applyServerErrors(error, setError, knownFields);
  if (error.code === 'conflict') return error.message;
  const fields = Object.fromEntries(Object.entries(error.fields).map(([field, message]) => [field === 'startsAt' ? 'time' : field, message]));
  return applyServerErrors(new ApiError({ ok: false, code: error.code, message: error.message, fields }), setError, knownFields);
}
