import { Alert, Button, Group, Text } from '@mantine/core';
import type { Race } from '../../../shared/api/types';
import type { SuggestedRace } from '../../../shared/guidance';
import { useAction } from '../api';
import { formatDate } from '../format';

/** Races found in the plan on other days: offered as B races, never added without a click. */
export function SuggestedRaces({ race, suggestions }: { race: Race; suggestions: SuggestedRace[] }) {
  const add = useAction('races:create');
  if (suggestions.length === 0) return null;
  return (
    <Alert color="blue" variant="light" title="Races in the plan" my="xs">
      {suggestions.map((s) => (
        <Group key={s.date} justify="space-between" gap="xs">
          <Text size="sm">{s.title} on {formatDate(s.date)} is not on file as a race.</Text>
          {s.distance && (
            <Button size="compact-xs" variant="default" loading={add.isPending}
              onClick={() => add.mutate({ clientId: race.clientId, name: s.title, date: s.date, distance: s.distance!, distanceKm: s.distanceKm, priority: 'B' })}>
              Add as a B race
            </Button>
          )}
        </Group>
      ))}
    </Alert>
  );
}
