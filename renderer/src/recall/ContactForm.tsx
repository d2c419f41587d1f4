import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { FieldProblems } from '../../../shared/api/ranges';
import { recallContact } from '../../../shared/api/schemas';
import type { RecallEntry } from '../../../shared/api/types';
import { useAction } from '../api';
import { useSignedIn } from '../access/session';
import { DateField } from '../components/DateField';
import { applyServerErrors, submitOnShortcut, summariseHiddenErrors, useToday, withDateChecks } from '../components/forms';
import { formatDate } from '../format';

type FormInput = z.input<typeof recallContact>;
type FormOutput = z.output<typeof recallContact>;

const FIELDS = ['clientId', 'date', 'note'];

/** A call made today or before: one in the future has not happened yet. */
const notAhead = (values: FormOutput, today: string): FieldProblems =>
  values.date && values.date > today ? { date: `Date: a contact cannot be after today (${formatDate(today)}).` } : {};

export function ContactModal({ entry, onClose }: { entry: RecallEntry | null; onClose: () => void }) {
  return (
    <Modal opened={entry !== null} onClose={onClose} title={entry ? `Contacted ${entry.clientName}` : 'Contacted'} centered>
      {entry && <ContactForm entry={entry} onDone={onClose} />}
    </Modal>
  );
}

function ContactForm({ entry, onDone }: { entry: RecallEntry; onDone: () => void }) {
  const today = useToday();
  const signedIn = useSignedIn();
  const [summary, setSummary] = useState('');
  const { control, register, handleSubmit, setError, formState } = useForm<FormInput, unknown, FormOutput>({
    resolver: withDateChecks(zodResolver(recallContact), notAhead, today),
    defaultValues: { clientId: entry.clientId, date: today ?? null, note: '' },
  });
  const save = useAction('recall:contact', {
    showsOwnErrors: true,
    onSuccess: onDone,
    onError: (error) => setSummary(applyServerErrors(error, setError, FIELDS)),
  });
  const submit = handleSubmit((values) => {
    setSummary('');
    save.mutate(values);
  }, summariseHiddenErrors(FIELDS, setSummary));
  const err = (name: keyof FormInput) => formState.errors[name]?.message;
  return (
    <form onSubmit={(e) => void submit(e)} onKeyDown={submitOnShortcut(() => void submit())} noValidate aria-label="Record a contact">
      <Stack gap="sm">
        <Controller control={control} name="date" render={({ field }) => (
          <DateField label="Date" withAsterisk value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={err('date')} clearable={false} w={170} />
        )} />
        <Textarea label="Note" description="e.g. Left a voicemail; will call back Thursday" autosize minRows={2} data-autofocus {...register('note')} error={err('note')} />
        <Text size="xs" c="dimmed">Stored with your name, {signedIn.name}.</Text>
        {summary && <Alert color="red" role="alert">{summary}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={save.isPending}>Save contact</Button>
        </Group>
      </Stack>
    </form>
  );
}
