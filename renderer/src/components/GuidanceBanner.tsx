import { Group, List, Paper, Stack, Text } from '@mantine/core';
import { INTENSITY_COLOUR, type Guidance } from '../../../shared/guidance';
import { IntensityBadge, PhaseChip } from './Chips';
import { DueLine } from './DueLine';

/** Phase, ceiling in words and colour, headline, reasons, warnings and the due booking. */
export function GuidanceBanner({ guidance, title, date }: { guidance: Guidance; title: string; date: string }) {
  const colour = INTENSITY_COLOUR[guidance.ceiling];
  // The headline already says it: a reason or warning that repeats it would be read three times.
  const warnings = guidance.warnings.filter((w) => w.message !== guidance.headline);
  const reasons = guidance.reasons.filter((r) => r !== guidance.headline && !warnings.some((w) => w.message === r));
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
        {warnings.length > 0 && (
          <Stack gap={4}>
            {warnings.map((w) => (
              <Text key={w.code} c="red.8" size="sm" fw={500} data-warning={w.code}>
                ⚠ {w.message}
              </Text>
            ))}
          </Stack>
        )}
        {reasons.length > 0 && (
          <List size="sm" spacing={2}>
            {reasons.map((r) => (
              <List.Item key={r}>{r}</List.Item>
            ))}
          </List>
        )}
        {guidance.due && <DueLine due={guidance.due} today={date} />}
      </Stack>
    </Paper>
  );
}
