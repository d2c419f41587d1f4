import './daysheet.css';
import { Box, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { format, parseISO } from 'date-fns';
import { enGB } from 'date-fns/locale';
import { Link, useParams } from 'react-router';
import type { DayColumn } from '../../../shared/api/types';
import { INTENSITY_LABEL, PHASE_LABEL } from '../../../shared/guidance';
import { useAction, useCall } from '../api';
import { Loaded } from '../components/Loaded';
import { formatDate } from '../format';
import { STATUS_LABEL } from './status';

/**
 * A day's appointments per therapist, to print or save as PDF (A4) and leave at the desk:
 * client, time, type, phase, ceiling and medical alerts, never a clinical note (main's day
 * sheet carries none).
 */
export function DaySheetPage() {
  const date = useParams().date ?? '';
  const sheet = useCall('daysheet:get', { date });
  // Main prints this very page (its print styles, A4) into the file the person chooses.
  const savePdf = useAction('daysheet:savePdf');
  const title = /^\d{4}-\d{2}-\d{2}$/.test(date) ? `Day sheet, ${format(parseISO(date), 'EEEE', { locale: enGB })} ${formatDate(date)}` : 'Day sheet';
  return (
    <Box className="daysheet" component="main">
      <Group justify="space-between" mb="md" className="no-print">
        <Button variant="default" component={Link} to={`/diary?date=${date}`}>Back to the diary</Button>
        <Group gap="xs">
          <Button variant="default" onClick={() => window.print()}>Print…</Button>
          <Button loading={savePdf.isPending} onClick={() => savePdf.mutate({ date })}>Save as PDF…</Button>
        </Group>
      </Group>
      {savePdf.data?.file && (
        <Text size="sm" mb="sm" className="no-print" role="status">Saved to {savePdf.data.file}</Text>
      )}
      <Title order={1} size="h2" mb="xs">{title}</Title>
      <Text size="sm" mb="md">Front-desk copy: times, guidance and medical alerts. No clinical notes.</Text>
      <Loaded query={sheet} what="the day sheet">
        {(data) =>
          data.therapists.length === 0 ? (
            <Text>No therapist works on this day and nothing is booked.</Text>
          ) : (
            <Stack gap="lg">
              {data.therapists.map((column) => <TherapistSheet key={column.therapistId} column={column} />)}
            </Stack>
          )
        }
      </Loaded>
    </Box>
  );
}

function TherapistSheet({ column }: { column: DayColumn }) {
  return (
    <section className="daysheet-therapist" aria-labelledby={`sheet-${column.therapistId}`}>
      <Group justify="space-between" align="baseline" mb={4}>
        <Title order={2} size="h3" id={`sheet-${column.therapistId}`}>{column.therapistName}</Title>
        <Text size="sm">{column.hours ? `Working ${column.hours.start}–${column.hours.end}` : 'Not on the rota today'}</Text>
      </Group>
      {column.appointments.length === 0 ? (
        <Text size="sm">No appointments.</Text>
      ) : (
        <Table withTableBorder withColumnBorders className="daysheet-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="14%">Time</Table.Th>
              <Table.Th w="19%">Client</Table.Th>
              <Table.Th w="18%">Type</Table.Th>
              <Table.Th w="11%">Phase</Table.Th>
              <Table.Th w="15%">Ceiling</Table.Th>
              <Table.Th w="23%">Medical alerts</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {column.appointments.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{a.time}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600}>{a.clientName}</Text>
                  {a.status !== 'booked' && <Text size="xs">{STATUS_LABEL[a.status]}</Text>}
                </Table.Td>
                <Table.Td>{a.typeName ?? ''}{a.aboveCeiling && <Text size="xs" fw={700}>Above the guidance</Text>}</Table.Td>
                <Table.Td>{PHASE_LABEL[a.phase]}</Table.Td>
                <Table.Td>{INTENSITY_LABEL[a.ceiling]}</Table.Td>
                <Table.Td><Text size="sm" style={{ whiteSpace: 'pre-wrap' }} fw={a.medicalAlerts ? 600 : 400}>{a.medicalAlerts || '—'}</Text></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}
