import { Alert, Button, Checkbox, Grid, Group, Paper, Select, TagsInput, Textarea, TextInput, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import type { z } from 'zod';
import { clientInput } from '../../../shared/api/schemas';
import type { Client } from '../../../shared/api/types';
import { fettle, unwrap } from '../api';
import { applyServerErrors, submitOnShortcut, useUnsavedChangesGuard } from '../components/forms';
import { fullName } from '../format';

type FormInput = z.input<typeof clientInput>;
type FormOutput = z.output<typeof clientInput>;

const HOTSPOTS = ['Calves', 'Achilles', 'Hamstrings', 'Quads', 'Hip flexors', 'Glutes', 'IT band', 'Plantar fascia', 'Shins', 'Lower back', 'Hips'];

const EMPTY: FormInput = {
  firstName: '', lastName: '', dateOfBirth: '', phone: '', email: '', emergencyContactName: '', emergencyContactPhone: '',
  gp: '', medicalAlerts: '', hotspots: [], usualTherapistId: null, consentTreatment: false, consentData: false, consentDate: '', notes: '',
};

function toForm(c: Client): FormInput {
  const { id: _id, archived: _archived, ...fields } = c;
  return { ...fields, dateOfBirth: c.dateOfBirth ?? '', consentDate: c.consentDate ?? '' };
}

/** Create or edit a client's record. */
export function ClientFormPage() {
  const { clientId } = useParams();
  const id = clientId ? Number(clientId) : null;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const existing = useQuery({ queryKey: ['clients:get', id], queryFn: () => unwrap(fettle().clients.get({ id: id! })), enabled: id !== null });
  const therapists = useQuery({ queryKey: ['therapists:list'], queryFn: () => unwrap(fettle().therapists.list({})) });
  const [summary, setSummary] = useState('');

  const form = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(clientInput), defaultValues: EMPTY, mode: 'onTouched' });
  const { register, control, handleSubmit, formState, reset, setError } = form;
  useEffect(() => {
    if (existing.data) reset(toForm(existing.data.client));
  }, [existing.data, reset]);

  const save = useMutation({
    mutationFn: (values: FormOutput) => unwrap(id === null ? fettle().clients.create(values) : fettle().clients.update({ ...values, id })),
    onSuccess: async (client) => {
      guard.release();
      await queryClient.invalidateQueries();
      void navigate(`/clients/${client.id}`, { replace: id === null });
    },
    onError: (error) => setSummary(applyServerErrors(error, setError, Object.keys(EMPTY))),
  });
  const guard = useUnsavedChangesGuard(formState.isDirty);
  const submit = handleSubmit((values) => {
    setSummary('');
    save.mutate(values);
  });
  const err = (name: keyof FormInput) => formState.errors[name]?.message as string | undefined;

  return (
    <form onSubmit={submit} onKeyDown={submitOnShortcut(submit)} noValidate aria-label={id === null ? 'New client' : 'Edit client'}>
      {guard.prompt}
      <Group justify="space-between" mb="md">
        <Title order={2}>{id === null ? 'New client' : existing.data ? `Edit ${fullName(existing.data.client)}` : 'Edit client'}</Title>
        <Group>
          <Button variant="default" component={Link} to={id === null ? '/clients' : `/clients/${id}`}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
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
          <Grid.Col span={4}><TextInput label="Date of birth" type="date" {...register('dateOfBirth')} error={err('dateOfBirth')} /></Grid.Col>
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
                  error={err('usualTherapistId')}
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
          <Grid.Col span={4}><TextInput label="Consent given on" type="date" {...register('consentDate')} error={err('consentDate')} /></Grid.Col>
          <Grid.Col span={12}><Textarea label="Notes" autosize minRows={2} {...register('notes')} error={err('notes')} /></Grid.Col>
        </Grid>
      </Paper>
    </form>
  );
}
