import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Therapist } from '../../../shared/api/types';
import { fettle, unwrap } from '../api';

/** Therapists: add, rename, deactivate (never delete: their treatments stay theirs). */
export function SettingsPage() {
  const queryClient = useQueryClient();
  const therapists = useQuery({ queryKey: ['therapists:list'], queryFn: () => unwrap(fettle().therapists.list({})) });
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const refresh = () => queryClient.invalidateQueries();
  const add = useMutation({
    mutationFn: (n: string) => unwrap(fettle().therapists.create({ name: n })),
    onSuccess: () => { setName(''); setError(''); void refresh(); },
    onError: (e) => setError(e.message),
  });
  return (
    <Stack>
      <Title order={2}>Settings</Title>
      <Paper withBorder p="lg" radius="md">
        <Title order={4} mb="sm">Therapists</Title>
        <form onSubmit={(e) => { e.preventDefault(); add.mutate(name); }} aria-label="Add therapist">
          <Group align="start" mb="md">
            <TextInput label="New therapist" placeholder="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={error || undefined} w={280} />
            <Button type="submit" mt={25} loading={add.isPending}>Add therapist</Button>
          </Group>
        </form>
        <Table>
          <Table.Thead><Table.Tr><Table.Th>Name</Table.Th><Table.Th>Status</Table.Th><Table.Th /></Table.Tr></Table.Thead>
          <Table.Tbody>
            {(therapists.data ?? []).map((t) => <TherapistRow key={t.id} therapist={t} onChanged={refresh} />)}
          </Table.Tbody>
        </Table>
        {therapists.data?.length === 0 && <Text c="dimmed" mt="sm">No therapists yet.</Text>}
      </Paper>
    </Stack>
  );
}

function TherapistRow({ therapist, onChanged }: { therapist: Therapist; onChanged: () => unknown }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(therapist.name);
  const [error, setError] = useState('');
  const update = useMutation({
    mutationFn: (changes: { name?: string; active?: boolean }) => unwrap(fettle().therapists.update({ id: therapist.id, ...changes })),
    onSuccess: () => { setEditing(false); setError(''); void onChanged(); },
    onError: (e) => setError(e.message),
  });
  return (
    <Table.Tr>
      <Table.Td>
        {editing ? (
          <form onSubmit={(e) => { e.preventDefault(); update.mutate({ name }); }}>
            <Group gap="xs">
              <TextInput size="xs" value={name} onChange={(e) => setName(e.currentTarget.value)} aria-label={`New name for ${therapist.name}`} autoFocus error={error || undefined}
                onKeyDown={(e) => e.key === 'Escape' && setEditing(false)} />
              <Button size="xs" type="submit">Save</Button>
            </Group>
          </form>
        ) : (
          therapist.name
        )}
        {!editing && error && <Alert color="red" p={4} mt={4}>{error}</Alert>}
      </Table.Td>
      <Table.Td>{therapist.active ? <Badge color="teal" variant="light">Active</Badge> : <Badge color="gray" variant="light">Inactive</Badge>}</Table.Td>
      <Table.Td>
        <Group gap="xs" justify="flex-end">
          {!editing && <Button size="xs" variant="default" onClick={() => setEditing(true)}>Rename</Button>}
          <Button size="xs" variant="subtle" color={therapist.active ? 'red' : 'teal'} onClick={() => update.mutate({ active: !therapist.active })}>
            {therapist.active ? 'Deactivate' : 'Reactivate'}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
