import { Anchor, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { addDays, format, parseISO } from 'date-fns';
import { Link } from 'react-router';
import { DISTANCE_LABEL } from '../../../shared/guidance';
import { fettle, unwrap } from '../api';
import { formatDate, formatLongDate } from '../format';

/** What the clinic needs at a glance: the date and the races coming up in the next fortnight. */
export function TodayPage() {
  const info = useQuery({ queryKey: ['app:info'], queryFn: () => unwrap(fettle().app.info({})) });
  const races = useQuery({ queryKey: ['races:upcoming'], queryFn: () => unwrap(fettle().races.upcoming({})) });
  const today = info.data?.today;
  const horizon = today ? format(addDays(parseISO(today), 14), 'yyyy-MM-dd') : '';
  const soon = (races.data ?? []).filter((e) => e.date <= horizon);
  return (
    <Stack>
      <Title order={2}>{today ? formatLongDate(today) : 'Today'}</Title>
      <Paper withBorder p="lg" radius="md">
        <Title order={4} mb="sm">
          Races in the next two weeks
        </Title>
        {soon.length === 0 ? (
          <Text c="dimmed">No client races in the next two weeks.</Text>
        ) : (
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
        )}
      </Paper>
      {info.data && (
        <Text size="xs" c="dimmed">
          Fettle {info.data.version} · data folder {info.data.dataDir}
        </Text>
      )}
    </Stack>
  );
}
