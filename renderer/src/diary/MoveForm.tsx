import { Alert, Button, Grid, Group, Modal, NumberInput, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { appointmentMove } from '../../../shared/api/schemas';
import type { Appointment } from '../../../shared/api/types';
import { useAction, useCall } from '../api';
import { DateField } from '../components/DateField';
import { LoadFailed } from '../components/Loaded';
import { submitOnShortcut, summariseHiddenErrors } from '../components/forms';
import { formatDateTime } from '../format';
import { CheckPanel, useConfirmations } from './CheckPanel';
import { placeSlotErrors } from './slotErrors';
import { dateAndTime, joinStartsAt } from './slotForm';
import { dateOf, timeOf } from './time';
import { TimeSelect } from './TimeSelect';
import { Caution } from './Caution';

/** Where the appointment is going: from a drag that needs a confirmation, or its own place. */
export interface MoveTarget {
  appointment: Appointment;
  startsAt?: string;
  therapistId?: number;
  durationMin?: number;
  /** Why a drag could not be saved as it was: shown above the form. */
  reason?: string;
}

const moveForm = appointmentMove.omit({ startsAt: true }).extend(dateAndTime).transform(joinStartsAt);

type FormInput = z.input<typeof moveForm>;
type FormOutput = z.output<typeof moveForm>;

const FIELDS = ['id', 'therapistId', 'date', 'time', 'durationMin', 'acknowledgeWarning', 'confirmOutsideHours'];

export function MoveModal({ target, onClose }: { target: MoveTarget | null; onClose: () => void }) {
  return (
    <Modal opened={target !== null} onClose={onClose} title={target ? `Move ${target.appointment.clientName}'s appointment` : 'Move'} size={900} centered>
      {target && <MoveForm target={target} onDone={onClose} />}
    </Modal>
  );
}

/** The keyboard's way to move or resize: date, time, therapist and length, checked as a booking is. */
function MoveForm({ target, onDone }: { target: MoveTarget; onDone: () => void }) {
  const { appointment } = target;
  const therapists = useCall('therapists:list', {});
  const [summary, setSummary] = useState('');
  const startsAt = target.startsAt ?? appointment.startsAt;
  const { control, handleSubmit, watch, setValue, setError, clearErrors, formState } = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(moveForm),
    defaultValues: {
      id: appointment.id,
      updatedAt: appointment.updatedAt,
      date: dateOf(startsAt),
      time: timeOf(startsAt),
      therapistId: target.therapistId ?? appointment.therapistId,
      durationMin: target.durationMin ?? appointment.durationMin,
      acknowledgeWarning: false,
      confirmOutsideHours: false,
    },
  });
  const [therapistId, date, time, durationMin, acknowledgeWarning, confirmOutsideHours] =
    watch(['therapistId', 'date', 'time', 'durationMin', 'acknowledgeWarning', 'confirmOutsideHours']);
  const ready = /^\d{4}-\d{2}-\d{2}$/.test(date ?? '') && !!time && !!therapistId;
  const check = useCall(
    'appointments:check',
    {
      clientId: appointment.clientId, therapistId: therapistId ?? 0, typeId: appointment.typeId, appointmentId: appointment.id,
      startsAt: `${date}T${time}`, ...(typeof durationMin === 'number' ? { durationMin } : {}),
    },
    { enabled: ready, placeholderData: keepPreviousData },
  );
  const confirmations = useConfirmations(check.data, { values: { acknowledgeWarning, confirmOutsideHours }, setValue, clearErrors, errors: formState.errors });

  const move = useAction('appointments:move', {
    showsOwnErrors: true,
    onSuccess: (moved) => {
      notifications.show({ color: 'teal', title: 'Moved', message: `${moved.clientName} with ${moved.therapistName}, ${formatDateTime(moved.startsAt)}–${timeOf(moved.endsAt)}` });
      onDone();
    },
    onError: (error) => setSummary(placeSlotErrors(error, setError, FIELDS)),
  });
  // An acknowledgement the appointment already carries is not asked again (main knows which).
  const submit = handleSubmit((values) => {
    setSummary('');
    move.mutate(values);
  }, summariseHiddenErrors(FIELDS, setSummary));
  const err = (name: string) => (formState.errors as Record<string, { message?: string } | undefined>)[name]?.message;
  const therapistName = therapists.data?.find((t) => t.id === therapistId)?.name ?? '';

  return (
    <form onSubmit={(e) => void submit(e)} onKeyDown={submitOnShortcut(() => void submit())} noValidate aria-label="Move appointment">
      <Text size="sm" mb="sm">
        {appointment.typeName ?? 'Appointment'} now {formatDateTime(appointment.startsAt)}–{timeOf(appointment.endsAt)} with {appointment.therapistName}.
      </Text>
      {target.reason && <Caution mb="sm" title="Not moved yet">{target.reason}</Caution>}
      <Grid gap="lg">
        <Grid.Col span={5}>
          <Stack gap="sm">
            <Group grow align="start">
              <Controller control={control} name="date" render={({ field }) => (
                <DateField label="Date" withAsterisk value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={err('date')} clearable={false} />
              )} />
              <Controller control={control} name="time" render={({ field }) => (
                <TimeSelect label="Time" withAsterisk openOnFocus={false} onFocus={(e) => e.currentTarget.select()} data-autofocus
                  value={field.value || null} onChange={field.onChange} onBlur={field.onBlur} error={err('time')} />
              )} />
            </Group>
            <Controller control={control} name="therapistId" render={({ field }) => (
              <Select<number> label="Therapist" withAsterisk allowDeselect={false}
                data={(therapists.data ?? []).filter((t) => t.active || t.id === appointment.therapistId).map((t) => ({ value: t.id, label: t.name }))}
                value={field.value ?? null} onChange={(v) => field.onChange(v ?? undefined)} onBlur={field.onBlur} error={err('therapistId')} />
            )} />
            <Controller control={control} name="durationMin" render={({ field }) => (
              <NumberInput label="Duration (minutes)" step={15} min={15} max={480} allowDecimal={false} clampBehavior="none" w={180}
                value={field.value ?? ''} onChange={(v) => field.onChange(typeof v === 'number' ? v : undefined)} onBlur={field.onBlur} error={err('durationMin')} />
            )} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={7}>
          {check.error ? (
            <LoadFailed what="the guidance for this slot" error={check.error} retry={() => void check.refetch()} />
          ) : check.data && ready ? (
            <CheckPanel check={check.data} clientName={appointment.clientName} therapistName={therapistName} date={date} slotChosen
              stale={check.isPlaceholderData} acknowledgedBefore={appointment.acknowledgedWarning?.text === check.data.warnings.map((w) => w.message).join(' ') ? appointment.acknowledgedWarning : null}
              {...confirmations} />
          ) : (
            <Text size="sm" c="dimmed">Choose a date, time and therapist to check the slot.</Text>
          )}
        </Grid.Col>
      </Grid>
      {summary && <Alert color="red" role="alert" mt="md" data-testid="move-refusal">{summary}</Alert>}
      <Group justify="flex-end" mt="md">
        <Text size="xs" c="dimmed">Ctrl+Enter saves</Text>
        <Button variant="default" onClick={onDone}>Cancel</Button>
        <Button type="submit" loading={move.isPending}>Move appointment</Button>
      </Group>
    </form>
  );
}

