import { Button, Group, Modal, Text } from '@mantine/core';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { useRef } from 'react';
import { useBlocker } from 'react-router';
import { ApiError } from '../api';

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
export function submitOnShortcut(submit: () => void) {
  return (event: React.KeyboardEvent) => {
    const mod = event.ctrlKey || event.metaKey;
    if (mod && (event.key === 'Enter' || event.key.toLowerCase() === 's')) {
      event.preventDefault();
      submit();
    }
  };
}
