import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { Therapist } from '../../../shared/api/types';
import { useAction, useCall } from '../api';
import { PeopleSection } from '../access/PeopleSection';
import { useRoles } from '../access/session';
import { BackupsSection } from '../backups/BackupsSection';
import { DiarySettings } from './DiarySettings';
import { ExportSection } from '../exports/ExportSection';
import { Loaded } from '../components/Loaded';
import { PageTitle } from '../components/PageTitle';

/** Therapists: add, rename, deactivate (never delete: their treatments stay theirs). */
export function SettingsPage() {
  const { isAdmin } = useRoles();
  if (!isAdmin) return <Alert color="yellow" role="alert" title="For administrators">Settings are managed by the clinic's administrators.</Alert>;
  return <ClinicSettings />;
}

function ClinicSettings() {
  const therapists = useCall('therapists:list', {});
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const add = useAction('therapists:create', {
    showsOwnErrors: true,
    onSuccess: () => { setName(''); setError(''); },
    onError: (e) => setError(e.message),
  });
  return (
    <Stack>
      <PageTitle>Settings</PageTitle>
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="therapists-title">
        <Title order={2} size="h4" mb="sm" id="therapists-title">Therapists</Title>
        <form onSubmit={(e) => { e.preventDefault(); add.mutate({ name }); }} aria-label="Add therapist">
          <Group align="start" mb="md">
            <TextInput label="New therapist" placeholder="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={error || undefined} w={280} />
            <Button type="submit" mt={25} loading={add.isPending}>Add therapist</Button>
          </Group>
        </form>
        <Loaded query={therapists} what="therapists">
          {(list) =>
            list.length === 0 ? (
              <Text c="dimmed" mt="sm">No therapists yet. Add the first above.</Text>
            ) : (
              <Table>
                <Table.Thead><Table.Tr><Table.Th>Name</Table.Th><Table.Th>Status</Table.Th><Table.Th><span className="visually-hidden">Actions</span></Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>
                  {list.map((t) => <TherapistRow key={t.id} therapist={t} />)}
                </Table.Tbody>
              </Table>
            )
          }
        </Loaded>
      </Paper>
      <PeopleSection />
      <DiarySettings />
      <BackupsSection />
      <ExportSection />
    </Stack>
  );
}

function TherapistRow({ therapist }: { therapist: Therapist }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(therapist.name);
  const [error, setError] = useState('');
  const rename = useAction('therapists:update', {
    showsOwnErrors: true,
    onSuccess: () => { setEditing(false); setError(''); },
    onError: (e) => setError(e.message),
  });
  const setActive = useAction('therapists:update');
  return (
    <Table.Tr>
      <Table.Td>
        {editing ? (
          <form onSubmit={(e) => { e.preventDefault(); rename.mutate({ id: therapist.id, name }); }} aria-label={`Rename ${therapist.name}`}>
            <Group gap="xs" align="start">
              <TextInput size="xs" value={name} onChange={(e) => setName(e.currentTarget.value)} aria-label={`New name for ${therapist.name}`} autoFocus error={error || undefined}
                onKeyDown={(e) => e.key === 'Escape' && setEditing(false)} />
              <Button size="xs" type="submit" loading={rename.isPending}>Save</Button>
              <Button size="xs" variant="default" onClick={() => { setEditing(false); setName(therapist.name); setError(''); }}>Cancel</Button>
            </Group>
          </form>
        ) : (
          therapist.name
        )}
      </Table.Td>
      <Table.Td>{therapist.active ? <Badge color="teal" variant="light">Active</Badge> : <Badge color="gray" variant="light">Inactive</Badge>}</Table.Td>
      <Table.Td>
        <Group gap="xs" justify="flex-end">
          {!editing && <Button size="xs" variant="default" onClick={() => setEditing(true)} aria-label={`Rename ${therapist.name}`}>Rename</Button>}
          <Button size="xs" variant="subtle" color={therapist.active ? 'red' : 'teal'} loading={setActive.isPending}
            onClick={() => setActive.mutate({ id: therapist.id, active: !therapist.active })} aria-label={`${therapist.active ? 'Deactivate' : 'Reactivate'} ${therapist.name}`}>
            {therapist.active ? 'Deactivate' : 'Reactivate'}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
