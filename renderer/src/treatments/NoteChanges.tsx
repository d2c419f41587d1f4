import { Alert, Button, Checkbox, Group, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Treatment } from '../../../shared/api/types';
import { useRoles } from '../access/session';
import { useAction, type ApiError } from '../api';
import { formatDate } from '../format';

const when = (localDateTime: string) => `${formatDate(localDateTime.slice(0, 10))} ${localDateTime.slice(11, 16)}`;

/** Dated amendments, oldest first, under the note that stays as written. */
export function Amendments({ treatment }: { treatment: Treatment }) {
  if (treatment.amendments.length === 0) return null;
  return (
    <Stack gap="xs" aria-label="Amendments" role="list">
      <Title order={3} size="h5">Amendments</Title>
      {treatment.amendments.map((a) => (
        <Paper key={a.id} withBorder p="sm" radius="sm" role="listitem" bg="yellow.0">
          <Text size="xs" c="dimmed">{when(a.at)} · {a.authorName} · Reason: {a.reason}</Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{a.text}</Text>
        </Paper>
      ))}
    </Stack>
  );
}

/**
 * What may change: its author edits the note until the end of the day after it was logged; after
 * that any therapist adds a dated amendment, and the note stays as it was.
 */
export function NoteChanges({ treatment: t }: { treatment: Treatment }) {
  const { user } = useRoles();
  const [mode, setMode] = useState<'none' | 'edit' | 'amend'>('none');
  const mine = t.authorUserId === user.id;
  if (mode === 'edit') return <EditNote treatment={t} onDone={() => setMode('none')} />;
  if (mode === 'amend') return <AmendNote treatment={t} onDone={() => setMode('none')} />;
  return (
    <Group justify="space-between">
      <Text size="xs" c="dimmed">
        {t.locked ? 'Locked: changes are added as dated amendments.' : `Open for ${mine ? 'your' : 'its author’s'} corrections until ${t.editableUntil ? when(t.editableUntil) : ''}.`}
      </Text>
      {t.locked ? (
        <Button size="xs" variant="default" onClick={() => setMode('amend')}>Add amendment</Button>
      ) : mine ? (
        <Button size="xs" variant="default" onClick={() => setMode('edit')}>Edit note</Button>
      ) : null}
    </Group>
  );
}

function EditNote({ treatment: t, onDone }: { treatment: Treatment; onDone: () => void }) {
  const [note, setNote] = useState({ subjective: t.subjective, objective: t.objective, assessment: t.assessment, plan: t.plan, advice: t.advice, authorOnly: t.authorOnly });
  const edit = useAction('treatments:edit', {
    showsOwnErrors: true,
    onSuccess: () => { notifications.show({ color: 'teal', title: 'Note saved', message: `Treatment on ${formatDate(t.date)}` }); onDone(); },
  });
  const fields = edit.error?.fields ?? {};
  const text = (key: 'subjective' | 'objective' | 'assessment' | 'plan' | 'advice', label: string) => (
    <Textarea label={label} autosize minRows={2} value={note[key]} error={fields[key]} onChange={(e) => { const value = e.currentTarget.value; setNote((n) => ({ ...n, [key]: value })); }} />
  );
  return (
    <form aria-label="Edit note" noValidate onSubmit={(e) => { e.preventDefault(); edit.mutate({ id: t.id, ...note }); }}>
      <Stack gap="xs">
        {text('subjective', 'Subjective')}{text('objective', 'Objective')}{text('assessment', 'Assessment')}{text('plan', 'Plan')}{text('advice', 'Advice given')}
        <Checkbox label="Only I can read this note (author only)" checked={note.authorOnly} onChange={(e) => { const checked = e.currentTarget.checked; setNote((n) => ({ ...n, authorOnly: checked })); }} />
        <FormEnd error={edit.error} pending={edit.isPending} submit="Save note" onCancel={onDone} />
      </Stack>
    </form>
  );
}

function AmendNote({ treatment: t, onDone }: { treatment: Treatment; onDone: () => void }) {
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const amend = useAction('treatments:amend', {
    showsOwnErrors: true,
    onSuccess: () => { notifications.show({ color: 'teal', title: 'Amendment added', message: `Treatment on ${formatDate(t.date)}` }); onDone(); },
  });
  const fields = amend.error?.fields ?? {};
  return (
    <form aria-label="Add amendment" noValidate onSubmit={(e) => { e.preventDefault(); amend.mutate({ id: t.id, text, reason }); }}>
      <Stack gap="xs">
        <Textarea label="Amendment" withAsterisk autosize minRows={2} autoFocus value={text} onChange={(e) => setText(e.currentTarget.value)} error={fields.text} />
        <TextInput label="Reason for the amendment" withAsterisk value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={fields.reason} />
        <FormEnd error={amend.error} pending={amend.isPending} submit="Add amendment" onCancel={onDone} />
      </Stack>
    </form>
  );
}

/** A refusal not tied to a field, then Cancel and the submit button. */
function FormEnd({ error, pending, submit, onCancel }: { error: ApiError | null; pending: boolean; submit: string; onCancel: () => void }) {
  return (
    <>
      {error && Object.keys(error.fields).length === 0 && <Alert color="red" role="alert">{error.message}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>Cancel</Button>
        <Button type="submit" loading={pending}>{submit}</Button>
      </Group>
    </>
  );
}
