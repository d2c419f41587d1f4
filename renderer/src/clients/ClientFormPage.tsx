import { Alert, Button, Checkbox, Grid, Group, Paper, Select, TagsInput, Textarea, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import type { z } from 'zod';
import { clientDateProblems } from '../../../shared/api/ranges';
import { clientInput } from '../../../shared/api/schemas';
import type { Client } from '../../../shared/api/types';
import { useAction, useCall } from '../api';
import { DateField } from '../components/DateField';
import { applyServerErrors, submitOnShortcut, summariseHiddenErrors, useToday, useUnsavedChangesGuard, withDateChecks } from '../components/forms';
import { LoadFailed } from '../components/Loaded';
import { PageTitle } from '../components/PageTitle';
import { fullName } from '../format';

type FormInput = z.input<typeof clientInput>;
type FormOutput = z.output<typeof clientInput>;

const HOTSPOTS = ['Calves', 'Achilles', 'Hamstrings', 'Quads', 'Hip flexors', 'Glutes', 'IT band', 'Plantar fascia', 'Shins', 'Lower back', 'Hips'];

const EMPTY: FormInput = {
  firstName: '', lastName: '', dateOfBirth: '', phone: '', email: '', emergencyContactName: '', emergencyContactPhone: '',
  gp: '', medicalAlerts: '', hotspots: [], usualTherapistId: null, consentTreatment: false, consentData: false, consentDate: '', notes: '',
};
const FIELDS = Object.keys(EMPTY);

/** The form's fields of a stored client: only what the form edits, dates as the form holds them. */
function toForm(c: Client): FormInput {
  const form: Record<string, unknown> = {};
  for (const field of FIELDS) form[field] = c[field as keyof Client];
  return { ...(form as FormInput), dateOfBirth: c.dateOfBirth ?? '', consentDate: c.consentDate ?? '' };
}

/** Create or edit a client's record. */
export function ClientFormPage() {
  const { clientId } = useParams();
  const id = clientId ? Number(clientId) : null;
  const navigate = useNavigate();
  const today = useToday();
  const existing = useCall('clients:get', { id: id ?? 0 }, { enabled: id !== null });
  const therapists = useCall('therapists:list', {});
  const [summary, setSummary] = useState('');

  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: withDateChecks(zodResolver(clientInput), clientDateProblems, today),
    defaultValues: EMPTY,
    mode: 'onTouched',
  });
  const { register, control, handleSubmit, formState, reset, setError } = form;
  useEffect(() => {
    if (existing.data) reset(toForm(existing.data.client));
  }, [existing.data, reset]);

  const onError = (error: unknown) => setSummary(applyServerErrors(error, setError, FIELDS));
  const onSaved = (client: Client) => {
    guard.release();
    void navigate(`/clients/${client.id}`, { replace: id === null });
  };
  const create = useAction('clients:create', { showsOwnErrors: true, onSuccess: onSaved, onError });
  const update = useAction('clients:update', { showsOwnErrors: true, onSuccess: onSaved, onError });
  const guard = useUnsavedChangesGuard(formState.isDirty);
  const submit = handleSubmit((values) => {
    setSummary('');
    if (id === null) create.mutate(values);
    // The version seen when the form opened: main refuses the edit if someone saved in between.
    else if (existing.data) update.mutate({ ...values, id, updatedAt: existing.data.client.updatedAt });
  }, summariseHiddenErrors(FIELDS, setSummary));
  const err = (name: keyof FormInput) => formState.errors[name]?.message;

  if (existing.error) return <LoadFailed what="this client" error={existing.error} retry={() => void existing.refetch()} />;
  const title = id === null ? 'New client' : existing.data ? `Edit ${fullName(existing.data.client)}` : 'Edit client';
  return (
    <form onSubmit={(event) => void submit(event)} onKeyDown={submitOnShortcut(submit)} noValidate aria-label={id === null ? 'New client' : 'Edit client'}>
      {guard.prompt}
      <Group justify="space-between" mb="md">
        <PageTitle>{title}</PageTitle>
        <Group>
          <Button variant="default" component={Link} to={id === null ? '/clients' : `/clients/${id}`}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            Save client
          </Button>
        </Group>
      </Group>
      {summary && (
        <Alert color="red" mb="md" role="alert">
          {summary}
        </Alert>
      )}
      <Paper withBorder p="lg" radius="md">
        <Grid gap="md">
          <Grid.Col span={4}><TextInput label="First name" withAsterisk {...register('firstName')} error={err('firstName')} /></Grid.Col>
          <Grid.Col span={4}><TextInput label="Last name" withAsterisk {...register('lastName')} error={err('lastName')} /></Grid.Col>
          <Grid.Col span={4}>
            <Controller control={control} name="dateOfBirth" render={({ field }) => (
              <DateField label="Date of birth" value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={err('dateOfBirth')}
                defaultLevel="decade" maxDate={today} />
            )} />
          </Grid.Col>
          <Grid.Col span={4}><TextInput label="Phone" type="tel" {...register('phone')} error={err('phone')} /></Grid.Col>
          <Grid.Col span={4}><TextInput label="Email" type="email" {...register('email')} error={err('email')} /></Grid.Col>
          <Grid.Col span={4}>
            <Controller
              control={control}
              name="usualTherapistId"
              render={({ field }) => (
                <Select
                  label="Usual therapist"
                  clearable
                  data={(therapists.data ?? []).filter((t) => t.active || t.id === field.value).map((t) => ({ value: String(t.id), label: t.name }))}
                  value={field.value ? String(field.value) : null}
                  onChange={(v) => field.onChange(v ? Number(v) : null)}
                  error={err('usualTherapistId') ?? (therapists.error ? `Therapists could not be loaded: ${therapists.error.message}` : undefined)}
                />
              )}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <Textarea
              label="Medical alerts and contraindications"
              description="Shown in red wherever this client appears."
              autosize
              minRows={2}
              {...register('medicalAlerts')}
              error={err('medicalAlerts')}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <Controller
              control={control}
              name="hotspots"
              render={({ field }) => (
                <TagsInput label="Known hotspots" description="Type and press Enter, or pick from the list." data={HOTSPOTS} value={field.value ?? []} onChange={field.onChange} clearable />
              )}
            />
          </Grid.Col>
          <Grid.Col span={4}><TextInput label="Emergency contact" {...register('emergencyContactName')} error={err('emergencyContactName')} /></Grid.Col>
          <Grid.Col span={4}><TextInput label="Emergency contact phone" type="tel" {...register('emergencyContactPhone')} error={err('emergencyContactPhone')} /></Grid.Col>
          <Grid.Col span={4}><TextInput label="GP" placeholder="Name and surgery" {...register('gp')} error={err('gp')} /></Grid.Col>
          <Grid.Col span={4}><Checkbox mt="md" label="Consents to treatment" {...register('consentTreatment')} /></Grid.Col>
          <Grid.Col span={4}><Checkbox mt="md" label="Consents to data storage" {...register('consentData')} /></Grid.Col>
          <Grid.Col span={4}>
            <Controller control={control} name="consentDate" render={({ field }) => (
              <DateField label="Consent given on" value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={err('consentDate')} maxDate={today} />
            )} />
          </Grid.Col>
          <Grid.Col span={12}><Textarea label="Notes" autosize minRows={2} {...register('notes')} error={err('notes')} /></Grid.Col>
        </Grid>
      </Paper>
    </form>
  );
}
