import { Alert, Button, Checkbox, Grid, Group, MultiSelect, NumberInput, Paper, Radio, SegmentedControl, Stack, Switch, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { treatmentDateProblems } from '../../../shared/api/ranges';
import { treatmentInput } from '../../../shared/api/schemas';
import type { BodyArea } from '../../../shared/api/types';
import { GIVEN_LABEL, INTENSITY_COLOUR, INTENSITY_LABEL, intensityRank } from '../../../shared/guidance';
import { INTENSITIES } from '../../../shared/vocabulary';
import { useAction, useCall } from '../api';
import { useRoles } from '../access/session';
import { DateField } from '../components/DateField';
import { applyServerErrors, submitOnShortcut, summariseHiddenErrors, useToday, useUnsavedChangesGuard, withDateChecks } from '../components/forms';
import { LoadFailed } from '../components/Loaded';
import { PageTitle } from '../components/PageTitle';
import { GuidanceBanner } from '../components/GuidanceBanner';
import { MedicalAlerts } from '../components/MedicalAlerts';
import { formatDate, fullName } from '../format';

type FormInput = z.input<typeof treatmentInput>;
type FormOutput = z.output<typeof treatmentInput>;

const REGIONS = ['Calves', 'Achilles', 'Hamstrings', 'Quads', 'Hip flexors', 'Glutes', 'IT band', 'Adductors', 'Shins', 'Feet', 'Lower back', 'Upper back', 'Shoulders', 'Neck'];
const TECHNIQUES = ['Effleurage', 'Petrissage', 'Frictions', 'Trigger point', 'Myofascial release', 'Muscle energy technique', 'Soft tissue release', 'Stretching', 'Cupping'];
const FIELDS = ['clientId', 'therapistId', 'authorOnly', 'date', 'sore', 'intensity', 'overrideReason', 'areas', 'techniques', 'subjective', 'objective', 'assessment', 'plan', 'painBefore', 'painAfter', 'advice', 'nextBooking'];

/** Logging a treatment: the guidance for the chosen date and therapist comes first, then the notes. */
export function TreatmentFormPage() {
  const clientId = Number(useParams().clientId);
  const navigate = useNavigate();
  // Opened from an appointment (#/…/treatments/new?appointment=ID&date=…&therapist=ID): saving completes it.
  const [params] = useSearchParams();
  const fromAppointment = Number(params.get('appointment')) || null;
  const appointmentDate = params.get('date');
  // A note is always the signed-in therapist's (main refuses any other).
  const { user } = useRoles();
  const today = useToday();
  const detail = useCall('clients:get', { id: clientId });
  const [summary, setSummary] = useState('');

  const { register, control, handleSubmit, formState, setError, clearErrors, watch, reset } = useForm<FormInput, unknown, FormOutput>({
    resolver: withDateChecks(zodResolver(treatmentInput), treatmentDateProblems, today),
    defaultValues: { clientId, appointmentId: fromAppointment, therapistId: (user.therapistId ?? undefined) as number, authorOnly: false, date: '', sore: false, overrideReason: '', areas: [], techniques: [], subjective: '', objective: '', assessment: '', plan: '', painBefore: null, painAfter: null, advice: '', nextBooking: '' },
  });
  // Defaults that depend on loaded data: today's date (or the appointment's).
  useEffect(() => {
    if (detail.data && !formState.isDirty) reset((v) => ({ ...v, date: appointmentDate ?? detail.data.today }), { keepDirty: false });
  }, [detail.data, reset, formState.isDirty, appointmentDate]);

  const [date, therapistId, sore, intensity] = watch(['date', 'therapistId', 'sore', 'intensity']);
  const guidance = useCall(
    'guidance:forClient',
    { clientId, date, therapistId: therapistId || null, sore: sore ?? false },
    { enabled: /^\d{4}-\d{2}-\d{2}$/.test(date ?? ''), placeholderData: keepPreviousData },
  );
  const ceiling = guidance.data?.ceiling;
  const aboveCeiling = !!(intensity && ceiling && intensityRank(intensity) > intensityRank(ceiling));

  const save = useAction('treatments:log', {
    showsOwnErrors: true,
    onSuccess: () => {
      guard.release();
      void navigate(`/clients/${clientId}`);
    },
    onError: (error) => setSummary(applyServerErrors(error, setError, FIELDS)),
  });
  const guard = useUnsavedChangesGuard(formState.isDirty);
  const submit = handleSubmit((values) => {
    setSummary('');
    if (aboveCeiling && !values.overrideReason?.trim()) {
      setError('overrideReason', { type: 'required', message: `${GIVEN_LABEL[values.intensity]} is above the guidance (${INTENSITY_LABEL[ceiling]}). Give a reason to go above it.` });
      return;
    }
    save.mutate(values);
  }, summariseHiddenErrors(FIELDS.filter((f) => f !== 'clientId'), setSummary));
  useEffect(() => {
    if (!aboveCeiling) clearErrors('overrideReason');
  }, [aboveCeiling, clearErrors]);

  if (!user.roles.includes('therapist') || user.therapistId === null) {
    return (
      <Alert color="yellow" title="Treatments are logged by therapists" role="alert">
        {user.name} is not signed in as a therapist with a diary column, so cannot write notes. An administrator can link a therapist under Settings → People.
      </Alert>
    );
  }
  if (detail.error) return <LoadFailed what="this client" error={detail.error} retry={() => void detail.refetch()} />;
  if (!detail.data) return <Text c="dimmed">Loading…</Text>;
  const client = detail.data.client;
  const err = (name: string) => (formState.errors as Record<string, { message?: string } | undefined>)[name]?.message;
  const therapistName = user.therapistName ?? user.name;

  return (
    <form onSubmit={(event) => void submit(event)} onKeyDown={submitOnShortcut(submit)} noValidate aria-label="Log treatment">
      {guard.prompt}
      <Group justify="space-between" mb="md">
        <PageTitle>Log treatment · {fullName(client)}</PageTitle>
        <Group>
          <Button variant="default" component={Link} to={`/clients/${clientId}`}>Cancel</Button>
          <Button type="submit" loading={save.isPending}>Save treatment</Button>
        </Group>
      </Group>
      <Stack>
        <MedicalAlerts text={client.medicalAlerts} />
        {fromAppointment && <Text size="sm" data-testid="from-appointment">From the diary: saving this treatment marks the appointment completed.</Text>}
        <Paper withBorder p="md" radius="md">
          <Group align="end">
            <Controller control={control} name="date" render={({ field }) => (
              <DateField label="Date" withAsterisk value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={err('date')} clearable={false} w={170} />
            )} />
            {/* A note is always logged as whoever is signed in. */}
            <TextInput label="Therapist" readOnly value={`${therapistName} (signed in)`} w={240} error={err('therapistId')} />
            <Controller control={control} name="sore" render={({ field }) => (
              <Switch mb={8} label="Sore or tender to the touch today" checked={!!field.value} onChange={(e) => field.onChange(e.currentTarget.checked)} />
            )} />
          </Group>
        </Paper>
        {guidance.error && <LoadFailed what="the guidance for this date" error={guidance.error} retry={() => void guidance.refetch()} />}
        {guidance.data && (
          <GuidanceBanner guidance={guidance.data} date={date} title={`Guidance for ${formatDate(date)}${therapistName ? ` with ${therapistName}` : ''}`} />
        )}
        <Paper withBorder p="md" radius="md">
          <Controller control={control} name="intensity" render={({ field }) => (
            <Radio.Group label="Intensity given" withAsterisk value={field.value ?? ''} onChange={(v) => field.onChange(v)} error={err('intensity')}
              description={ceiling ? `Guidance for this date: up to ${INTENSITY_LABEL[ceiling]}.` : undefined}>
              <Group mt="xs">
                {INTENSITIES.map((level) => {
                  const above = !!ceiling && intensityRank(level) > intensityRank(ceiling);
                  return (
                    <Radio.Card key={level} value={level} p="sm" radius="md" w={170} data-above={above || undefined}
                      style={{ borderColor: field.value === level ? INTENSITY_COLOUR[level].hex : undefined, borderWidth: field.value === level ? 2 : 1, borderStyle: above && field.value !== level ? 'dashed' : 'solid' }}>
                      <Group wrap="nowrap" gap="xs">
                        <Radio.Indicator />
                        <div>
                          <Text size="sm" fw={600}>{GIVEN_LABEL[level]}</Text>
                          {above && <Text size="xs" c="red.8">Above guidance</Text>}
                        </div>
                      </Group>
                    </Radio.Card>
                  );
                })}
              </Group>
            </Radio.Group>
          )} />
          {aboveCeiling && (
            <Textarea mt="md" label="Reason for going above the guidance" withAsterisk autosize minRows={2}
              description="Stored with the treatment notes." {...register('overrideReason')} error={err('overrideReason')} />
          )}
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Grid>
            <Grid.Col span={12}>
              <Controller control={control} name="areas" render={({ field }) => <AreasPicker value={field.value ?? []} onChange={field.onChange} />} />
            </Grid.Col>
            <Grid.Col span={12}>
              <Controller control={control} name="techniques" render={({ field }) => (
                <TagsInput label="Techniques" data={TECHNIQUES} value={field.value ?? []} onChange={field.onChange} clearable />
              )} />
            </Grid.Col>
            <Grid.Col span={6}><Textarea label="Subjective" description="What the client reports" autosize minRows={2} {...register('subjective')} error={err('subjective')} /></Grid.Col>
            <Grid.Col span={6}><Textarea label="Objective" description="What you found" autosize minRows={2} {...register('objective')} error={err('objective')} /></Grid.Col>
            <Grid.Col span={6}><Textarea label="Assessment" autosize minRows={2} {...register('assessment')} error={err('assessment')} /></Grid.Col>
            <Grid.Col span={6}><Textarea label="Plan" autosize minRows={2} {...register('plan')} error={err('plan')} /></Grid.Col>
            <Grid.Col span={3}>
              <Controller control={control} name="painBefore" render={({ field }) => (
                <NumberInput label="Pain before (0-10)" clampBehavior="none" allowDecimal={false} value={field.value ?? ''} onChange={(v) => field.onChange(typeof v === 'number' ? v : null)} error={err('painBefore')} />
              )} />
            </Grid.Col>
            <Grid.Col span={3}>
              <Controller control={control} name="painAfter" render={({ field }) => (
                <NumberInput label="Pain after (0-10)" clampBehavior="none" allowDecimal={false} value={field.value ?? ''} onChange={(v) => field.onChange(typeof v === 'number' ? v : null)} error={err('painAfter')} />
              )} />
            </Grid.Col>
            <Grid.Col span={6}>
              <Controller control={control} name="nextBooking" render={({ field }) => (
                <DateField label="Next recommended booking" value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={err('nextBooking')}
                  description={guidance.data?.due?.message} />
              )} />
            </Grid.Col>
            <Grid.Col span={12}><Textarea label="Advice given" autosize minRows={2} {...register('advice')} error={err('advice')} /></Grid.Col>
            <Grid.Col span={12}>
              <Controller control={control} name="authorOnly" render={({ field }) => (
                <Checkbox label="Only I can read this note (author only)" description="Other therapists see that a treatment was given, not its notes."
                  checked={!!field.value} onChange={(e) => field.onChange(e.currentTarget.checked)} />
              )} />
            </Grid.Col>
          </Grid>
        </Paper>
        {summary && <Alert color="red" role="alert">{summary}</Alert>}
        <Group justify="flex-end">
          <Text size="xs" c="dimmed">Ctrl+Enter saves</Text>
          <Button type="submit" loading={save.isPending}>Save treatment</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Body regions treated, each with its side. */
function AreasPicker({ value, onChange }: { value: BodyArea[]; onChange: (areas: BodyArea[]) => void }) {
  const regions = value.map((a) => a.region);
  return (
    <Stack gap="xs">
      <MultiSelect label="Areas treated" data={REGIONS} value={regions} searchable
        onChange={(next) => onChange(next.map((region) => value.find((a) => a.region === region) ?? { region, side: 'both' }))} />
      {value.map((area) => (
        <Group key={area.region} gap="sm">
          <Text size="sm" w={120}>{area.region}</Text>
          <SegmentedControl size="xs" aria-label={`Side for ${area.region}`} value={area.side}
            data={[{ value: 'left', label: 'Left' }, { value: 'right', label: 'Right' }, { value: 'both', label: 'Both' }, { value: 'n/a', label: 'n/a' }]}
            onChange={(side) => onChange(value.map((a) => (a.region === area.region ? { ...a, side: side } : a)))} />
        </Group>
      ))}
    </Stack>
  );
}
