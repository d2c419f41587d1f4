import { Modal } from '@mantine/core';
import { startTransition, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type Ref } from 'react';
import { BOOKING_MODAL, BookingForm, useFirstFieldFocus, type BookingFiller, type BookingPrefill } from './BookingForm';

/** Opens the diary's booking form: see BookingHost. */
export interface BookingOpener {
  open: (prefill: BookingPrefill) => void;
}

interface HostState {
  prefill: BookingPrefill | null;
  /** The form's key: a new one is a new, empty form. */
  form: number;
  /** The form is drawn and untouched, ready to be filled in and shown. */
  ready: boolean;
}

/**
 * The diary's booking form, drawn ahead while the diary is idle, so a slot click only fills in the
 * slot and shows it (drawing Mantine's fields was most of a click's time to the painted form).
 * Until it opens, the dialog lives in an element outside the page: nothing of it is in the
 * document, for people, screen readers or tests, until a click puts it there. Each opening gets
 * a form nobody has typed in: a used one is replaced once the dialog closes. The prefill lives
 * here, so opening the form does not draw the diary again.
 */
export function BookingHost({ ref }: { ref: Ref<BookingOpener> }) {
  const [state, setState] = useState<HostState>({ prefill: null, form: 0, ready: false });
  const [outside] = useState(() => document.createElement('div'));
  const dialog = useRef<HTMLDivElement>(null);
  const form = useRef<BookingFiller>(null);
  const opened = state.prefill !== null;
  // What is on the page: the committed state, not a pending one.
  const shown = useRef(state);
  useLayoutEffect(() => {
    shown.current = state;
  }, [state]);
  // Keys for new forms. Each update carries the key it was given: React replays a pending low
  // priority update before a later urgent one, which must not then count again.
  const lastKey = useRef(0);

  useImperativeHandle(ref, () => ({
    open: (prefill) => {
      // A ready form is filled in first, so the render that shows it holds the prefill. A prefill
      // with a client, or no ready form (one still in use, or the next not yet drawn): a new form.
      const ready = shown.current.ready && shown.current.prefill === null && !prefill.clientId && form.current !== null;
      if (ready) form.current!.fill(prefill);
      const key = ready ? shown.current.form : ++lastKey.current;
      shown.current = { prefill, form: key, ready: false };
      setState({ prefill, form: key, ready: false });
    },
  }), []);
  const close = useCallback(() => setState((s) => ({ ...s, prefill: null })), []);

  // The next form is drawn when nothing is open, at the lowest priority; an opening meanwhile wins.
  useEffect(() => {
    if (opened || state.ready) return;
    const key = ++lastKey.current;
    startTransition(() => setState((s) => (s.prefill === null && !s.ready ? { prefill: null, form: key, ready: true } : s)));
  }, [opened, state.ready]);

  useLayoutEffect(() => {
    if (!opened) return;
    document.body.appendChild(outside);
    return () => outside.remove();
  }, [opened, outside]);
  useFirstFieldFocus(opened, dialog);

  return (
    <Modal opened={opened} onClose={close} ref={dialog} {...BOOKING_MODAL} keepMounted keepMountedMode="display-none" portalProps={{ target: outside }}>
      {(opened || state.ready) && <BookingForm key={state.form} ref={form} prefill={state.prefill} onDone={close} />}
    </Modal>
  );
}
