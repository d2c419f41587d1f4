import { Alert, Badge, Button, Checkbox, Group, Modal, NumberInput, Paper, Select, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { appointmentTypeInput, appointmentTypeUpdate, hoursInput } from '../../../shared/api/schemas';
import type { AppointmentType, DayHours, OpeningHours } from '../../../shared/api/types';
import { GIVEN_LABEL } from '../../../shared/guidance';
import { INTENSITIES } from '../../../shared/vocabulary';
import { useAction, useCall } from '../api';
import { applyServerErrors, submitOnShortcut, summariseHiddenErrors } from '../components/forms';
import { Loaded } from '../components/Loaded';
import { TimeSelect } from '../diary/TimeSelect';

// The diary's settings: the clinic's opening hours, each therapist's working hours, and the
// appointment types (default length and the intensity each implies).

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function DiarySettings() {
  const hours = useCall('hours:get', {});
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="diary-settings-title">
      <Title order={2} size="h4" mb="sm" id="diary-settings-title">Diary</Title>
      <Stack gap="xl">
        <Loaded query={hours} what="opening hours">
          {(data) => (
            <>
              <ClinicHours hours={data} />
              <TherapistHours hours={data} />
            </>
          )}
        </Loaded>
        <AppointmentTypes />
      </Stack>
    </Paper>
  );
}

function ClinicHours({ hours }: { hours: OpeningHours }) {
  return (
    <div>
      <Title order={3} size="h5" mb="xs">Opening hours</Title>
      <HoursForm therapistId={null} days={hours.clinic} label="Clinic opening hours" openWord="Open" />
    </div>
  );
}

function TherapistHours({ hours }: { hours: OpeningHours }) {
  const working = hours.therapists.filter((t) => t.active);
  const [chosen, setChosen] = useState<number | null>(working[0]?.therapistId ?? null);
  const therapist = working.find((t) => t.therapistId === chosen);
  return (
    <div>
      <Title order={3} size="h5" mb="xs">Working hours</Title>
      {working.length === 0 ? (
        <Text size="sm" c="dimmed">Add a therapist above to set their hours.</Text>
      ) : (
        <Stack gap="xs">
          <Select<number> label="Therapist" w={240} allowDeselect={false} value={chosen}
            data={working.map((t) => ({ value: t.therapistId, label: t.therapistName }))} onChange={setChosen} />
          {therapist && (
            <HoursForm key={therapist.therapistId}
              therapistId={therapist.therapistId} days={therapist.days} usesClinicHours={therapist.usesClinicHours}
              label={`${therapist.therapistName}'s working hours`} openWord="Working" />
          )}
        </Stack>
      )}
    </div>
  );
}

type HoursFormInput = z.input<typeof hoursInput>;
type HoursFormOutput = z.output<typeof hoursInput>;

/** A week of hours, Monday first; a therapist may instead work the clinic's hours. */
function HoursForm({ therapistId, days, usesClinicHours, label, openWord }: { therapistId: number | null; days: DayHours[]; usesClinicHours?: boolean; label: string; openWord: string }) {
  const [summary, setSummary] = useState('');
  const [saved, setSaved] = useState(false);
  const [clinicHours, setClinicHours] = useState(!!usesClinicHours);
  const { control, handleSubmit, setValue, setError, watch, formState } = useForm<HoursFormInput, unknown, HoursFormOutput>({
    resolver: zodResolver(hoursInput),
    defaultValues: { therapistId, days: days.map((d) => ({ ...d })) },
  });
  const { fields } = useFieldArray({ control, name: 'days' as never });
  const save = useAction('hours:set', {
    showsOwnErrors: true,
    onSuccess: () => setSaved(true),
    onError: (error) => setSummary(applyServerErrors(error, setError, ['days', 'therapistId'])),
  });
  const submit = handleSubmit((values) => {
    setSummary('');
    setSaved(false);
    save.mutate(therapistId !== null && clinicHours ? { therapistId, days: null } : values);
  }, summariseHiddenErrors(['days'], setSummary));
  const current = watch('days') ?? [];
  const dayError = (i: number, field: 'start' | 'end') =>
    (formState.errors.days as unknown as Record<number, Record<string, { message?: string }> | undefined> | undefined)?.[i]?.[field]?.message;
  const weekError = (formState.errors.days as { message?: string } | undefined)?.message ?? (formState.errors.days as { root?: { message?: string } } | undefined)?.root?.message;

  return (
    <form onSubmit={(e) => void submit(e)} onKeyDown={submitOnShortcut(() => void submit())} noValidate aria-label={label}>
      <Stack gap="xs">
        {therapistId !== null && (
          <Switch label="Works the clinic's opening hours" checked={clinicHours} onChange={(e) => { setClinicHours(e.currentTarget.checked); setSaved(false); }} />
        )}
        {!(therapistId !== null && clinicHours) && (
          <Table w="auto" verticalSpacing={4} aria-label={label}>
            <Table.Thead>
              <Table.Tr><Table.Th>Day</Table.Th><Table.Th>{openWord}</Table.Th><Table.Th>From</Table.Th><Table.Th>Until</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.map((f, i) => {
                const day = current[i];
                const open = !!day && day.start !== null;
                const name = WEEKDAY_NAMES[i]!;
                return (
                  <Table.Tr key={f.id}>
                    <Table.Td w={110}><Text size="sm">{name}</Text></Table.Td>
                    <Table.Td>
                      <Checkbox aria-label={`${openWord} on ${name}`} checked={open}
                        onChange={(e) => {
                          const on = e.currentTarget.checked;
                          setValue(`days.${i}.start`, on ? '09:00' : null, { shouldDirty: true });
                          setValue(`days.${i}.end`, on ? '17:00' : null, { shouldDirty: true });
                          setSaved(false);
                        }} />
                    </Table.Td>
                    {(['start', 'end'] as const).map((edge) => (
                      <Table.Td key={edge}>
                        <Controller control={control} name={`days.${i}.${edge}`} render={({ field }) => (
                          <TimeSelect aria-label={`${name} ${edge === 'start' ? 'from' : 'until'}`} w={110} disabled={!open}
                            value={field.value ?? null} onChange={(v) => { field.onChange(v); setSaved(false); }} error={dayError(i, edge)} />
                        )} />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        {weekError && <Alert color="red" role="alert">{weekError}</Alert>}
        {summary && <Alert color="red" role="alert">{summary}</Alert>}
        <Group>
          <Button type="submit" loading={save.isPending}>Save {label.toLowerCase()}</Button>
          {saved && <Text size="sm" c="teal.8" role="status">Saved.</Text>}
        </Group>
      </Stack>
    </form>
  );
}

function AppointmentTypes() {
  const types = useCall('appointmentTypes:list', {});
  const [editing, setEditing] = useState<{ type: AppointmentType | null } | null>(null);
  return (
    <div>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">Appointment types</Title>
        <Button size="xs" variant="light" onClick={() => setEditing({ type: null })}>Add type</Button>
      </Group>
      <Loaded query={types} what="appointment types">
        {(list) => (
          <Table aria-label="Appointment types" w="auto" miw={560}>
            <Table.Thead>
              <Table.Tr><Table.Th>Name</Table.Th><Table.Th>Length</Table.Th><Table.Th>Intensity it implies</Table.Th><Table.Th>Status</Table.Th><Table.Th><span className="visually-hidden">Actions</span></Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>{t.name}</Table.Td>
                  <Table.Td>{t.durationMin} min</Table.Td>
                  <Table.Td>{GIVEN_LABEL[t.intensity]}</Table.Td>
                  <Table.Td>{t.active ? <Badge color="teal" variant="light" radius="sm" tt="none">Offered</Badge> : <Badge color="gray" variant="light" radius="sm" tt="none">Retired</Badge>}</Table.Td>
                  <Table.Td><Button size="compact-xs" variant="default" onClick={() => setEditing({ type: t })} aria-label={`Edit ${t.name}`}>Edit</Button></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Loaded>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.type ? `Edit ${editing.type.name}` : 'Add an appointment type'} centered>
        {editing && <TypeForm type={editing.type} onDone={() => setEditing(null)} />}
      </Modal>
    </div>
  );
}

type TypeInput = z.input<typeof appointmentTypeUpdate>;
type TypeOutput = z.output<typeof appointmentTypeUpdate>;
const TYPE_FIELDS = ['name', 'durationMin', 'intensity', 'active'];

/** Adds or edits a type; a type is retired, never deleted, so past appointments keep theirs. */
function TypeForm({ type, onDone }: { type: AppointmentType | null; onDone: () => void }) {
  const [summary, setSummary] = useState('');
  // Adding needs every field; an edit sends the type's id with the fields (the update schema).
  const resolver = type ? zodResolver(appointmentTypeUpdate) : (zodResolver(appointmentTypeInput) as unknown as ReturnType<typeof zodResolver<TypeInput, unknown, TypeOutput>>);
  const { control, register, handleSubmit, setError, formState } = useForm<TypeInput, unknown, TypeOutput>({
    resolver,
    defaultValues: type
      ? { id: type.id, name: type.name, durationMin: type.durationMin, intensity: type.intensity, active: type.active }
      : { name: '', durationMin: 30, intensity: undefined },
  });
  const onError = (error: unknown) => setSummary(applyServerErrors(error, setError, TYPE_FIELDS));
  const create = useAction('appointmentTypes:create', { showsOwnErrors: true, onSuccess: onDone, onError });
  const update = useAction('appointmentTypes:update', { showsOwnErrors: true, onSuccess: onDone, onError });
  const submit = handleSubmit((values) => {
    setSummary('');
    if (type) update.mutate(values);
    else create.mutate(values as z.input<typeof appointmentTypeInput>);
  }, summariseHiddenErrors(TYPE_FIELDS, setSummary));
  const err = (name: keyof TypeInput) => formState.errors[name]?.message;
  return (
    <form onSubmit={(e) => void submit(e)} onKeyDown={submitOnShortcut(() => void submit())} noValidate aria-label={type ? 'Edit appointment type' : 'Add appointment type'}>
      <Stack gap="sm">
        <TextInput label="Name" withAsterisk data-autofocus {...register('name')} error={err('name')} />
        <Controller control={control} name="durationMin" render={({ field }) => (
          <NumberInput label="Default length (minutes)" withAsterisk step={15} min={15} max={480} allowDecimal={false} clampBehavior="none" w={220}
            value={field.value ?? ''} onChange={(v) => field.onChange(typeof v === 'number' ? v : undefined)} onBlur={field.onBlur} error={err('durationMin')} />
        )} />
        <Controller control={control} name="intensity" render={({ field }) => (
          <Select label="Intensity it implies" withAsterisk w={260} allowDeselect={false} description="Booking a type above the client's ceiling raises a warning."
            data={INTENSITIES.map((i) => ({ value: i, label: GIVEN_LABEL[i] }))}
            value={field.value ?? null} onChange={(v) => field.onChange(v ?? undefined)} error={err('intensity')} />
        )} />
        {type && (
          <Controller control={control} name="active" render={({ field }) => (
            <Switch label="Offered for new bookings" checked={!!field.value} onChange={(e) => field.onChange(e.currentTarget.checked)} />
          )} />
        )}
        {summary && <Alert color="red" role="alert">{summary}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={create.isPending || update.isPending}>{type ? 'Save type' : 'Add type'}</Button>
        </Group>
      </Stack>
    </form>
  );
}
