import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { SuggestedDate } from '../../../shared/api/types';
import { formatDate } from '../format';

/** The engine's best dates for this client; a click puts the date in the form. */
export function Suggestions({ suggestions, chosen, onPick }: { suggestions: readonly SuggestedDate[]; chosen: string; onPick: (date: string) => void }) {
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="suggested-dates">
      <Title order={3} size="h5" mb={6} id="suggested-dates">Suggested dates</Title>
      {suggestions.length === 0 ? (
        <Text size="sm" c="dimmed">No race windows to book into: any date suits.</Text>
      ) : (
        <Stack gap={8}>
          {suggestions.map((s) => (
            <div key={`${s.kind}-${s.raceId}-${s.from}`} data-suggestion={s.kind}>
              <Group gap={6} wrap="nowrap" justify="space-between" align="start">
                <div>
                  <Text size="sm" fw={600}>
                    {s.label} <Text span size="sm" c="dimmed" fw={400}>· {s.raceName}</Text>
                    {s.overdue && <Badge ml={6} size="sm" color="red" variant="filled">Overdue</Badge>}
                  </Text>
                  <Text size="xs" c="dimmed" title={s.message}>
                    {s.to ? `Window ${formatDate(s.from)} to ${formatDate(s.to)}` : `From ${formatDate(s.from)}`}
                  </Text>
                </div>
                <DateButton date={s.date} chosen={chosen} what={s.label} onPick={onPick} />
              </Group>
              {s.bestDays.filter((d) => d !== s.date).length > 0 && (
                <Group gap={4} mt={4}>
                  <Text size="xs" c="dimmed">Best days after a long run:</Text>
                  {s.bestDays.filter((d) => d !== s.date).map((d) => (
                    <DateButton key={d} date={d} chosen={chosen} what={`${s.label} (best day)`} onPick={onPick} />
                  ))}
                </Group>
              )}
            </div>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function DateButton({ date, chosen, what, onPick }: { date: string; chosen: string; what: string; onPick: (date: string) => void }) {
  const selected = date === chosen;
  return (
    <Button size="compact-sm" variant={selected ? 'filled' : 'light'} onClick={() => onPick(date)} style={{ flexShrink: 0 }}
      aria-label={`Use ${formatDate(date)} for ${what}`} aria-pressed={selected}>
      {formatDate(date)}
    </Button>
  );
}
