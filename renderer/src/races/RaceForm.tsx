import { Alert, Button, Grid, Group, Modal, NumberInput, SegmentedControl, Select, Textarea, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { raceInput } from '../../../shared/api/schemas';
import type { Race } from '../../../shared/api/types';
import { DISTANCE_LABEL, distanceForKm } from '../../../shared/guidance';
import { DISTANCES, type Distance } from '../../../shared/vocabulary';
import { fettle, unwrap } from '../api';
import { applyServerErrors, submitOnShortcut } from '../components/forms';

type FormInput = z.input<typeof raceInput>;
type FormOutput = z.output<typeof raceInput>;

/** Add or edit one of a client's races. A custom distance in km picks the category itself. */
export function RaceFormModal({ clientId, race, opened, onClose }: { clientId: number; race: Race | null; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={race ? `Edit ${race.name}` : 'Add a race'} size="lg" centered>
      {opened && <RaceForm key={race?.id ?? 'new'} clientId={clientId} race={race} onDone={onClose} />}
    </Modal>
  );
}

function RaceForm({ clientId, race, onDone }: { clientId: number; race: Race | null; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [summary, setSummary] = useState('');
  const { register, control, handleSubmit, formState, setError, setValue, watch } = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(raceInput),
    defaultValues: race
      ? { ...race, planStart: race.planStart ?? '' }
      : { clientId, name: '', date: '', distance: 'marathon', distanceKm: null, priority: 'A', planStart: '', taperDays: null, goalTime: '', notes: '' },
  });
  const save = useMutation({
    mutationFn: (values: FormOutput) => unwrap(race ? fettle().races.update({ ...values, id: race.id }) : fettle().races.create(values)),
    onSuccess: async () => {
      await queryClient.invalidateQueries();
      onDone();
    },
    onError: (error) => setSummary(applyServerErrors(error, setError, ['name', 'date', 'distance', 'distanceKm', 'priority', 'planStart', 'taperDays', 'goalTime', 'notes'])),
  });
  const submit = handleSubmit((v) => save.mutate(v));
  const err = (name: keyof FormInput) => formState.errors[name]?.message as string | undefined;
  const priority = watch('priority');

  return (
    <form onSubmit={submit} onKeyDown={submitOnShortcut(submit)} noValidate aria-label="Race">
      {summary && <Alert color="red" mb="sm" role="alert">{summary}</Alert>}
      <Grid>
        <Grid.Col span={8}><TextInput label="Race name" withAsterisk data-autofocus {...register('name')} error={err('name')} /></Grid.Col>
        <Grid.Col span={4}><TextInput label="Race date" type="date" withAsterisk {...register('date')} error={err('date')} /></Grid.Col>
        <Grid.Col span={5}>
          <Controller control={control} name="distance" render={({ field }) => (
            <Select label="Distance" data={DISTANCES.map((d) => ({ value: d, label: DISTANCE_LABEL[d] }))} value={field.value} onChange={(v) => v && field.onChange(v as Distance)} allowDeselect={false} error={err('distance')} />
          )} />
        </Grid.Col>
        <Grid.Col span={3}>
          <Controller control={control} name="distanceKm" render={({ field }) => (
            <NumberInput label="or km" min={0.1} max={1000} decimalScale={1} value={field.value ?? ''} error={err('distanceKm')}
              onChange={(v) => {
                const km = typeof v === 'number' ? v : null;
                field.onChange(km);
                if (km && km > 0) setValue('distance', distanceForKm(km), { shouldDirty: true });
              }} />
          )} />
        </Grid.Col>
        <Grid.Col span={4}>
          <Controller control={control} name="priority" render={({ field }) => (
            <div>
              <label style={{ fontSize: 14, fontWeight: 500 }} id="priority-label">Priority</label>
              <SegmentedControl fullWidth aria-labelledby="priority-label" data={[{ value: 'A', label: 'A goal' }, { value: 'B', label: 'B tune-up' }, { value: 'C', label: 'C training' }]} value={field.value ?? 'A'} onChange={field.onChange} />
            </div>
          )} />
        </Grid.Col>
        {priority === 'A' && (
          <>
            <Grid.Col span={6}><TextInput label="Plan start (optional)" type="date" description="When the training plan began" {...register('planStart')} error={err('planStart')} /></Grid.Col>
            <Grid.Col span={6}>
              <Controller control={control} name="taperDays" render={({ field }) => (
                <NumberInput label="Taper length in days (optional)" description="7 to 28, race week included" min={7} max={28} value={field.value ?? ''} onChange={(v) => field.onChange(typeof v === 'number' ? v : null)} error={err('taperDays')} />
              )} />
            </Grid.Col>
          </>
        )}
        <Grid.Col span={4}><TextInput label="Goal time" placeholder="e.g. 3:45:00" {...register('goalTime')} error={err('goalTime')} /></Grid.Col>
        <Grid.Col span={8}><Textarea label="Notes" autosize minRows={1} {...register('notes')} error={err('notes')} /></Grid.Col>
      </Grid>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onDone}>Cancel</Button>
        <Button type="submit" loading={save.isPending}>Save race</Button>
      </Group>
    </form>
  );
}
