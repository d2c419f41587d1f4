import { Alert, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { AuditQuery } from '../../../shared/api/types';
import { AUDIT_ACTIONS, type AuditAction } from '../../../shared/vocabulary';
import { useAction, useCall } from '../api';
import { DateField } from '../components/DateField';
import { Loaded } from '../components/Loaded';
import { PageTitle } from '../components/PageTitle';
import { formatDate } from '../format';
import { useRoles } from './session';

export const ACTION_LABELS: Record<AuditAction, string> = {
  'sign-in': 'Signed in', 'sign-in-failed': 'Sign-in failed', 'sign-out': 'Signed out', lock: 'Locked',
  'recovery-key-used': 'Recovery key used', 'notes-opened': 'Opened notes', 'note-created': 'Note written',
  'note-edited': 'Note edited', 'note-amended': 'Note amended', export: 'Export', restore: 'Restore',
  'user-created': 'Person added', 'user-changed': 'Person changed', 'secret-reset': 'New password or PIN', 'settings-changed': 'Settings changed',
};

/** At, in the clinic's local time: dd/MM/yyyy HH:mm:ss. */
function localTime(instant: string): string {
  const d = new Date(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${formatDate(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`)} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Who did what, when, to which client: filtered and exported by administrators; changed by no one. */
export function AuditPage() {
  const { isAdmin } = useRoles();
  const [filters, setFilters] = useState<AuditQuery>({ userId: null, action: null, fromDate: null, toDate: null });
  const people = useCall('users:list', {}, { enabled: isAdmin });
  const events = useCall('audit:list', filters, { enabled: isAdmin });
  const exportCsv = useAction('audit:export', {
    onSuccess: (r) => r.file && notifications.show({ color: 'teal', title: 'Audit trail saved', message: `${r.events} events to ${r.file}` }),
  });
  if (!isAdmin) return <Alert color="yellow" role="alert" title="For administrators">The audit trail is shown to administrators only.</Alert>;
  const set = (patch: Partial<AuditQuery>) => setFilters((f) => ({ ...f, ...patch }));
  return (
    <Stack>
      <Group justify="space-between">
        <PageTitle>Audit trail</PageTitle>
        <Button variant="default" onClick={() => exportCsv.mutate(filters)} loading={exportCsv.isPending}>Export as CSV…</Button>
      </Group>
      <Group align="end" role="search" aria-label="Filter the audit trail">
        <Select<number> label="Person" placeholder="Everyone" clearable clearButtonProps={{ 'aria-label': 'Show everyone' }} w={220} value={filters.userId ?? null} onChange={(v) => set({ userId: v })}
          data={(people.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
        <Select label="What" placeholder="Everything" clearable clearButtonProps={{ 'aria-label': 'Show everything' }} w={220} value={filters.action ?? null} onChange={(v) => set({ action: (v) })}
          data={AUDIT_ACTIONS.map((a) => ({ value: a, label: ACTION_LABELS[a] }))} />
        <DateField label="From" w={160} value={filters.fromDate ?? ''} onChange={(v) => set({ fromDate: /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null })} />
        <DateField label="To" w={160} value={filters.toDate ?? ''} onChange={(v) => set({ toDate: /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null })} />
      </Group>
      <Loaded query={events} what="the audit trail">
        {(list) => list.length === 0 ? (
          <Text c="dimmed">Nothing recorded matches these filters.</Text>
        ) : (
          <Table aria-label="Audit trail" striped>
            <Table.Thead><Table.Tr><Table.Th>When</Table.Th><Table.Th>Who</Table.Th><Table.Th>What</Table.Th><Table.Th>Client</Table.Th><Table.Th>Detail</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {list.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{localTime(e.at)}</Table.Td>
                  <Table.Td>{e.userName}</Table.Td>
                  <Table.Td>{ACTION_LABELS[e.action] ?? e.action}</Table.Td>
                  <Table.Td>{e.clientName ?? ''}</Table.Td>
                  <Table.Td>{e.detail}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Loaded>
    </Stack>
  );
}
