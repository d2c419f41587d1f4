import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import type { Race } from '../../../shared/api/types';
import type { SuggestedRace } from '../../../shared/guidance';
import { useAction } from '../api';
import { formatDate } from '../format';
import { RaceFormModal, type RaceDraft } from '../races/RaceForm';

/**
 * Races found in the plan on other days: offered as B races, never added without a click. One
 * with a distance is added as it stands; one given by time only opens the race form, filled in
 * but for the distance, which the person chooses.
 */
export function SuggestedRaces({ race, suggestions }: { race: Race; suggestions: SuggestedRace[] }) {
  const add = useAction('races:create');
  const [draft, setDraft] = useState<RaceDraft | null>(null);
  if (suggestions.length === 0 && draft === null) return null;
  const name = (s: SuggestedRace) => s.title || 'Race';
  return (
    <>
      {suggestions.length > 0 && (
        <Alert color="blue" variant="light" title="Races in the plan" my="xs" data-testid="suggested-races">
          {suggestions.map((s) => (
            <Group key={s.date} justify="space-between" gap="xs" data-suggested-race={s.date}>
              <Text size="sm">{name(s)} on {formatDate(s.date)} is not on file as a race{s.distance ? '.' : ' (the plan gives no distance).'}</Text>
              {s.distance ? (
                <Button size="compact-xs" variant="default" loading={add.isPending && add.variables?.date === s.date}
                  onClick={() => add.mutate({ clientId: race.clientId, name: name(s), date: s.date, distance: s.distance!, distanceKm: s.distanceKm, priority: 'B' })}>
                  Add as a B race
                </Button>
              ) : (
                <Button size="compact-xs" variant="default" onClick={() => setDraft({ name: name(s), date: s.date, priority: 'B' })}>
                  Add as a B race…
                </Button>
              )}
            </Group>
          ))}
        </Alert>
      )}
      <RaceFormModal clientId={race.clientId} race={null} draft={draft ?? undefined} opened={draft !== null} onClose={() => setDraft(null)} />
    </>
  );
}
