import { Alert, Anchor, Badge, Button, Divider, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import type { AppointmentStatus, DiaryAppointment } from '../../../shared/api/types';
import { GIVEN_LABEL } from '../../../shared/guidance';
import { useAction } from '../api';
import { useRoles } from '../access/session';
import { IntensityBadge, PhaseChip } from '../components/Chips';
import { useToday } from '../components/forms';
import { formatDateTime } from '../format';
import { isOpen, STATUS_COLOUR, STATUS_LABEL } from './status';
import { dateOf, timeOf } from './time';
import { Caution } from './Caution';

/** Which marks the desk may give from each status (main checks the same). */
const NEXT: Readonly<Record<AppointmentStatus, readonly AppointmentStatus[]>> = {
  booked: ['arrived', 'completed', 'no-show'],
  arrived: ['completed', 'booked'],
  'no-show': ['booked'],
  cancelled: ['booked'],
  completed: [],
};

const ACTION_LABEL: Readonly<Record<AppointmentStatus, string>> = {
  arrived: 'Arrived',
  completed: 'Completed',
  'no-show': 'No-show',
  booked: 'Reinstate',
  cancelled: 'Cancel',
};

/** Marks that only make sense on the day or after it. */
const ON_THE_DAY: ReadonlySet<AppointmentStatus> = new Set(['arrived', 'completed', 'no-show']);

/** The link that opens the treatment form from an appointment: saving it completes the appointment. */
export const logTreatmentLink = (a: Pick<DiaryAppointment, 'id' | 'clientId' | 'therapistId' | 'startsAt'>): string =>
  `/clients/${a.clientId}/treatments/new?appointment=${a.id}&date=${dateOf(a.startsAt)}&therapist=${a.therapistId}`;

export function StatusBadge({ status }: { status: AppointmentStatus }) {
  const colour = STATUS_COLOUR[status];
  return (
    <Badge radius="sm" tt="none" styles={{ root: { background: colour.hex, color: colour.textHex, maxWidth: 'none' }, label: { overflow: 'visible' } }} data-status={status}>
      {STATUS_LABEL[status]}
    </Badge>
  );
}

export function AppointmentDetailsModal({ appointment, onClose, onMove }: { appointment: DiaryAppointment | null; onClose: () => void; onMove: (a: DiaryAppointment) => void }) {
  return (
    <Modal opened={appointment !== null} onClose={onClose} centered size="lg"
      title={appointment ? `${appointment.clientName}, ${formatDateTime(appointment.startsAt)}` : 'Appointment'}>
      {appointment && <Details appointment={appointment} onDone={onClose} onMove={() => onMove(appointment)} />}
    </Modal>
  );
}

function Details({ appointment: a, onDone, onMove }: { appointment: DiaryAppointment; onDone: () => void; onMove: () => void }) {
  const today = useToday() ?? '';
  const { user } = useRoles();
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState('');
  const setStatus = useAction('appointments:setStatus', {
    onSuccess: (changed) => {
      notifications.show({ color: 'teal', title: STATUS_LABEL[changed.status], message: `${changed.clientName}, ${formatDateTime(changed.startsAt)}` });
      onDone();
    },
  });
  const cancel = useAction('appointments:setStatus', {
    showsOwnErrors: true,
    onSuccess: (changed) => {
      notifications.show({ color: 'teal', title: 'Cancelled', message: `${changed.clientName}, ${formatDateTime(changed.startsAt)}: ${changed.cancelReason ?? ''}` });
      onDone();
    },
    onError: (error) => setReasonError(error.fields.reason ?? error.message),
  });
  const day = dateOf(a.startsAt);
  const marks = NEXT[a.status].filter((s) => !ON_THE_DAY.has(s) || day <= today);
  // A treatment is logged by the therapist who gave it, signed in as themselves.
  const canLog = user.therapistId === a.therapistId && user.roles.includes('therapist') && isOpen(a.status) && day <= today;

  return (
    <Stack gap="sm">
      <Table variant="vertical" withTableBorder layout="fixed">
        <Table.Tbody>
          <Table.Tr><Table.Th w={140}>Client</Table.Th><Table.Td><Anchor component={Link} to={`/clients/${a.clientId}`}>{a.clientName}</Anchor></Table.Td></Table.Tr>
          <Table.Tr><Table.Th>Time</Table.Th><Table.Td>{formatDateTime(a.startsAt)}–{timeOf(a.endsAt)} ({a.durationMin} min)</Table.Td></Table.Tr>
          <Table.Tr><Table.Th>Therapist</Table.Th><Table.Td>{a.therapistName}</Table.Td></Table.Tr>
          <Table.Tr><Table.Th>Type</Table.Th><Table.Td>{a.typeName ?? 'No type'}{a.intensity && <Text span size="sm" c="dimmed"> · {GIVEN_LABEL[a.intensity]}</Text>}</Table.Td></Table.Tr>
          <Table.Tr><Table.Th>Status</Table.Th><Table.Td><StatusBadge status={a.status} />{a.cancelReason && <Text span size="sm" ml="xs">{a.cancelReason}</Text>}</Table.Td></Table.Tr>
          <Table.Tr>
            <Table.Th>On the day</Table.Th>
            <Table.Td>
              <Group gap="xs">
                <PhaseChip phase={a.phase} size="sm" />
                <IntensityBadge intensity={a.ceiling} size="sm" />
                {a.aboveCeiling && <Text span size="sm" c="red.8" fw={600}>Type is above the guidance</Text>}
              </Group>
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {a.hasAlerts && <Alert color="red" variant="light" title="Medical alerts on file">See the client's page before treating.</Alert>}
      {a.acknowledgedWarning && (
        <Caution title="Warning acknowledged when booked">
          <Text size="sm">{a.acknowledgedWarning.text}</Text>
          <Text size="xs" c="dimmed" mt={4}>By {a.acknowledgedWarning.by}, {formatDateTime(a.acknowledgedWarning.at.slice(0, 16))}</Text>
        </Caution>
      )}
      {a.outsideHoursConfirmed && <Text size="sm" c="dimmed">Booked outside working hours, confirmed.</Text>}

      <Divider />
      <Group gap="xs">
        {marks.map((status) => (
          <Button key={status} variant={status === 'booked' ? 'default' : 'filled'} loading={setStatus.isPending && setStatus.variables?.status === status}
            onClick={() => setStatus.mutate({ id: a.id, status })}>
            {a.status === 'arrived' && status === 'booked' ? 'Not arrived' : ACTION_LABEL[status]}
          </Button>
        ))}
        {isOpen(a.status) && <Button variant="default" onClick={onMove}>Move…</Button>}
        {canLog && <Button variant="light" component={Link} to={logTreatmentLink(a)}>Log treatment</Button>}
        {isOpen(a.status) && !cancelling && <Button variant="subtle" color="red" onClick={() => setCancelling(true)}>Cancel appointment…</Button>}
      </Group>
      {a.status === 'booked' && day > today && (
        <Text size="xs" c="dimmed">Arrived, completed and no-show can be marked on the day.</Text>
      )}
      {cancelling && (
        <form aria-label="Cancel appointment" noValidate
          onSubmit={(e) => { e.preventDefault(); setReasonError(''); cancel.mutate({ id: a.id, status: 'cancelled', reason }); }}>
          <Group align="end">
            <TextInput label="Reason for cancelling" withAsterisk data-autofocus w={320} value={reason}
              onChange={(e) => setReason(e.currentTarget.value)} error={reasonError || undefined} placeholder="e.g. Client unwell" />
            <Button type="submit" color="red" loading={cancel.isPending}>Cancel appointment</Button>
            <Button variant="default" onClick={() => setCancelling(false)}>Keep it</Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}
