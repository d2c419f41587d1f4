import { Anchor, Badge, Button, Group, Kbd, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { format, parseISO } from 'date-fns';
import { enGB } from 'date-fns/locale';
import { Link, useNavigate } from 'react-router';
import type { AppointmentStatus, DayAppointment, DayColumn, RacingSoon } from '../../../shared/api/types';
import { DISTANCE_LABEL, PRIORITY_LABEL } from '../../../shared/guidance';
import { useAction, useCall } from '../api';
import { useRoles } from '../access/session';
import { IntensityBadge, PhaseChip } from '../components/Chips';
import { BackupWarning } from '../backups/BackupWarning';
import { Loaded } from '../components/Loaded';
import { PageTitle } from '../components/PageTitle';
import { formatDate } from '../format';
import { logTreatmentLink, StatusBadge } from '../diary/AppointmentDetails';
import { STATUS_LABEL } from '../diary/status';

/** One keystroke per mark on a focused row; only the marks main allows from each status. */
const KEYS: readonly { key: string; status: AppointmentStatus; from: readonly AppointmentStatus[] }[] = [
  { key: 'a', status: 'arrived', from: ['booked'] },
  { key: 'c', status: 'completed', from: ['booked', 'arrived'] },
  { key: 'n', status: 'no-show', from: ['booked'] },
];

/** The front desk's day: each therapist's appointments with the client's guidance, and who is racing soon. */
export function TodayPage() {
  const info = useCall('app:info', {});
  const day = useCall('today:list', {});
  const today = info.data?.today ?? day.data?.date;
  const { user } = useRoles();
  /** The signed-in therapist's own diary column: the one whose treatments they log from here. */
  const ownColumn = user.roles.includes('therapist') ? user.therapistId : null;
  const clinician = ownColumn !== null;
  return (
    <Stack>
      <Group justify="space-between">
        <PageTitle>{today ? `Today, ${format(parseISO(today), 'EEEE', { locale: enGB })} ${formatDate(today)}` : 'Today'}</PageTitle>
        {today && (
          <Group gap="xs">
            <Button variant="default" component={Link} to={`/diary?date=${today}`}>Open the diary</Button>
            <Button variant="default" component={Link} to={`/daysheet/${today}`}>Print day sheet</Button>
          </Group>
        )}
      </Group>
      <BackupWarning />
      <Loaded query={day} what="today's appointments">
        {(list) => (
          <>
            <Text size="sm" id="today-keys">
              Select an appointment (<Kbd>Tab</Kbd>, or <Kbd>↑</Kbd> <Kbd>↓</Kbd> between rows), then press <Kbd>A</Kbd> arrived, <Kbd>C</Kbd> completed
              or <Kbd>N</Kbd> no-show; <Kbd>Enter</Kbd> opens the client{clinician ? <>, <Kbd>L</Kbd> logs the treatment</> : null}.
            </Text>
            {list.therapists.length === 0 ? (
              <Paper withBorder p="lg" radius="md"><Text>Nobody is working today and nothing is booked.</Text></Paper>
            ) : (
              list.therapists.map((column) => <TherapistDay key={column.therapistId} column={column} clinician={column.therapistId === ownColumn} />)
            )}
            <RacingSoonList races={list.racingSoon} total={list.racingSoonTotal} />
          </>
        )}
      </Loaded>
      {info.data && (
        <Text size="xs" c="dimmed">
          Fettle {info.data.version} · data folder {info.data.dataDir}
        </Text>
      )}
    </Stack>
  );
}

function TherapistDay({ column, clinician }: { column: DayColumn; clinician: boolean }) {
  const headingId = `today-therapist-${column.therapistId}`;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id={headingId}>{column.therapistName}</Title>
        <Text size="sm" c="dimmed">
          {column.hours ? `Working ${column.hours.start}–${column.hours.end}` : 'Not on the rota today'} · {column.appointments.length} {column.appointments.length === 1 ? 'appointment' : 'appointments'}
        </Text>
      </Group>
      {column.appointments.length === 0 ? (
        <Text size="sm" c="dimmed">No appointments today.</Text>
      ) : (
        <Table aria-labelledby={headingId} aria-describedby="today-keys" verticalSpacing={6} highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Time</Table.Th>
              <Table.Th>Client</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Phase and ceiling</Table.Th>
              <Table.Th miw={170}>Medical alerts</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th><span className="visually-hidden">Actions</span></Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {column.appointments.map((a) => <AppointmentRow key={a.id} appointment={a} clinician={clinician} />)}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

function AppointmentRow({ appointment: a, clinician }: { appointment: DayAppointment; clinician: boolean }) {
  const navigate = useNavigate();
  const mark = useAction('appointments:setStatus', {
    onSuccess: (changed) => notifications.show({ color: 'teal', title: STATUS_LABEL[changed.status], message: `${changed.clientName}, ${a.time}` }),
  });
  const allowed = KEYS.filter((k) => k.from.includes(a.status));
  const canLog = clinician && (a.status === 'booked' || a.status === 'arrived');
  const onKeyDown = (event: React.KeyboardEvent<HTMLTableRowElement>) => {
    if (event.target !== event.currentTarget || event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key === 'arrowdown' || key === 'arrowup') {
      event.preventDefault();
      const rows = [...document.querySelectorAll<HTMLElement>('[data-today-row]')];
      rows[rows.indexOf(event.currentTarget) + (key === 'arrowdown' ? 1 : -1)]?.focus();
      return;
    }
    if (key === 'enter') {
      event.preventDefault();
      void navigate(`/clients/${a.clientId}`);
      return;
    }
    if (key === 'l' && canLog) {
      event.preventDefault();
      void navigate(logTreatmentLink(a));
      return;
    }
    const action = allowed.find((k) => k.key === key);
    if (action && !mark.isPending) {
      event.preventDefault();
      mark.mutate({ id: a.id, status: action.status });
    }
  };
  return (
    <Table.Tr tabIndex={0} data-today-row data-appointment-id={a.id} onKeyDown={onKeyDown} aria-keyshortcuts={canLog ? 'A C N L' : 'A C N'}
      aria-label={`${a.time} ${a.clientName}, ${a.typeName ?? 'appointment'}, ${STATUS_LABEL[a.status]}`}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{a.time}</Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/clients/${a.clientId}`} c="teal.8" fw={600} tabIndex={-1} style={{ whiteSpace: 'nowrap' }}>{a.clientName}</Anchor>
      </Table.Td>
      <Table.Td>
        {a.typeName ?? ''}
        {a.aboveCeiling && <Text size="xs" c="red.8" fw={600}>Above the guidance</Text>}
        {a.acknowledgedWarning && <Text size="xs" c="dimmed">Warning acknowledged</Text>}
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          <PhaseChip phase={a.phase} size="sm" />
          <IntensityBadge intensity={a.ceiling} size="sm" />
        </Group>
      </Table.Td>
      <Table.Td maw={220}>
        {a.medicalAlerts ? <Text size="sm" c="red.8" fw={600} style={{ whiteSpace: 'pre-wrap' }}>{a.medicalAlerts}</Text> : <Text size="sm" c="dimmed">None</Text>}
      </Table.Td>
      <Table.Td><StatusBadge status={a.status} /></Table.Td>
      <Table.Td w={200}>
        {/* Wraps onto two lines rather than pushing the table past its card on a 1366 laptop. */}
        <Group gap={4}>
          {allowed.map((k) => (
            <Button key={k.status} size="compact-xs" variant="default" tabIndex={-1} loading={mark.isPending && mark.variables?.status === k.status}
              onClick={() => mark.mutate({ id: a.id, status: k.status })} aria-label={`${STATUS_LABEL[k.status]}: ${a.clientName}`}>
              {STATUS_LABEL[k.status]}
            </Button>
          ))}
          {canLog && (
            <Button size="compact-xs" variant="light" component={Link} to={logTreatmentLink(a)} tabIndex={-1}>Log treatment</Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

function RacingSoonList({ races, total }: { races: readonly RacingSoon[]; total: number }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="racing-soon">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="racing-soon">Racing in the next 7 days</Title>
        {total > races.length && (
          <Text size="sm">
            The soonest {races.length} of {total.toLocaleString('en-GB')}; every race is on the <Anchor component={Link} to="/races">Races</Anchor> screen.
          </Text>
        )}
      </Group>
      {races.length === 0 ? (
        <Text c="dimmed">No clients racing in the next 7 days.</Text>
      ) : (
        <Table aria-labelledby="racing-soon">
          <Table.Thead>
            <Table.Tr><Table.Th>Date</Table.Th><Table.Th>When</Table.Th><Table.Th>Client</Table.Th><Table.Th>Race</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {races.map((r) => (
              <Table.Tr key={r.raceId}>
                <Table.Td>{formatDate(r.date)}</Table.Td>
                <Table.Td>
                  {r.daysToRace === 0 ? <Badge color="pink.8" variant="filled" radius="sm" tt="none">Race day</Badge> : `in ${r.daysToRace} ${r.daysToRace === 1 ? 'day' : 'days'}`}
                </Table.Td>
                <Table.Td><Anchor component={Link} to={`/clients/${r.clientId}`}>{r.clientName}</Anchor></Table.Td>
                <Table.Td>
                  {r.raceName} <Text span size="sm" c="dimmed">({DISTANCE_LABEL[r.distance]}, {PRIORITY_LABEL[r.priority]})</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
