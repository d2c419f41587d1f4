import { Alert, Button, Grid, Group, NumberInput, Select, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { planSessionInput } from '../../../shared/api/schemas';
import type { PlanSession } from '../../../shared/api/types';
import { SESSION_KINDS } from '../../../shared/vocabulary';
import { useAction } from '../api';
import { DateField } from '../components/DateField';
import { applyServerErrors, submitOnShortcut, summariseHiddenErrors } from '../components/forms';

type FormInput = z.input<typeof planSessionInput>;
type FormOutput = z.output<typeof planSessionInput>;
const FIELDS = ['date', 'distance', 'unit', 'durationMin', 'kind', 'title'];

/** One plan session typed by hand: a date and a distance (in the plan's own unit) or minutes. */
export function PlanSessionForm({ raceId, session, onDone }: { raceId: number; session: PlanSession | null; onDone: () => void }) {
  const [summary, setSummary] = useState('');
  const { register, control, handleSubmit, formState, setError } = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(planSessionInput),
    defaultValues: session
      ? { raceId, date: session.date, distance: session.distance, unit: session.unit, durationMin: session.durationMin, kind: session.kind, title: session.title }
      : { raceId, date: '', distance: null, unit: 'km', durationMin: null, kind: 'easy', title: '' },
  });
  const onError = (error: unknown) => setSummary(applyServerErrors(error, setError, FIELDS));
  const add = useAction('plans:addSession', { showsOwnErrors: true, onSuccess: onDone, onError });
  const update = useAction('plans:updateSession', { showsOwnErrors: true, onSuccess: onDone, onError });
  const submit = handleSubmit(({ raceId: _raceId, ...values }) => {
    setSummary('');
    if (session) update.mutate({ id: session.id, ...values });
    else add.mutate({ raceId, ...values });
  }, summariseHiddenErrors([...FIELDS, 'raceId'], setSummary));
  const err = (name: keyof FormInput) => formState.errors[name]?.message;
  const number = (v: string | number) => (typeof v === 'number' ? v : null);
  return (
    <form onSubmit={(e) => void submit(e)} onKeyDown={submitOnShortcut(submit)} noValidate aria-label="Plan session">
      {summary && <Alert color="red" mb="sm" role="alert">{summary}</Alert>}
      <Grid>
        <Grid.Col span={6}>
          <Controller control={control} name="date" render={({ field }) => (
            <DateField label="Date" withAsterisk value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={err('date')} clearable={false} />
          )} />
        </Grid.Col>
        <Grid.Col span={6}>
          <Controller control={control} name="kind" render={({ field }) => (
            <Select label="Kind" data={SESSION_KINDS.map((k) => ({ value: k, label: k }))} value={field.value ?? null} onChange={field.onChange} clearable />
          )} />
        </Grid.Col>
        <Grid.Col span={12}><TextInput label="Title" placeholder="e.g. Long run" {...register('title')} error={err('title')} /></Grid.Col>
        <Grid.Col span={4}>
          <Controller control={control} name="distance" render={({ field }) => (
            <NumberInput label="Distance" clampBehavior="none" value={field.value ?? ''} onChange={(v) => field.onChange(number(v))} error={err('distance')} />
          )} />
        </Grid.Col>
        <Grid.Col span={4}>
          <Controller control={control} name="unit" render={({ field }) => (
            <Select label="Unit" data={[{ value: 'km', label: 'km' }, { value: 'mi', label: 'miles' }]} value={field.value ?? 'km'} onChange={(v) => v && field.onChange(v)} allowDeselect={false} />
          )} />
        </Grid.Col>
        <Grid.Col span={4}>
          <Controller control={control} name="durationMin" render={({ field }) => (
            <NumberInput label="Minutes" clampBehavior="none" allowDecimal={false} value={field.value ?? ''} onChange={(v) => field.onChange(number(v))} error={err('durationMin')} />
          )} />
        </Grid.Col>
      </Grid>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onDone}>Cancel</Button>
        <Button type="submit" loading={add.isPending || update.isPending}>Save session</Button>
      </Group>
    </form>
  );
}
