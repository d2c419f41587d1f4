import { Button, Group, Modal, Text } from '@mantine/core';
import type { FieldErrors, FieldValues, Path, Resolver, UseFormSetError } from 'react-hook-form';
import { useRef } from 'react';
import { useBlocker } from 'react-router';
import type { FieldProblems } from '../../../shared/api/ranges';
import { ApiError, useCall } from '../api';

/** The clinic's today, as main sees it (the laptop's local date, or the test clock). */
export function useToday(): string | undefined {
  return useCall('app:info', {}).data?.today;
}

/**
 * The form's schema, then the same today-dependent limits main checks (shared/api/ranges.ts),
 * so an out-of-range date is named next to its field before anything is sent.
 */
export function withDateChecks<TIn extends FieldValues, TOut>(
  resolver: Resolver<TIn, unknown, TOut>,
  checks: (values: TOut, today: string) => FieldProblems,
  today: string | undefined,
): Resolver<TIn, unknown, TOut> {
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    if (!today) return result;
    // Checked on the values as typed too, so every date's problem shows at once; the checks only
    // look at well-formed ISO dates, which the form holds unchanged.
    const parsed = Object.keys(result.errors).length === 0 ? (result.values as TOut) : (values as unknown as TOut);
    const problems = Object.entries(checks(parsed, today)).filter(([field]) => !(field in result.errors));
    if (problems.length === 0) return result;
    const errors = { ...Object.fromEntries(problems.map(([field, message]) => [field, { type: 'range', message }])), ...result.errors };
    return { values: {}, errors: errors as FieldErrors<TIn> };
  };
}

/**
 * For handleSubmit's second argument: a refusal on a field the form does not show (a bug, or a
 * field added later) must still be seen, so it becomes the form's summary.
 */
export function summariseHiddenErrors(shown: readonly string[], setSummary: (text: string) => void) {
  return (errors: FieldErrors) => {
    const hidden = Object.entries(errors).filter(([field]) => !shown.includes(field));
    setSummary(hidden.length > 0 ? hidden.map(([, e]) => (typeof e?.message === 'string' ? e.message : 'A value is not valid.')).join(' ') : '');
  };
}

/** Puts main's per-field messages next to the fields; returns the summary for anything else. */
export function applyServerErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, knownFields: readonly string[]): string {
  if (!(error instanceof ApiError)) return 'Something went wrong and nothing was saved. Try again.';
  let unplaced = false;
  for (const [field, message] of Object.entries(error.fields)) {
    const top = field.split('.')[0]!;
    if (knownFields.includes(top)) setError(field as Path<T>, { type: 'server', message });
    else unplaced = true;
  }
  return unplaced || Object.keys(error.fields).length === 0 ? error.message : '';
}

/**
 * Asks before leaving a form with unsaved changes (in-app navigation). Call `release()` just
 * before navigating away after a successful save.
 */
export function useUnsavedChangesGuard(dirty: boolean) {
  const released = useRef(false);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && !released.current && currentLocation.pathname !== nextLocation.pathname);
  const prompt = (
    <Modal opened={blocker.state === 'blocked'} onClose={() => blocker.reset?.()} title="Leave without saving?" centered>
      <Text size="sm" mb="md">
        You have changes that are not saved. If you leave now they will be lost.
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
          Stay and keep editing
        </Button>
        <Button color="red" onClick={() => blocker.proceed?.()}>
          Discard changes
        </Button>
      </Group>
    </Modal>
  );
  return { prompt, release: () => (released.current = true) };
}

/** Ctrl/Cmd+Enter or Ctrl/Cmd+S submits from anywhere in the form, textareas included. */
/**
 * Select lists that open on demand and leave the page when closed. Kept mounted (Mantine's
 * default), each hidden list is placed by floating-ui as its form mounts, a forced layout of the
 * page apiece.
 */
export const LIST_UNMOUNTED = { keepMounted: false } as const;

export function submitOnShortcut(submit: () => unknown) {
  return (event: React.KeyboardEvent) => {
    const mod = event.ctrlKey || event.metaKey;
    if (mod && (event.key === 'Enter' || event.key.toLowerCase() === 's')) {
      event.preventDefault();
      void submit();
    }
  };
}
