import { Anchor, Badge, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { DISTANCE_LABEL } from '../../../shared/guidance';
import { fold } from '../../../shared/search';
import { fettle, unwrap } from '../api';
import { formatDate } from '../format';

/** Upcoming races across the clinic, one card per event: "9 clients running the Brighton Marathon on 12/04". */
export function RacesPage() {
  const races = useQuery({ queryKey: ['races:upcoming'], queryFn: () => unwrap(fettle().races.upcoming({})) });
  const [filter, setFilter] = useState('');
  const events = (races.data ?? []).filter((e) => !filter || fold(e.name).includes(fold(filter)));
  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>Upcoming races</Title>
        <TextInput placeholder="Filter by race name" value={filter} onChange={(e) => setFilter(e.currentTarget.value)} aria-label="Filter by race name" w={280} />
      </Group>
      {races.error && <Text c="red">{races.error.message}</Text>}
      {races.data && events.length === 0 && <Text c="dimmed">No upcoming races on file. Add races from a client’s page.</Text>}
      <Stack gap="sm">
        {events.map((e) => (
          <Paper key={`${e.date}|${e.name}|${e.distance}`} withBorder p="md" radius="md" role="article" aria-label={`${e.name} on ${formatDate(e.date)}`}>
            <Group justify="space-between" mb={6}>
              <Text fw={600}>
                {e.name} <Text span c="dimmed" fw={400}>· {DISTANCE_LABEL[e.distance]} · {formatDate(e.date)}</Text>
              </Text>
              <Badge variant="light" size="lg">
                {e.entrants.length} {e.entrants.length === 1 ? 'client' : 'clients'} running
              </Badge>
            </Group>
            <Group gap="md">
              {e.entrants.map((x) => (
                <Anchor key={x.raceId} component={Link} to={`/clients/${x.clientId}`} size="sm">
                  {x.clientName}
                  <Text span c="dimmed" size="xs"> ({x.priority})</Text>
                </Anchor>
              ))}
            </Group>
          </Paper>
        ))}
      </Stack>
    </>
  );
}
