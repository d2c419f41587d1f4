import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { RecallEntry } from '../../../shared/api/types';
import { useCall } from '../api';
import { IntensityBadge, PhaseChip } from '../components/Chips';
import { useToday } from '../components/forms';
import { Loaded } from '../components/Loaded';
import { PageTitle } from '../components/PageTitle';
import { formatDate } from '../format';
import { BookingModal, type BookingPrefill } from '../diary/BookingForm';
import { ContactModal } from './ContactForm';

/** A badge shows all its words (Mantine cuts long ones with an ellipsis). */
const WHOLE_LABEL = { root: { maxWidth: 'none' }, label: { overflow: 'visible' } } as const;

const KIND_LABEL: Readonly<Record<RecallEntry['kind'], string>> = {
  'baseline-assessment': 'Baseline assessment',
  'peak-session': 'Peak session',
  'taper-session': 'Taper session',
  'recovery-flush': 'Recovery flush',
};

/**
 * Clients to ring: a booking is due or overdue and nothing is booked, most urgent first. Each
 * call is noted ("contacted") so two people do not ring the same client; booking from a row
 * opens the booking form with the client and their usual therapist filled in.
 */
export function RecallPage() {
  const today = useToday();
  const recall = useCall('recall:list', {});
  const [booking, setBooking] = useState<BookingPrefill | null>(null);
  const [contacting, setContacting] = useState<RecallEntry | null>(null);
  return (
    <Stack>
      <PageTitle>Recall list</PageTitle>
      <Text size="sm" c="dimmed">
        Clients whose next session is due or overdue and who have nothing booked, the most urgent first. Note each call so colleagues do not ring twice.
      </Text>
      <Paper withBorder p="md" radius="md">
        <Loaded query={recall} what="the recall list">
          {(entries) =>
            entries.length === 0 ? (
              <Text>Nobody is due: every client who needs a session has one booked.</Text>
            ) : (
              <>
                <Text size="sm" mb="xs" data-testid="recall-count">{entries.length} {entries.length === 1 ? 'client' : 'clients'} to contact</Text>
                <Table aria-label="Recall list" verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Client</Table.Th>
                      <Table.Th>Due</Table.Th>
                      <Table.Th>Why</Table.Th>
                      <Table.Th>Phase</Table.Th>
                      <Table.Th>Last seen</Table.Th>
                      <Table.Th>Last contact</Table.Th>
                      <Table.Th><span className="visually-hidden">Actions</span></Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {entries.map((e) => (
                      <RecallRow key={e.clientId} entry={e}
                        onBook={() => setBooking({ clientId: e.clientId, clientName: e.clientName, therapistId: e.usualTherapistId, date: today ?? undefined })}
                        onContacted={() => setContacting(e)} />
                    ))}
                  </Table.Tbody>
                </Table>
              </>
            )
          }
        </Loaded>
      </Paper>
      <BookingModal prefill={booking} onClose={() => setBooking(null)} />
      <ContactModal entry={contacting} onClose={() => setContacting(null)} />
    </Stack>
  );
}

function RecallRow({ entry: e, onBook, onContacted }: { entry: RecallEntry; onBook: () => void; onContacted: () => void }) {
  return (
    <Table.Tr data-client-id={e.clientId} data-overdue={e.overdue || undefined}>
      <Table.Td>
        <Anchor component={Link} to={`/clients/${e.clientId}`} fw={600}>{e.clientName}</Anchor>
        <Text size="xs" c="dimmed">{[e.phone, e.email].filter(Boolean).join(' · ')}</Text>
      </Table.Td>
      <Table.Td>
        {e.overdue ? (
          <Badge color="red" variant="filled" radius="sm" tt="none" styles={WHOLE_LABEL}>Overdue {e.daysOverdue} {e.daysOverdue === 1 ? 'day' : 'days'}</Badge>
        ) : (
          <Badge color="#a63c06" variant="filled" radius="sm" tt="none" styles={WHOLE_LABEL}>Due now</Badge>
        )}
        <Text size="xs" mt={2}>{e.kind === 'peak-session' ? 'Due' : 'Book'} by {formatDate(e.dueDate)}</Text>
        {e.overdueFrom && <Text size="xs" c="dimmed">{e.overdue ? 'Overdue since' : 'Overdue from'} {formatDate(e.overdueFrom)}</Text>}
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={600} title={e.reason}>{KIND_LABEL[e.kind]}</Text>
        {e.race && <Text size="xs">{e.race.name}, {formatDate(e.race.date)}</Text>}
      </Table.Td>
      <Table.Td>
        <Stack gap={4} align="start">
          <PhaseChip phase={e.phase} size="sm" />
          <IntensityBadge intensity={e.ceiling} size="sm" />
        </Stack>
      </Table.Td>
      <Table.Td>{e.lastTreatment ? formatDate(e.lastTreatment) : <Text size="sm" c="dimmed">Never</Text>}</Table.Td>
      <Table.Td maw={220}>
        {e.latestContact ? (
          <>
            <Text size="sm">{formatDate(e.latestContact.date)} · {e.latestContact.by}</Text>
            {e.latestContact.note && <Text size="xs" c="dimmed">{e.latestContact.note}</Text>}
          </>
        ) : (
          <Text size="sm" c="dimmed">Not contacted</Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Button size="compact-sm" onClick={onBook} aria-label={`Book ${e.clientName}`}>Book</Button>
          <Button size="compact-sm" variant="default" onClick={onContacted} aria-label={`Contacted ${e.clientName}`}>Contacted…</Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
