import { Alert, Button, Grid, Group, Modal, NumberInput, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { appointmentBook } from '../../../shared/api/schemas';
import type { Appointment } from '../../../shared/api/types';
import { useAction, useCall } from '../api';
import { DateField } from '../components/DateField';
import { LoadFailed } from '../components/Loaded';
import { submitOnShortcut, summariseHiddenErrors, useToday } from '../components/forms';
import { formatDateTime } from '../format';
import { CheckPanel, useConfirmations } from './CheckPanel';
import { ClientSelect } from './ClientSelect';
import { placeSlotErrors } from './slotErrors';
import { dateAndTime, joinStartsAt } from './slotForm';
import { Suggestions } from './Suggestions';
import { QUARTER_HOURS, timeOf } from './time';

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

/** The form holds the date and time apart; main takes them as one `startsAt`. */
const bookingForm = appointmentBook.omit({ startsAt: true }).extend(dateAndTime).transform(joinStartsAt);

type FormInput = z.input<typeof bookingForm>;
type FormOutput = z.output<typeof bookingForm>;

const FIELDS = ['clientId', 'therapistId', 'typeId', 'date', 'time', 'durationMin', 'acknowledgeWarning', 'confirmOutsideHours'];

export function BookingModal({ prefill, onClose }: { prefill: BookingPrefill | null; onClose: () => void }) {
  return (
    // No scroll lock: locking restyles the page under the dialog and lays the whole diary out again,
    // the larger part of a slot click's time to the painted form.
    <Modal opened={prefill !== null} onClose={onClose} title="New booking" size={980} centered lockScroll={false}>
      {prefill && <BookingForm prefill={prefill} onDone={onClose} />}
    </Modal>
  );
}

function BookingForm({ prefill, onDone }: { prefill: BookingPrefill; onDone: (booked: Appointment) => void }) {
  const today = useToday();
  const therapists = useCall('therapists:list', {});
  const types = useCall('appointmentTypes:list', {});
  const [clientName, setClientName] = useState(prefill.clientName ?? '');
  const [summary, setSummary] = useState('');
  const [durationTouched, setDurationTouched] = useState(prefill.durationMin !== undefined);

  const { control, handleSubmit, watch, setValue, setError, clearErrors, formState } = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(bookingForm),
    defaultValues: {
      clientId: prefill.clientId as number,
      therapistId: (prefill.therapistId ?? undefined) as number,
      typeId: undefined as unknown as number,
      date: prefill.date ?? today ?? '',
      time: prefill.time ?? '',
      durationMin: prefill.durationMin,
      acknowledgeWarning: false,
      confirmOutsideHours: false,
    },
  });
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
  const activeTypes = (types.data ?? []).filter((t) => t.active);
  const therapistName = therapists.data?.find((t) => t.id === therapistId)?.name ?? '';

  return (
    <form onSubmit={(e) => void submit(e)} onKeyDown={submitOnShortcut(() => void submit())} noValidate aria-label="New booking">
      <Grid gap="lg">
        <Grid.Col span={5}>
          <Stack gap="sm">
            <Controller control={control} name="clientId" render={({ field }) => (
              <ClientSelect value={field.value ?? null} initialName={prefill.clientName} autoFocus={!prefill.clientId}
                onChange={(id, name) => { field.onChange(id ?? undefined); setClientName(name); }} onBlur={field.onBlur} error={err('clientId')} />
            )} />
            <Controller control={control} name="therapistId" render={({ field }) => (
              <Select<number> label="Therapist" withAsterisk placeholder="Who will treat?" allowDeselect={false}
                data={(therapists.data ?? []).filter((t) => t.active).map((t) => ({ value: t.id, label: t.name }))}
                value={field.value ?? null} onChange={(v) => field.onChange(v ?? undefined)} onBlur={field.onBlur}
                error={err('therapistId') ?? (therapists.error ? `Therapists could not be loaded: ${therapists.error.message}` : undefined)} />
            )} />
            <Controller control={control} name="typeId" render={({ field }) => (
              <Select<number> label="Type" withAsterisk placeholder="What kind of appointment?" allowDeselect={false} data-autofocus={prefill.clientId ? true : undefined}
                data={activeTypes.map((t) => ({ value: t.id, label: `${t.name} (${t.durationMin} min)` }))}
                value={field.value ?? null}
                onChange={(v) => {
                  field.onChange(v ?? undefined);
                  const type = activeTypes.find((t) => t.id === v);
                  if (type && !durationTouched) setValue('durationMin', type.durationMin);
                }}
                onBlur={field.onBlur}
                error={err('typeId') ?? (types.error ? `Appointment types could not be loaded: ${types.error.message}` : undefined)} />
            )} />
            <Group grow align="start">
              <Controller control={control} name="date" render={({ field }) => (
                <DateField label="Date" withAsterisk value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={err('date')} clearable={false} />
              )} />
              <Controller control={control} name="time" render={({ field }) => (
                <Select label="Time" withAsterisk placeholder="hh:mm" searchable openOnFocus={false} onFocus={(e) => e.currentTarget.select()} data={[...QUARTER_HOURS]} allowDeselect={false}
                  value={field.value || null} onChange={(v) => field.onChange(v ?? '')} onBlur={field.onBlur} error={err('time')} />
              )} />
            </Group>
            <Controller control={control} name="durationMin" render={({ field }) => (
              <NumberInput label="Duration (minutes)" step={15} min={15} max={480} allowDecimal={false} clampBehavior="none" w={180}
                description={typeId ? undefined : "Choosing a type fills in its length"}
                value={field.value ?? ''} onBlur={field.onBlur} error={err('durationMin')}
                onChange={(v) => { setDurationTouched(true); field.onChange(typeof v === 'number' ? v : undefined); }} />
            )} />
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
