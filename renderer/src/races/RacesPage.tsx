import { Anchor, Badge, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { DISTANCE_LABEL } from '../../../shared/guidance';
import { fold } from '../../../shared/search';
import { useCall } from '../api';
import { Loaded } from '../components/Loaded';
import { PageTitle } from '../components/PageTitle';
import { formatDate } from '../format';

/** Upcoming races across the clinic, one card per event: "9 clients running the Brighton Marathon on 12/04". */
export function RacesPage() {
  const races = useCall('races:upcoming', {});
  const [filter, setFilter] = useState('');
  return (
    <>
      <Group justify="space-between" mb="md">
        <PageTitle>Upcoming races</PageTitle>
        <TextInput placeholder="Filter by race name" value={filter} onChange={(e) => setFilter(e.currentTarget.value)} aria-label="Filter by race name" w={280} />
      </Group>
      <Loaded query={races} what="upcoming races">
        {(all) => {
          const events = all.filter((e) => !filter || fold(e.name).includes(fold(filter)));
          if (events.length === 0) {
            return <Text c="dimmed">{all.length === 0 ? 'No upcoming races on file. Add races from a client’s page.' : `No upcoming race matches “${filter}”.`}</Text>;
          }
          return (
            <Stack gap="sm">
              {events.map((e) => (
                <Paper key={`${e.date}|${e.name}|${e.distance}`} withBorder p="md" radius="md" component="article" aria-label={`${e.name} on ${formatDate(e.date)}`}>
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
          );
        }}
      </Loaded>
    </>
  );
}
