import { Alert, Button, Grid, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useImperativeHandle, useRef, useState, type Ref, type RefObject } from 'react';
import { useForm } from 'react-hook-form';
import type { Appointment } from '../../../shared/api/types';
import { useAction, useCall } from '../api';
import { LoadFailed } from '../components/Loaded';
import { submitOnShortcut, summariseHiddenErrors, useToday } from '../components/forms';
import { formatDateTime } from '../format';
import { CheckPanel, useConfirmations } from './CheckPanel';
import { BookingFields, bookingForm, type BookingFormInput as FormInput, type BookingFormOutput as FormOutput } from './BookingFields';
import { placeSlotErrors } from './slotErrors';
import { Suggestions } from './Suggestions';
import { timeOf } from './time';

/** What the booking form opens with: from a slot, the recall list or a client's page. */
export interface BookingPrefill {
  clientId?: number;
  clientName?: string;
  therapistId?: number | null;
  date?: string;
  time?: string;
  /** From a dragged span: kept when a type is chosen. */
  durationMin?: number;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

const FIELDS = ['clientId', 'therapistId', 'typeId', 'date', 'time', 'durationMin', 'acknowledgeWarning', 'confirmOutsideHours'];

export function BookingModal({ prefill, onClose }: { prefill: BookingPrefill | null; onClose: () => void }) {
  const opened = prefill !== null;
  const ref = useRef<HTMLDivElement>(null);
  useFirstFieldFocus(opened, ref);
  return (
    <Modal opened={opened} onClose={onClose} ref={ref} {...BOOKING_MODAL}>
      {prefill && <BookingForm prefill={prefill} onDone={onClose} />}
    </Modal>
  );
}

/**
 * How the booking dialog opens: at once (Mantine's transition mounts the form a frame late, then
 * draws it again each frame), and without a scroll lock (locking restyles the page under the
 * dialog and lays the whole diary out again).
 */
export const BOOKING_MODAL = { title: 'New booking', size: 980, centered: true, lockScroll: false, transitionProps: { duration: 0 } } as const;

/**
 * Focus goes to the first field to fill before the dialog's first frame; the dialog's focus trap
 * would move it a task later and paint the dialog twice. Called from the dialog's parent, whose
 * effects run after the dialog has noted where focus was, so closing still returns it there.
 */
export function useFirstFieldFocus(opened: boolean, dialog: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (opened) dialog.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus({ preventScroll: true });
  }, [opened, dialog]);
}

/** The values a prefill opens the form with. */
function valuesFor(prefill: BookingPrefill | null, today: string | undefined): FormInput {
  return {
    clientId: prefill?.clientId as number,
    therapistId: (prefill?.therapistId ?? undefined) as number,
    typeId: undefined as unknown as number,
    date: prefill?.date ?? today ?? '',
    time: prefill?.time ?? '',
    durationMin: prefill?.durationMin,
    acknowledgeWarning: false,
    confirmOutsideHours: false,
  };
}

/** Fills in a form drawn ahead: see BookingHost. */
export interface BookingFiller {
  fill: (prefill: BookingPrefill) => void;
}

interface FormProps {
  /** Null: drawn ahead of need, out of sight (BookingHost), and filled in through `ref` as it opens. */
  prefill: BookingPrefill | null;
  onDone: (booked: Appointment) => void;
  ref?: Ref<BookingFiller>;
}

export function BookingForm({ prefill, onDone, ref }: FormProps) {
  const today = useToday();
  const therapists = useCall('therapists:list', {});
  const types = useCall('appointmentTypes:list', {});
  const [clientName, setClientName] = useState(prefill?.clientName ?? '');
  const [summary, setSummary] = useState('');

  const { control, handleSubmit, watch, setValue, setError, clearErrors, reset, formState } = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(bookingForm),
    defaultValues: valuesFor(prefill, today),
  });
  // Filled before the render that shows it, so its first frame holds the prefill (a prefill without
  // a client: the client box keeps its own text).
  useImperativeHandle(ref, () => ({ fill: (p) => reset(valuesFor(p, today)) }), [reset, today]);
  const [clientId, therapistId, typeId, date, time, durationMin, acknowledgeWarning, confirmOutsideHours] =
    watch(['clientId', 'therapistId', 'typeId', 'date', 'time', 'durationMin', 'acknowledgeWarning', 'confirmOutsideHours']);

  // Main's dry run: guidance on the date, warnings, clashes, hours and suggested dates. Before a
  // time is chosen it is asked about midday, and only its guidance and suggestions are shown.
  const dateChosen = ISO.test(date ?? '');
  const slotChosen = dateChosen && !!time;
  const probeDate = dateChosen ? date : today ?? '';
  const check = useCall(
    'appointments:check',
    {
      clientId, therapistId, typeId: typeId ?? null,
      startsAt: `${probeDate}T${time || '12:00'}`,
      ...(typeof durationMin === 'number' ? { durationMin } : {}),
    },
    { enabled: !!clientId && !!therapistId && ISO.test(probeDate), placeholderData: keepPreviousData },
  );

  const confirmations = useConfirmations(check.data, { values: { acknowledgeWarning, confirmOutsideHours }, setValue, clearErrors, errors: formState.errors });

  const book = useAction('appointments:book', {
    showsOwnErrors: true,
    onSuccess: (booked) => {
      notifications.show({ color: 'teal', title: 'Booked', message: `${booked.clientName} with ${booked.therapistName}, ${formatDateTime(booked.startsAt)}–${timeOf(booked.endsAt)}` });
      onDone(booked);
    },
    onError: (error) => setSummary(placeSlotErrors(error, setError, FIELDS)),
  });

  const submit = handleSubmit((values) => {
    setSummary('');
    const current = check.data && !check.isPlaceholderData ? check.data : null;
    let refused = false;
    if (current && current.warnings.length > 0 && !values.acknowledgeWarning) {
      setError('acknowledgeWarning', { type: 'required', message: 'Tick to acknowledge the warning before booking.' });
      refused = true;
    }
    if (current?.outsideHours && !values.confirmOutsideHours) {
      setError('confirmOutsideHours', { type: 'required', message: 'Tick to book outside hours, or choose another time.' });
      refused = true;
    }
    if (!refused) book.mutate(values);
  }, summariseHiddenErrors(FIELDS, setSummary));

  const err = (name: string) => (formState.errors as Record<string, { message?: string } | undefined>)[name]?.message;
  const therapistName = therapists.data?.find((t) => t.id === therapistId)?.name ?? '';

  return (
    <form onSubmit={(e) => void submit(e)} onKeyDown={submitOnShortcut(() => void submit())} noValidate aria-label="New booking">
      <Grid gap="lg">
        <Grid.Col span={5}>
          <Stack gap="sm">
            <BookingFields control={control} setValue={setValue} clientGiven={!!prefill?.clientId} clientName={prefill?.clientName} spanMin={prefill?.durationMin} dateKey={prefill?.date ?? today ?? ''} therapists={therapists.data} types={types.data}
              typeChosen={!!typeId} onClientName={setClientName}
              clientId={err('clientId')} date={err('date')} time={err('time')} durationMin={err('durationMin')}
              therapistId={err('therapistId') ?? (therapists.error ? `Therapists could not be loaded: ${therapists.error.message}` : undefined)}
              typeId={err('typeId') ?? (types.error ? `Appointment types could not be loaded: ${types.error.message}` : undefined)} />
            {/* Under the fields, where there is room: beside the warnings they pushed "Book" below a 768 px window. */}
            {clientId && therapistId && !check.error && check.data && (
              <Suggestions suggestions={check.data.suggestions} chosen={date ?? ''}
                onPick={(d) => { setValue('date', d, { shouldValidate: true, shouldDirty: true }); }} />
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={7}>
          <Stack gap="sm">
            {!clientId || !therapistId ? (
              <Text size="sm" c="dimmed">Choose a client and a therapist to see the client's guidance on the date and the best dates to book.</Text>
            ) : check.error ? (
              <LoadFailed what="the guidance for this booking" error={check.error} retry={() => void check.refetch()} />
            ) : check.data ? (
              dateChosen ? (
                <CheckPanel check={check.data} clientName={clientName} therapistName={therapistName} date={date} slotChosen={slotChosen}
                  stale={check.isPlaceholderData}
                  {...confirmations} />
              ) : (
                <Text size="sm" c="dimmed">Type a date, or pick a suggested one, to see the client's guidance on it.</Text>
              )
            ) : (
              <Text size="sm" c="dimmed" role="status">Checking the guidance…</Text>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      {summary && <Alert color="red" role="alert" mt="md" data-testid="booking-refusal">{summary}</Alert>}
      <Group justify="flex-end" mt="md">
        <Text size="xs" c="dimmed">Ctrl+Enter books</Text>
        <Button type="submit" loading={book.isPending}>Book appointment</Button>
      </Group>
    </form>
  );
}
