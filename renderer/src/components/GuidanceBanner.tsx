import { Group, List, Paper, Stack, Text } from '@mantine/core';
import { INTENSITY_COLOUR, type Guidance } from '../../../shared/guidance';
import { formatDate } from '../format';
import { IntensityBadge, PhaseChip } from './Chips';

/** Phase, ceiling in words and colour, headline, reasons, warnings and the due booking. */
export function GuidanceBanner({ guidance, title }: { guidance: Guidance; title: string }) {
  const colour = INTENSITY_COLOUR[guidance.ceiling];
  return (
    <Paper withBorder p="md" radius="md" style={{ borderLeft: `6px solid ${colour.hex}` }} aria-label={title} role="region">
      <Stack gap="xs">
        <Group gap="sm">
          <Text fw={600} size="sm" c="dimmed">
            {title}
          </Text>
          <PhaseChip phase={guidance.phase} />
          <IntensityBadge intensity={guidance.ceiling} />
          {guidance.weekOfBlock && guidance.blockWeeks && (
            <Text size="sm" c="dimmed">
              Week {guidance.weekOfBlock} of {guidance.blockWeeks}
            </Text>
          )}
        </Group>
        <Text fw={600} size="lg" data-testid="guidance-headline">
          {guidance.headline}
        </Text>
        {guidance.warnings.length > 0 && (
          <Stack gap={4}>
            {guidance.warnings.map((w, i) => (
              <Text key={i} c="red.8" size="sm" fw={500} data-warning={w.code}>
                ⚠ {w.message}
              </Text>
            ))}
          </Stack>
        )}
        {guidance.reasons.length > 0 && (
          <List size="sm" spacing={2}>
            {guidance.reasons.map((r, i) => (
              <List.Item key={i}>{r}</List.Item>
            ))}
          </List>
        )}
        {guidance.due && (
          <Text size="sm" fw={500} c="teal.9" data-testid="guidance-due">
            {guidance.due.message}
            {guidance.due.overdueFrom ? ` Overdue from ${formatDate(guidance.due.overdueFrom)}.` : ''}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
