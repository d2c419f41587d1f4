import { Alert, Badge, Button, Checkbox, Group, Modal, NumberInput, Paper, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { SecretKind, UserAccount } from '../../../shared/api/types';
import { ROLES, type Role } from '../../../shared/vocabulary';
import { useAction, useCall } from '../api';
import { Loaded } from '../components/Loaded';
import { SecretField } from './SecretField';
import { ROLE_LABELS, useSignedIn } from './session';

/** Who can sign in, with which roles; a therapist is linked to their diary column. */
export function PeopleSection() {
  const people = useCall('users:list', {});
  const [editing, setEditing] = useState<UserAccount | 'new' | null>(null);
  const [resetting, setResetting] = useState<UserAccount | null>(null);
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="people-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="people-title">People who sign in</Title>
        <Button onClick={() => setEditing('new')}>Add person</Button>
      </Group>
      <Loaded query={people} what="the people who sign in">
        {(list) => (
          <Table aria-label="People who sign in">
            <Table.Thead><Table.Tr><Table.Th>Name</Table.Th><Table.Th>Roles</Table.Th><Table.Th>Diary column</Table.Th><Table.Th>Signs in with</Table.Th><Table.Th><span className="visually-hidden">Actions</span></Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {list.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{p.name} {!p.active && <Badge color="gray" size="sm">Cannot sign in</Badge>}</Table.Td>
                  <Table.Td>{p.roles.map((r) => ROLE_LABELS[r]).join(', ')}</Table.Td>
                  <Table.Td>{p.therapistName ?? '—'}</Table.Td>
                  <Table.Td>{p.secretKind === 'pin' ? 'PIN' : 'Password'}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end">
                      <Button size="xs" variant="default" onClick={() => setEditing(p)} aria-label={`Edit ${p.name}`}>Edit</Button>
                      <Button size="xs" variant="default" onClick={() => setResetting(p)} aria-label={`New password or PIN for ${p.name}`}>New password or PIN</Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Loaded>
      <IdleSetting />
      {editing && <PersonForm person={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {resetting && <ResetSecret person={resetting} onClose={() => setResetting(null)} />}
    </Paper>
  );
}

function PersonForm({ person, onClose }: { person: UserAccount | null; onClose: () => void }) {
  const me = useSignedIn();
  const therapists = useCall('therapists:list', {});
  const [name, setName] = useState(person?.name ?? '');
  const [roles, setRoles] = useState<Role[]>(person?.roles ?? ['therapist']);
  const [therapistId, setTherapistId] = useState<number | null>(person?.therapistId ?? null);
  const [active, setActive] = useState(person?.active ?? true);
  const [secretKind, setSecretKind] = useState<SecretKind>('pin');
  const [secret, setSecret] = useState('');
  const done = (what: string) => () => { notifications.show({ color: 'teal', title: what, message: name }); onClose(); };
  const create = useAction('users:create', { showsOwnErrors: true, onSuccess: done('Person added') });
  const update = useAction('users:update', { showsOwnErrors: true, onSuccess: done('Person saved') });
  const error = create.error ?? update.error;
  const fields = error?.fields ?? {};
  const submit = () => {
    const linked = roles.includes('therapist') ? therapistId : null;
    if (person) update.mutate({ id: person.id, name, roles, therapistId: linked, active });
    else create.mutate({ name, roles, therapistId: linked, secretKind, secret });
  };
  return (
    <Modal opened onClose={onClose} title={person ? `Edit ${person.name}` : 'Add a person who signs in'} centered>
      <form aria-label={person ? 'Edit person' : 'Add person'} noValidate onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <Stack gap="sm">
          <TextInput label="Name" withAsterisk data-autofocus value={name} onChange={(e) => setName(e.currentTarget.value)} error={fields.name} />
          <Checkbox.Group label="Roles" withAsterisk value={roles} onChange={(v) => setRoles(v)} error={fields.roles}
            description="Therapists read and write notes; reception runs the diary and client details; administrators manage people, settings, backups and exports.">
            <Group mt="xs">{ROLES.map((r) => <Checkbox key={r} value={r} label={ROLE_LABELS[r]} />)}</Group>
          </Checkbox.Group>
          {roles.includes('therapist') && (
            <Select<number> label="Diary column" withAsterisk placeholder="The therapist they are" allowDeselect={false}
              data={(therapists.data ?? []).filter((t) => t.active).map((t) => ({ value: t.id, label: t.name }))}
              value={therapistId} onChange={setTherapistId} error={fields.therapistId ?? (therapists.error ? `Therapists could not be loaded: ${therapists.error.message}` : undefined)} />
          )}
          {person ? (
            <Checkbox label="Can sign in" checked={active} disabled={person.id === me.id} onChange={(e) => setActive(e.currentTarget.checked)} />
          ) : (
            <>
              <SegmentedControl aria-label="Signs in with" value={secretKind} onChange={(v) => setSecretKind(v)}
                data={[{ value: 'pin', label: 'PIN' }, { value: 'password', label: 'Password' }]} />
              <SecretField kind={secretKind} withAsterisk value={secret} onChange={(e) => setSecret(e.currentTarget.value)} error={fields.secret}
                description={secretKind === 'pin' ? '4 to 8 digits; they can be told it and change nothing else' : 'At least 8 characters'} />
            </>
          )}
          {error && Object.keys(fields).length === 0 && <Alert color="red" role="alert">{error.message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={create.isPending || update.isPending}>{person ? 'Save person' : 'Add person'}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ResetSecret({ person, onClose }: { person: UserAccount; onClose: () => void }) {
  const [secretKind, setSecretKind] = useState<SecretKind>(person.secretKind);
  const [secret, setSecret] = useState('');
  const reset = useAction('users:resetSecret', {
    showsOwnErrors: true,
    onSuccess: () => { notifications.show({ color: 'teal', title: 'Saved', message: `New ${secretKind === 'pin' ? 'PIN' : 'password'} for ${person.name}` }); onClose(); },
  });
  const fields = reset.error?.fields ?? {};
  return (
    <Modal opened onClose={onClose} title={`New password or PIN for ${person.name}`} centered>
      <form aria-label="New password or PIN" noValidate onSubmit={(e) => { e.preventDefault(); reset.mutate({ id: person.id, secretKind, secret }); }}>
        <Stack gap="sm">
          <Text size="sm">This is recorded in the audit trail.</Text>
          <SegmentedControl aria-label="Signs in with" value={secretKind} onChange={(v) => setSecretKind(v)}
            data={[{ value: 'pin', label: 'PIN' }, { value: 'password', label: 'Password' }]} />
          <SecretField kind={secretKind} withAsterisk data-autofocus value={secret} onChange={(e) => setSecret(e.currentTarget.value)} error={fields.secret} />
          {reset.error && Object.keys(fields).length === 0 && <Alert color="red" role="alert">{reset.error.message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={reset.isPending}>Save</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** How long an unattended laptop stays open. */
function IdleSetting() {
  const status = useCall('session:status', {});
  const [minutes, setMinutes] = useState<number | string>('');
  const save = useAction('security:setIdle', { showsOwnErrors: true, onSuccess: (s) => notifications.show({ color: 'teal', title: 'Saved', message: `Fettle locks after ${s.idleMinutes} minutes without use.` }) });
  const value = minutes === '' ? (status.data?.idleMinutes ?? '') : minutes;
  return (
    <form aria-label="Lock when idle" noValidate onSubmit={(e) => { e.preventDefault(); save.mutate({ idleMinutes: Number(value) }); }}>
      <Group align="end" mt="md">
        <NumberInput label="Lock after (minutes without use)" w={260} min={1} max={240} allowDecimal={false} clampBehavior="none"
          value={value} onChange={setMinutes} error={save.error?.fields.idleMinutes ?? (save.error && !save.error.fields.idleMinutes ? save.error.message : undefined)} />
        <Button type="submit" variant="default" loading={save.isPending}>Save lock time</Button>
      </Group>
    </form>
  );
}
