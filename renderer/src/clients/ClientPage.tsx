import { Anchor, Badge, Button, Grid, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ClientDetail, Race } from '../../../shared/api/types';
import { DISTANCE_LABEL, PHASE_LABEL } from '../../../shared/guidance';
import { useAction, useCall } from '../api';
import { useRoles } from '../access/session';
import { GivenBadge, IntensityBadge } from '../components/Chips';
import { Loaded } from '../components/Loaded';
import { PageTitle } from '../components/PageTitle';
import { GuidanceBanner } from '../components/GuidanceBanner';
import { MedicalAlerts } from '../components/MedicalAlerts';
import { BlockTimeline } from '../components/BlockTimeline';
import { raceToDraw } from '../components/timelineRace';
import { PlanPanel } from '../plans/PlanPanel';
import { formatDate, formatDateTime, fullName } from '../format';
import { RaceFormModal } from '../races/RaceForm';
import { TreatmentDetailsModal } from '../treatments/TreatmentDetails';
import { BookButton } from '../diary/BookButton';
import { ClientRecordButton } from '../exports/ClientRecord';

export function ClientPage() {
  const id = Number(useParams().clientId);
  const detail = useCall('clients:get', { id });
  return (
    <Loaded query={detail} what="this client">
      {(data) => <ClientView id={id} detail={data} />}
    </Loaded>
  );
}

function ClientView({ id, detail }: { id: number; detail: ClientDetail }) {
  const { isTherapist, isAdmin } = useRoles();
  const [raceEditor, setRaceEditor] = useState<{ race: Race | null } | null>(null);
  const archive = useAction('clients:archive');
  const restore = useAction('clients:restore');
  const { client, guidance } = detail;
  const drawn = raceToDraw(detail.races, detail.today);
  const usualTherapist = useCall('therapists:list', {}).data?.find((t) => t.id === client.usualTherapistId)?.name;

  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <PageTitle>{fullName(client)}</PageTitle>
          {client.archived && <Badge color="gray" size="lg">Archived</Badge>}
        </Group>
        <Group>
          {!client.archived && isTherapist && (
            <Button component={Link} to={`/clients/${id}/treatments/new`}>Log treatment</Button>
          )}
          {!client.archived && <BookButton clientId={id} clientName={fullName(client)} therapistId={client.usualTherapistId} />}
          <Button variant="default" component={Link} to={`/clients/${id}/edit`}>Edit details</Button>
          {isAdmin && <ClientRecordButton clientId={id} clientName={fullName(client)} />}
          <Button variant="subtle" color={client.archived ? 'teal' : 'gray'} loading={archive.isPending || restore.isPending}
            onClick={() => (client.archived ? restore.mutate({ id }) : archive.mutate({ id }))}>
            {client.archived ? 'Restore client' : 'Archive client'}
          </Button>
        </Group>
      </Group>
      <MedicalAlerts text={client.medicalAlerts} />
      <GuidanceBanner guidance={guidance} date={detail.today} 
        title={client.usualTherapistId === null ? 'Today (no usual therapist on file)' : `Today with ${usualTherapist ?? 'the usual therapist'} (usual therapist)`} />
      <BlockTimeline races={detail.races} treatments={detail.treatments} today={detail.today} />
      {drawn && drawn.segments.length > 0 && <PlanPanel race={drawn.race} races={detail.races} segments={drawn.segments} treatments={detail.treatments} />}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <ClientDetails detail={detail} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack>
            <Paper withBorder p="md" radius="md">
              <Group justify="space-between" mb="xs">
                <Title order={2} size="h4">Races</Title>
                <Button size="xs" variant="light" onClick={() => setRaceEditor({ race: null })}>Add race</Button>
              </Group>
              <RacesTable races={detail.races} today={detail.today} onEdit={(race) => setRaceEditor({ race })} />
            </Paper>
            <UpcomingAppointments detail={detail} />
            <TreatmentHistory detail={detail} />
          </Stack>
        </Grid.Col>
      </Grid>
      <RaceFormModal clientId={id} race={raceEditor?.race ?? null} opened={raceEditor !== null} onClose={() => setRaceEditor(null)} />
    </Stack>
  );
}

function ClientDetails({ detail }: { detail: ClientDetail }) {
  const c = detail.client;
  const rows: [string, string][] = [
    ['Born', formatDate(c.dateOfBirth)],
    ['Phone', c.phone],
    ['Email', c.email],
    ['Emergency contact', [c.emergencyContactName, c.emergencyContactPhone].filter(Boolean).join(', ')],
    ['GP', c.gp],
    ['Hotspots', c.hotspots.join(', ')],
    ['Consent', [c.consentTreatment && 'treatment', c.consentData && 'data storage'].filter(Boolean).join(' and ') + (c.consentDate ? ` (given ${formatDate(c.consentDate)})` : '') || 'Not recorded'],
    ['Notes', c.notes],
  ];
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4" mb="xs">Details</Title>
      <Table>
        <Table.Tbody>
          {rows.filter(([, v]) => v).map(([k, v]) => (
            <Table.Tr key={k}><Table.Th w={150}>{k}</Table.Th><Table.Td style={{ whiteSpace: 'pre-wrap' }}>{v}</Table.Td></Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function RacesTable({ races, today, onEdit }: { races: Race[]; today: string; onEdit: (race: Race) => void }) {
  const [confirm, setConfirm] = useState<Race | null>(null);
  const remove = useAction('races:remove', { onSuccess: () => setConfirm(null) });
  if (races.length === 0) return <Text c="dimmed" size="sm">No races on file. Add one so Fettle can work out the training phase.</Text>;
  return (
    <>
      <Table highlightOnHover>
        <Table.Thead><Table.Tr><Table.Th>Date</Table.Th><Table.Th>Race</Table.Th><Table.Th>Distance</Table.Th><Table.Th>Priority</Table.Th><Table.Th>Goal</Table.Th><Table.Th /></Table.Tr></Table.Thead>
        <Table.Tbody>
          {races.map((r) => (
            <Table.Tr key={r.id} c={r.date < today ? 'dimmed' : undefined}>
              <Table.Td>{formatDate(r.date)}</Table.Td>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td>{DISTANCE_LABEL[r.distance]}{r.distanceKm ? ` (${r.distanceKm} km)` : ''}</Table.Td>
              <Table.Td>{r.priority}</Table.Td>
              <Table.Td>{r.goalTime}</Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end">
                  <Button size="compact-xs" variant="default" onClick={() => onEdit(r)} aria-label={`Edit ${r.name}`}>Edit</Button>
                  <Button size="compact-xs" variant="subtle" color="red" onClick={() => setConfirm(r)} aria-label={`Remove ${r.name}`}>Remove</Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title="Remove this race?" centered>
        <Text size="sm" mb="md">{confirm?.name} on {formatDate(confirm?.date)} will be removed. Treatments already logged keep the guidance they were given.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirm(null)} data-autofocus>Keep it</Button>
          <Button color="red" loading={remove.isPending} onClick={() => confirm && remove.mutate({ id: confirm.id })}>Remove race</Button>
        </Group>
      </Modal>
    </>
  );
}

function UpcomingAppointments({ detail }: { detail: ClientDetail }) {
  if (detail.upcomingAppointments.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4" mb="xs">Upcoming appointments</Title>
      <Table>
        <Table.Tbody>
          {detail.upcomingAppointments.map((a) => (
            <Table.Tr key={a.id}><Table.Td>{formatDateTime(a.startsAt)}</Table.Td><Table.Td>{a.durationMin} min</Table.Td><Table.Td>{a.therapistName}</Table.Td></Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function TreatmentHistory({ detail }: { detail: ClientDetail }) {
  const [open, setOpen] = useState<number | null>(null);
  // Notes open for therapists only; an "author only" note for its author only. Others see the visit.
  const { user, isTherapist } = useRoles();
  const readable = (t: ClientDetail['treatments'][number]) => isTherapist && (!t.authorOnly || t.therapistId === user.therapistId);
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4" mb="xs">Treatment history</Title>
      {detail.treatments.length === 0 ? (
        <Text c="dimmed" size="sm">No treatments logged yet.</Text>
      ) : (
        <Table aria-label="Treatment history">
          <Table.Thead><Table.Tr><Table.Th>Date</Table.Th><Table.Th>Therapist</Table.Th><Table.Th>Given</Table.Th><Table.Th>Guidance at the time</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {detail.treatments.map((t) => (
              <Table.Tr key={t.id} onClick={readable(t) ? () => setOpen(t.id) : undefined} style={readable(t) ? { cursor: 'pointer' } : undefined}>
                <Table.Td>
                  {readable(t)
                    ? <Anchor component="button" type="button" size="sm" onClick={() => setOpen(t.id)}>{formatDate(t.date)}</Anchor>
                    : <Text size="sm">{formatDate(t.date)}</Text>}
                  {t.authorOnly && <Badge ml={6} size="xs" variant="light" color="grape">Author only</Badge>}
                </Table.Td>
                <Table.Td>{t.therapistName}</Table.Td>
                <Table.Td><GivenBadge intensity={t.intensity} size="sm" />{t.overridden && <Badge ml={4} size="sm" color="red" variant="outline">Override</Badge>}</Table.Td>
                <Table.Td><Text size="sm">{PHASE_LABEL[t.phase]} · up to <IntensityBadge intensity={t.ceiling} size="sm" /></Text></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <TreatmentDetailsModal treatmentId={open} onClose={() => setOpen(null)} />
    </Paper>
  );
}
