import { Alert, Button, Grid, Group, Modal, NumberInput, Radio, Select, Textarea, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { raceDateProblems } from '../../../shared/api/ranges';
import { raceInput } from '../../../shared/api/schemas';
import type { Race } from '../../../shared/api/types';
import { DISTANCE_LABEL, distanceForKm } from '../../../shared/guidance';
import { DISTANCES } from '../../../shared/vocabulary';
import { useAction } from '../api';
import { DateField } from '../components/DateField';
import { applyServerErrors, submitOnShortcut, summariseHiddenErrors, useToday, withDateChecks } from '../components/forms';

type FormInput = z.input<typeof raceInput>;
type FormOutput = z.output<typeof raceInput>;

const FIELDS = ['clientId', 'name', 'date', 'distance', 'distanceKm', 'priority', 'planStart', 'taperDays', 'goalTime', 'notes'] as const;

/** The form's fields of a stored race (its id and bookkeeping travel beside the form, not in it). */
function toForm(race: Race): FormInput {
  return {
    clientId: race.clientId, name: race.name, date: race.date, distance: race.distance, distanceKm: race.distanceKm,
    priority: race.priority, planStart: race.planStart ?? '', taperDays: race.taperDays, goalTime: race.goalTime, notes: race.notes,
  };
}

/** A new race's fields filled in beforehand (a tune-up found in a plan); the distance is left for the person to choose. */
export type RaceDraft = Pick<FormInput, 'name' | 'date' | 'priority'>;

/** Add or edit one of a client's races. A custom distance in km picks the category itself. */
export function RaceFormModal({ clientId, race, draft, opened, onClose }: { clientId: number; race: Race | null; draft?: RaceDraft; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={race ? `Edit ${race.name}` : 'Add a race'} size="lg" centered>
      {opened && <RaceForm key={race?.id ?? 'new'} clientId={clientId} race={race} draft={draft} onDone={onClose} />}
    </Modal>
  );
}

function RaceForm({ clientId, race, draft, onDone }: { clientId: number; race: Race | null; draft?: RaceDraft; onDone: () => void }) {
  const [summary, setSummary] = useState('');
  const today = useToday();
  const { register, control, handleSubmit, formState, setError, setValue, watch } = useForm<FormInput, unknown, FormOutput>({
    resolver: withDateChecks(zodResolver(raceInput), raceDateProblems, today),
    defaultValues: race
      ? toForm(race)
      : { clientId, name: '', date: '', distance: draft ? undefined : 'marathon', distanceKm: null, priority: 'A', planStart: '', taperDays: null, goalTime: '', notes: '', ...draft },
  });
  const onError = (error: unknown) => setSummary(applyServerErrors(error, setError, FIELDS));
  const create = useAction('races:create', { showsOwnErrors: true, onSuccess: onDone, onError });
  const update = useAction('races:update', { showsOwnErrors: true, onSuccess: onDone, onError });
  const submit = handleSubmit((values) => {
    setSummary('');
    // The version seen when the form opened: main refuses the edit if someone saved in between.
    if (race) update.mutate({ ...values, id: race.id, updatedAt: race.updatedAt });
    else create.mutate(values);
  }, summariseHiddenErrors(FIELDS, setSummary));
  const err = (name: keyof FormInput) => formState.errors[name]?.message;
  const priority = watch('priority');

  return (
    <form onSubmit={(event) => void submit(event)} onKeyDown={submitOnShortcut(submit)} noValidate aria-label="Race">
      {summary && <Alert color="red" mb="sm" role="alert">{summary}</Alert>}
      <Grid>
        <Grid.Col span={8}><TextInput label="Race name" withAsterisk data-autofocus {...register('name')} error={err('name')} /></Grid.Col>
        <Grid.Col span={4}>
          <Controller control={control} name="date" render={({ field }) => (
            <DateField label="Race date" withAsterisk value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={err('date')} clearable={false} />
          )} />
        </Grid.Col>
        <Grid.Col span={6}>
          <Controller control={control} name="distance" render={({ field }) => (
            <Select label="Distance" placeholder="Choose a distance" data={DISTANCES.map((d) => ({ value: d, label: DISTANCE_LABEL[d] }))} value={field.value ?? null} onChange={(v) => v && field.onChange(v)} allowDeselect={false} error={err('distance')} />
          )} />
        </Grid.Col>
        <Grid.Col span={6}>
          <Controller control={control} name="distanceKm" render={({ field }) => (
            <NumberInput label="Or exact distance in km" description="Picks the distance category" decimalScale={1} clampBehavior="none"
              value={field.value ?? ''} error={err('distanceKm')}
              onChange={(v) => {
                const km = typeof v === 'number' ? v : null;
                field.onChange(km);
                if (km && km > 0) setValue('distance', distanceForKm(km), { shouldDirty: true });
              }} />
          )} />
        </Grid.Col>
        <Grid.Col span={12}>
          <Controller control={control} name="priority" render={({ field }) => (
            <Radio.Group label="Priority" value={field.value ?? 'A'} onChange={field.onChange} error={err('priority')}>
              <Group mt={6} gap="lg">
                <Radio value="A" label="A: goal race" />
                <Radio value="B" label="B: tune-up" />
                <Radio value="C" label="C: training run" />
              </Group>
            </Radio.Group>
          )} />
        </Grid.Col>
        {priority === 'A' && (
          <>
            <Grid.Col span={6}>
              <Controller control={control} name="planStart" render={({ field }) => (
                <DateField label="Plan start (optional)" description="When the training plan began" value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={err('planStart')} />
              )} />
            </Grid.Col>
            <Grid.Col span={6}>
              <Controller control={control} name="taperDays" render={({ field }) => (
                <NumberInput label="Taper length in days (optional)" description="7 to 28, race week included" clampBehavior="none" allowDecimal={false}
                  value={field.value ?? ''} onChange={(v) => field.onChange(typeof v === 'number' ? v : null)} error={err('taperDays')} />
              )} />
            </Grid.Col>
          </>
        )}
        <Grid.Col span={4}><TextInput label="Goal time" placeholder="e.g. 3:45:00" {...register('goalTime')} error={err('goalTime')} /></Grid.Col>
        <Grid.Col span={8}><Textarea label="Notes" autosize minRows={1} {...register('notes')} error={err('notes')} /></Grid.Col>
      </Grid>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onDone}>Cancel</Button>
        <Button type="submit" loading={create.isPending || update.isPending}>Save race</Button>
      </Group>
    </form>
  );
}
