import { Button, Group, Modal, Paper, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { PlanSession, Race, TreatmentSummary } from '../../../shared/api/types';
import type { Segment } from '../../../shared/guidance';
import { useAction, useCall } from '../api';
import { Loaded } from '../components/Loaded';
import { formatDate } from '../format';
import { LoadChart } from './LoadChart';
import { PlanImportDialog } from './PlanImportDialog';
import { PlanSessionForm } from './PlanSessionForm';
import { SuggestedRaces } from './SuggestedRaces';

/** The training plan of the race the timeline draws: its weekly load, and ways to bring it in or edit it. */
export function PlanPanel({ race, races, segments, treatments }: { race: Race; races: Race[]; segments: Segment[]; treatments: TreatmentSummary[] }) {
  const plan = useCall('plans:get', { id: race.id });
  const [importing, setImporting] = useState(false);
  const [editing, setEditing] = useState<{ session: PlanSession | null } | null>(null);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="plan-title">
      <Group justify="space-between" mb={4}>
        <Title order={2} size="h4" id="plan-title">Training plan for {race.name}</Title>
        <Group gap="xs">
          <Button size="xs" variant="light" onClick={() => setEditing({ session: null })}>Add session</Button>
          <Button size="xs" variant="light" onClick={() => setImporting(true)}>Import plan…</Button>
        </Group>
      </Group>
      <Loaded query={plan} what="the training plan">
        {(p) =>
          p.sessions.length === 0 ? (
            <Text size="sm" c="dimmed">
              No plan on file. Import the runner&apos;s plan (a CSV or an .ics calendar from their coaching app) to pair treatment with the hardest weeks.
            </Text>
          ) : (
            <>
              <LoadChart plan={p} segments={segments} treatments={treatments} />
              <SuggestedRaces race={race} suggestions={p.chart.suggestedRaces.filter((x) => !races.some((r) => r.date === x.date))} />
              <details>
                <summary style={{ cursor: 'pointer', fontSize: 14 }}>Weeks and sessions ({p.sessions.length} sessions)</summary>
                <Table aria-label="Weekly load" mt="xs">
                  <Table.Thead><Table.Tr><Table.Th>Week</Table.Th><Table.Th>Dates</Table.Th><Table.Th>Load</Table.Th><Table.Th>Longest run</Table.Th><Table.Th>Best days</Table.Th></Table.Tr></Table.Thead>
                  <Table.Tbody>
                    {p.chart.weeks.map((w) => (
                      <Table.Tr key={w.week} fw={w.hardest ? 700 : undefined}>
                        <Table.Td>{w.week}{w.hardest ? ' (hardest)' : ''}</Table.Td>
                        <Table.Td>{formatDate(w.start)}–{formatDate(w.end)}</Table.Td>
                        <Table.Td>{w.load} {p.chart.unit}</Table.Td>
                        <Table.Td>{w.longestRun ? `${w.longestRun.amount}, ${formatDate(w.longestRun.date)}` : ''}</Table.Td>
                        <Table.Td>{w.bestDays.map(formatDate).join(' or ')}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                <SessionTable sessions={p.sessions} onEdit={(session) => setEditing({ session })} />
              </details>
            </>
          )
        }
      </Loaded>
      <PlanImportDialog race={race} opened={importing} onClose={() => setImporting(false)} />
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.session ? 'Edit session' : 'Add a session'} centered>
        {editing && <PlanSessionForm raceId={race.id} session={editing.session} onDone={() => setEditing(null)} />}
      </Modal>
    </Paper>
  );
}

function SessionTable({ sessions, onEdit }: { sessions: PlanSession[]; onEdit: (s: PlanSession) => void }) {
  const remove = useAction('plans:removeSession');
  return (
    <Table aria-label="Plan sessions" mt="md">
      <Table.Thead><Table.Tr><Table.Th>Date</Table.Th><Table.Th>Session</Table.Th><Table.Th>Distance</Table.Th><Table.Th>Minutes</Table.Th><Table.Th><span className="visually-hidden">Actions</span></Table.Th></Table.Tr></Table.Thead>
      <Table.Tbody>
        {sessions.map((s) => (
          <Table.Tr key={s.id}>
            <Table.Td>{formatDate(s.date)}</Table.Td>
            <Table.Td>{s.title || s.kind || ''}</Table.Td>
            <Table.Td>{s.distance !== null ? `${s.distance} ${s.unit}` : ''}</Table.Td>
            <Table.Td>{s.durationMin ?? ''}</Table.Td>
            <Table.Td>
              <Group gap={4} justify="flex-end">
                <Button size="compact-xs" variant="default" onClick={() => onEdit(s)} aria-label={`Edit session of ${formatDate(s.date)}`}>Edit</Button>
                <Button size="compact-xs" variant="subtle" color="red" onClick={() => remove.mutate({ id: s.id })} aria-label={`Remove session of ${formatDate(s.date)}`}>Remove</Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
