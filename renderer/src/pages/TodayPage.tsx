import { Anchor, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { addDays, format, parseISO } from 'date-fns';
import { Link } from 'react-router';
import { DISTANCE_LABEL } from '../../../shared/guidance';
import { useCall } from '../api';
import { Loaded } from '../components/Loaded';
import { PageTitle } from '../components/PageTitle';
import { formatDate, formatLongDate } from '../format';

/** What the clinic needs at a glance: the date and the races coming up in the next fortnight. */
export function TodayPage() {
  const info = useCall('app:info', {});
  const races = useCall('races:upcoming', {});
  const today = info.data?.today;
  return (
    <Stack>
      <PageTitle>{today ? `Today, ${formatLongDate(today)}` : 'Today'}</PageTitle>
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="races-soon">
        <Title order={2} size="h4" mb="sm" id="races-soon">
          Races in the next two weeks
        </Title>
        <Loaded query={races} what="upcoming races">
          {(events) => {
            const horizon = today ? format(addDays(parseISO(today), 14), 'yyyy-MM-dd') : '';
            const soon = events.filter((e) => e.date <= horizon);
            if (soon.length === 0) return <Text c="dimmed">No client races in the next two weeks.</Text>;
            return (
              <Table>
                <Table.Thead>
                  <Table.Tr><Table.Th>Date</Table.Th><Table.Th>Race</Table.Th><Table.Th>Clients running</Table.Th></Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {soon.map((e) => (
                    <Table.Tr key={`${e.date}-${e.name}-${e.distance}`}>
                      <Table.Td>{formatDate(e.date)}</Table.Td>
                      <Table.Td>{e.name} <Text span c="dimmed" size="sm">({DISTANCE_LABEL[e.distance]})</Text></Table.Td>
                      <Table.Td>
                        <Group gap="xs">
                          {e.entrants.map((x) => (
                            <Anchor key={x.raceId} component={Link} to={`/clients/${x.clientId}`} size="sm">{x.clientName}</Anchor>
                          ))}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            );
          }}
        </Loaded>
      </Paper>
      {info.data && (
        <Text size="xs" c="dimmed">
          Fettle {info.data.version} · data folder {info.data.dataDir}
        </Text>
      )}
    </Stack>
  );
}
